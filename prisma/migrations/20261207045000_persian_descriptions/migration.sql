-- Category and brand descriptions in Persian, beside the Persian names (docs/decisions/018).
-- Nullable, so the previous release's writes still succeed (expand only).

-- AlterTable
ALTER TABLE "Category" ADD COLUMN "descriptionFa" TEXT;

-- AlterTable
ALTER TABLE "Brand" ADD COLUMN "descriptionFa" TEXT;

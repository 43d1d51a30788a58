-- Catalog content in two languages (docs/decisions/018).

-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "nameFa" TEXT;

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "nameFa" TEXT;

-- AlterTable
ALTER TABLE "Color" ADD COLUMN     "nameFa" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "translatedDescription" TEXT,
ADD COLUMN     "translatedTitle" TEXT;

-- AlterTable
ALTER TABLE "Size" ADD COLUMN     "labelFa" TEXT;

-- AlterTable
ALTER TABLE "SizeScale" ADD COLUMN     "nameFa" TEXT;

-- The store's languages only.
ALTER TABLE "Product" ADD CONSTRAINT "Product_locale_known" CHECK ("locale" IN ('en', 'fa'));

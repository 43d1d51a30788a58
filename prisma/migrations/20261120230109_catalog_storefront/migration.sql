-- DropIndex
DROP INDEX "Product_status_publishedAt_idx";

-- DropIndex
DROP INDEX "Product_categoryId_status_publishedAt_idx";

-- DropIndex
DROP INDEX "Product_brandId_status_publishedAt_idx";

-- DropIndex
DROP INDEX "Product_shopId_status_publishedAt_idx";

-- DropIndex
DROP INDEX "Product_featured_status_publishedAt_idx";

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "effectivePrice" INTEGER,
ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "onSale" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Product_listed_publishedAt_id_idx" ON "Product"("listed", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Product_featured_listed_publishedAt_id_idx" ON "Product"("featured", "listed", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Product_onSale_listed_publishedAt_id_idx" ON "Product"("onSale", "listed", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Product_categoryId_listed_publishedAt_id_idx" ON "Product"("categoryId", "listed", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Product_categoryId_listed_effectivePrice_id_idx" ON "Product"("categoryId", "listed", "effectivePrice", "id");

-- CreateIndex
CREATE INDEX "Product_brandId_listed_publishedAt_id_idx" ON "Product"("brandId", "listed", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Product_brandId_listed_effectivePrice_id_idx" ON "Product"("brandId", "listed", "effectivePrice", "id");

-- CreateIndex
CREATE INDEX "Product_shopId_listed_publishedAt_id_idx" ON "Product"("shopId", "listed", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Product_shopId_listed_effectivePrice_id_idx" ON "Product"("shopId", "listed", "effectivePrice", "id");

-- CreateIndex
CREATE INDEX "Product_shopId_status_updatedAt_idx" ON "Product"("shopId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Product_sizeScaleId_idx" ON "Product"("sizeScaleId");


-- Guard rails the Prisma schema cannot express; Prisma Migrate leaves CHECK constraints alone.
ALTER TABLE "Product" ADD CONSTRAINT "Product_listed_only_when_active" CHECK (NOT "listed" OR "status" = 'ACTIVE');
ALTER TABLE "Product" ADD CONSTRAINT "Product_active_has_published_at" CHECK ("status" <> 'ACTIVE' OR "publishedAt" IS NOT NULL);
ALTER TABLE "Product" ADD CONSTRAINT "Product_min_price_positive" CHECK ("minPrice" IS NULL OR "minPrice" > 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_effective_price_not_negative" CHECK ("effectivePrice" IS NULL OR "effectivePrice" >= 0);
ALTER TABLE "Category" ADD CONSTRAINT "Category_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> "id");
ALTER TABLE "Color" ADD CONSTRAINT "Color_hex_format" CHECK ("hex" ~ '^#[0-9a-f]{6}$');

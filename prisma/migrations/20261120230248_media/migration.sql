-- CreateEnum
CREATE TYPE "MediaKind" AS ENUM ('PRODUCT_IMAGE', 'AVATAR');

-- CreateEnum
CREATE TYPE "ImageFormat" AS ENUM ('AVIF', 'WEBP', 'JPEG');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "avatarId" TEXT;

-- CreateTable
CREATE TABLE "MediaAsset" (
    "id" TEXT NOT NULL,
    "kind" "MediaKind" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "originalKey" TEXT NOT NULL,
    "originalFormat" TEXT NOT NULL,
    "originalBytes" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "placeholder" TEXT NOT NULL,
    "recipe" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaAsset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaVariant" (
    "id" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "format" "ImageFormat" NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,

    CONSTRAINT "MediaVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductImage" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "alt" TEXT NOT NULL DEFAULT '',
    "colorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MediaAsset_originalKey_key" ON "MediaAsset"("originalKey");

-- CreateIndex
CREATE INDEX "MediaAsset_ownerId_idx" ON "MediaAsset"("ownerId");

-- CreateIndex
CREATE INDEX "MediaAsset_recipe_idx" ON "MediaAsset"("recipe");

-- CreateIndex
CREATE UNIQUE INDEX "MediaVariant_key_key" ON "MediaVariant"("key");

-- CreateIndex
CREATE UNIQUE INDEX "MediaVariant_assetId_format_width_key" ON "MediaVariant"("assetId", "format", "width");

-- CreateIndex
CREATE UNIQUE INDEX "ProductImage_assetId_key" ON "ProductImage"("assetId");

-- CreateIndex
CREATE INDEX "ProductImage_productId_position_idx" ON "ProductImage"("productId", "position");

-- CreateIndex
CREATE INDEX "ProductImage_colorId_idx" ON "ProductImage"("colorId");

-- CreateIndex
CREATE UNIQUE INDEX "User_avatarId_key" ON "User"("avatarId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_avatarId_fkey" FOREIGN KEY ("avatarId") REFERENCES "MediaAsset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaAsset" ADD CONSTRAINT "MediaAsset_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaVariant" ADD CONSTRAINT "MediaVariant_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "MediaAsset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "MediaAsset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_colorId_fkey" FOREIGN KEY ("colorId") REFERENCES "Color"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Guard rails the Prisma schema cannot express; Prisma Migrate leaves CHECK constraints alone.
ALTER TABLE "MediaAsset" ADD CONSTRAINT "MediaAsset_dimensions_positive" CHECK ("width" > 0 AND "height" > 0 AND "originalBytes" > 0);
ALTER TABLE "MediaAsset" ADD CONSTRAINT "MediaAsset_original_is_private" CHECK ("originalKey" LIKE 'originals/%');
ALTER TABLE "MediaVariant" ADD CONSTRAINT "MediaVariant_dimensions_positive" CHECK ("width" > 0 AND "height" > 0 AND "bytes" > 0);
ALTER TABLE "MediaVariant" ADD CONSTRAINT "MediaVariant_key_is_public" CHECK ("key" LIKE 'img/%');
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_position_not_negative" CHECK ("position" >= 0);
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_alt_length" CHECK (char_length("alt") <= 300);

-- Stored objects follow their rows. Whatever deletes a variant or an asset (the media service,
-- a product deleted with its images by cascade, a rebuild replacing variants) queues the
-- deletion of the object in the outbox in the same transaction; the outbox worker then deletes
-- it from storage and retries until it succeeds, so a storage outage never blocks the change.
CREATE FUNCTION "media_variant_object_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OutboxEvent" ("topic", "key") VALUES ('storage.delete', OLD."key");
  RETURN NULL;
END $$;

CREATE FUNCTION "media_original_object_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OutboxEvent" ("topic", "key") VALUES ('storage.delete', OLD."originalKey");
  RETURN NULL;
END $$;

CREATE TRIGGER "MediaVariant_delete_object" AFTER DELETE ON "MediaVariant"
  FOR EACH ROW EXECUTE FUNCTION "media_variant_object_gone"();
CREATE TRIGGER "MediaVariant_replace_object" AFTER UPDATE OF "key" ON "MediaVariant"
  FOR EACH ROW WHEN (OLD."key" IS DISTINCT FROM NEW."key") EXECUTE FUNCTION "media_variant_object_gone"();
CREATE TRIGGER "MediaAsset_delete_original" AFTER DELETE ON "MediaAsset"
  FOR EACH ROW EXECUTE FUNCTION "media_original_object_gone"();
CREATE TRIGGER "MediaAsset_replace_original" AFTER UPDATE OF "originalKey" ON "MediaAsset"
  FOR EACH ROW WHEN (OLD."originalKey" IS DISTINCT FROM NEW."originalKey") EXECUTE FUNCTION "media_original_object_gone"();

-- A product image owns its asset: removing the image (directly, or with its product) removes
-- the asset, and with it the variants and their stored objects.
CREATE FUNCTION "media_product_image_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "MediaAsset" WHERE "id" = OLD."assetId";
  RETURN NULL;
END $$;

CREATE TRIGGER "ProductImage_delete_asset" AFTER DELETE ON "ProductImage"
  FOR EACH ROW EXECUTE FUNCTION "media_product_image_gone"();

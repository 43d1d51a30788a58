-- Several assets may name the same stored object (seed:bulk --photos reuses a pool of processed
-- photos for many products). Deletion already waits until no row names an object, so the keys
-- only need an index for that lookup, not uniqueness.

-- DropIndex
DROP INDEX "MediaAsset_originalKey_key";

-- DropIndex
DROP INDEX "MediaVariant_key_key";

-- CreateIndex
CREATE INDEX "MediaAsset_originalKey_idx" ON "MediaAsset"("originalKey");

-- CreateIndex
CREATE INDEX "MediaVariant_key_idx" ON "MediaVariant"("key");

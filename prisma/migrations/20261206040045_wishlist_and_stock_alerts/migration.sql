-- CreateTable
CREATE TABLE "WishlistItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT,
    "target" TEXT NOT NULL,
    "savedPrice" INTEGER,
    "priceAlert" BOOLEAN NOT NULL DEFAULT false,
    "alertPrice" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WishlistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockAlert" (
    "id" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "userId" TEXT,
    "locale" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "StockAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WishlistItem_productId_idx" ON "WishlistItem"("productId");

-- CreateIndex
CREATE INDEX "WishlistItem_variantId_idx" ON "WishlistItem"("variantId");

-- CreateIndex
CREATE UNIQUE INDEX "WishlistItem_userId_target_key" ON "WishlistItem"("userId", "target");

-- CreateIndex
CREATE INDEX "StockAlert_variantId_notifiedAt_idx" ON "StockAlert"("variantId", "notifiedAt");

-- CreateIndex
CREATE INDEX "StockAlert_userId_idx" ON "StockAlert"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StockAlert_variantId_email_key" ON "StockAlert"("variantId", "email");

-- AddForeignKey
ALTER TABLE "WishlistItem" ADD CONSTRAINT "WishlistItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WishlistItem" ADD CONSTRAINT "WishlistItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WishlistItem" ADD CONSTRAINT "WishlistItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockAlert" ADD CONSTRAINT "StockAlert_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockAlert" ADD CONSTRAINT "StockAlert_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row per thing saved: the variant when a colour and size were chosen, else the product.
ALTER TABLE "WishlistItem" ADD CONSTRAINT "WishlistItem_target_check"
  CHECK ("target" = COALESCE("variantId", "productId"));

ALTER TABLE "StockAlert" ADD CONSTRAINT "StockAlert_email_lower_check" CHECK ("email" = lower("email"));

-- Alerts are queued by the database, in the transaction of the change, whichever command made
-- it (a seller's edit, a cancelled order's restock, a price change at a discount boundary), so
-- no path that changes stock or prices can forget them (docs/decisions/022). The job reads the
-- rows when it runs and claims each subscriber once; its key keeps one waiting job per variant
-- or product. graphile-worker's schema is installed before these migrations (ADR 019).
CREATE FUNCTION "wishlist_back_in_stock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "StockAlert" WHERE "variantId" = NEW."id" AND "notifiedAt" IS NULL) THEN
    PERFORM graphile_worker.add_job(
      'wishlist.back-in-stock',
      json_build_object('variantId', NEW."id"),
      max_attempts := 25,
      job_key := 'wishlist.back-in-stock:' || NEW."id");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Variant_back_in_stock"
  AFTER UPDATE OF "stock" ON "Variant"
  FOR EACH ROW WHEN (OLD."stock" <= 0 AND NEW."stock" > 0)
  EXECUTE FUNCTION "wishlist_back_in_stock"();

CREATE FUNCTION "wishlist_price_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "WishlistItem" WHERE "productId" = NEW."id" AND "priceAlert") THEN
    PERFORM graphile_worker.add_job(
      'wishlist.price-drop',
      json_build_object('productId', NEW."id"),
      max_attempts := 25,
      job_key := 'wishlist.price-drop:' || NEW."id");
  END IF;
  RETURN NULL;
END $$;

-- A seller's save (a new version: variant prices may have changed) or a re-pricing.
CREATE TRIGGER "Product_price_change"
  AFTER UPDATE ON "Product"
  FOR EACH ROW WHEN (
    NEW."version" <> OLD."version"
    OR NEW."effectivePrice" IS DISTINCT FROM OLD."effectivePrice"
    OR NEW."onSale" <> OLD."onSale")
  EXECUTE FUNCTION "wishlist_price_change"();

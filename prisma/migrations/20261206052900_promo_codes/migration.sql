-- CreateEnum
CREATE TYPE "PromoKind" AS ENUM ('PERCENT', 'FIXED', 'FREE_DELIVERY');

-- AlterTable
ALTER TABLE "Cart" ADD COLUMN     "promoCode" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "promoDiscount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shippingDiscount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PromoCode" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "shopId" TEXT,
    "kind" "PromoKind" NOT NULL,
    "value" INTEGER NOT NULL,
    "maxDiscount" INTEGER,
    "minOrder" INTEGER NOT NULL DEFAULT 0,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "usageLimit" INTEGER,
    "perCustomerLimit" INTEGER,
    "usedCount" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "categoryIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "productIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromoCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromoRedemption" (
    "id" TEXT NOT NULL,
    "promoCodeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerKey" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "releasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromoRedemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLineDiscount" (
    "id" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "promoCodeId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "OrderLineDiscount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PromoCode_code_key" ON "PromoCode"("code");

-- CreateIndex
CREATE INDEX "PromoCode_shopId_createdAt_idx" ON "PromoCode"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "PromoRedemption_promoCodeId_customerKey_idx" ON "PromoRedemption"("promoCodeId", "customerKey");

-- CreateIndex
CREATE INDEX "PromoRedemption_orderId_idx" ON "PromoRedemption"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "PromoRedemption_promoCodeId_orderId_key" ON "PromoRedemption"("promoCodeId", "orderId");

-- CreateIndex
CREATE INDEX "OrderLineDiscount_promoCodeId_idx" ON "OrderLineDiscount"("promoCodeId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLineDiscount_orderLineId_promoCodeId_key" ON "OrderLineDiscount"("orderLineId", "promoCodeId");

-- AddForeignKey
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoRedemption" ADD CONSTRAINT "PromoRedemption_promoCodeId_fkey" FOREIGN KEY ("promoCodeId") REFERENCES "PromoCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoRedemption" ADD CONSTRAINT "PromoRedemption_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLineDiscount" ADD CONSTRAINT "OrderLineDiscount_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLineDiscount" ADD CONSTRAINT "OrderLineDiscount_promoCodeId_fkey" FOREIGN KEY ("promoCodeId") REFERENCES "PromoCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Guard rails the Prisma schema cannot express; Prisma Migrate leaves CHECK constraints alone.
ALTER TABLE "Order" DROP CONSTRAINT "Order_total_adds_up";
ALTER TABLE "Order" ADD CONSTRAINT "Order_total_adds_up" CHECK ("total" = "itemsTotal" - "promoDiscount" + "shippingCost");
ALTER TABLE "Order" ADD CONSTRAINT "Order_promo_amounts" CHECK ("promoDiscount" BETWEEN 0 AND "itemsTotal" AND "shippingDiscount" >= 0);
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_value_fits_kind" CHECK (
  ("kind" = 'PERCENT' AND "value" BETWEEN 1 AND 100) OR
  ("kind" = 'FIXED' AND "value" > 0) OR
  ("kind" = 'FREE_DELIVERY' AND "value" = 0));
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_limits" CHECK (
  "minOrder" >= 0 AND ("maxDiscount" IS NULL OR "maxDiscount" > 0) AND
  ("usageLimit" IS NULL OR "usageLimit" > 0) AND ("perCustomerLimit" IS NULL OR "perCustomerLimit" > 0) AND
  ("startsAt" IS NULL OR "endsAt" IS NULL OR "startsAt" < "endsAt"));
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_used_within_limit" CHECK (
  "usedCount" >= 0 AND ("usageLimit" IS NULL OR "usedCount" <= "usageLimit"));
ALTER TABLE "OrderLineDiscount" ADD CONSTRAINT "OrderLineDiscount_amount_positive" CHECK ("amount" > 0);

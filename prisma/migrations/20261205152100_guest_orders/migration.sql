-- Guest checkout: an order may have no account (only an email), remembers the language it was
-- placed in, and its idempotency key is unique on its own (guests have no user id to pair it with).
ALTER TABLE "Order" ALTER COLUMN "userId" DROP NOT NULL;
ALTER TABLE "Order" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';

DROP INDEX "Order_userId_idempotencyKey_key";
CREATE UNIQUE INDEX "Order_idempotencyKey_key" ON "Order"("idempotencyKey");
CREATE INDEX "Order_email_idx" ON "Order"("email");

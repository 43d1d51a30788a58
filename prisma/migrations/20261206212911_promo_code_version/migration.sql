-- A promo code's edits are checked against the version the form was loaded with (ADR 008's
-- optimistic locking, as for products): every save and (de)activation increments it.
ALTER TABLE "PromoCode" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

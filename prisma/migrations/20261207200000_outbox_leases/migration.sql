-- The outbox worker leases a batch instead of holding a transaction while its handler runs
-- (docs/decisions/019). Nullable, so the previous release's worker still runs (expand only).

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN "leasedUntil" TIMESTAMP(3);

-- The last outbox topics move to graphile-worker's job queue (ADR 019): search and page-cache
-- updates for changed products (`search.product`), email (`mail.send`), and stored-object
-- clean-up (`storage.delete`, `media.sweep`). Their waiting events become jobs at the same
-- moments and leave the outbox in this transaction, so each is done once; the triggers that
-- wrote `storage.delete` events now queue jobs, one per statement.

-- Rebuilds of the search index replay the products synced while they ran (SearchSync); emails
-- that must go once per order or notification are claimed on its row.
ALTER TABLE "Notification" ADD COLUMN "emailQueuedAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "placedMailQueuedAt" TIMESTAMP(3);

CREATE TABLE "SearchSync" (
    "id" BIGSERIAL NOT NULL,
    "productId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchSync_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SearchSync_at_idx" ON "SearchSync"("at");

-- Confirmations and notification emails the outbox already had are not queued again.
UPDATE "Order" SET "placedMailQueuedAt" = sent."createdAt"
FROM "OutboxEvent" AS sent
WHERE sent."topic" = 'mail.send' AND sent."key" = 'order:' || "Order"."id" || ':placed';
UPDATE "Notification" SET "emailQueuedAt" = sent."createdAt"
FROM "OutboxEvent" AS sent
WHERE sent."topic" = 'mail.send' AND sent."key" = 'notification:' || "Notification"."id";

DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "OutboxEvent"
    WHERE "topic" IN ('search.product', 'mail.send', 'storage.delete', 'media.sweep')
      AND "processedAt" IS NULL
  ) THEN
    RETURN;
  END IF;
  IF to_regnamespace('graphile_worker') IS NULL THEN
    RAISE EXCEPTION 'Waiting outbox events must move into the job queue, whose schema is missing: apply the migrations with `npm run db:migrate`, which installs graphile-worker first';
  END IF;

  -- Products: 200 a job, at each event's moment ("availableAt" holds UTC without a time zone).
  PERFORM graphile_worker.add_job(
    'search.product',
    json_build_object('productIds', json_agg(batch."key" ORDER BY batch."key")),
    run_at := batch."availableAt" AT TIME ZONE 'UTC',
    max_attempts := 25)
  FROM (
    SELECT DISTINCT ON ("key", "availableAt") "key", "availableAt",
      dense_rank() OVER (PARTITION BY "availableAt" ORDER BY "key") AS n
    FROM "OutboxEvent"
    WHERE "topic" = 'search.product' AND "processedAt" IS NULL
  ) AS batch
  GROUP BY batch."availableAt", (batch.n - 1) / 200;

  -- Emails: one job each, with the message as it was rendered, and its key.
  PERFORM graphile_worker.add_job(
    'mail.send',
    (jsonb_build_object('key', "key") || "payload")::json,
    run_at := "availableAt" AT TIME ZONE 'UTC',
    max_attempts := 25)
  FROM "OutboxEvent"
  WHERE "topic" = 'mail.send' AND "processedAt" IS NULL;

  -- Stored objects: 500 keys a job.
  PERFORM graphile_worker.add_job(
    'storage.delete',
    json_build_object('keys', json_agg(batch."key" ORDER BY batch."key")),
    max_attempts := 25)
  FROM (
    SELECT "key", row_number() OVER (ORDER BY "key") AS n
    FROM (
      SELECT DISTINCT "key" FROM "OutboxEvent"
      WHERE "topic" = 'storage.delete' AND "processedAt" IS NULL
    ) AS keys
  ) AS batch
  GROUP BY (batch.n - 1) / 500;

  -- Sweeps: the assets due at each moment.
  PERFORM graphile_worker.add_job(
    'media.sweep',
    json_build_object('assetIds', json_agg(DISTINCT "key")),
    run_at := "availableAt" AT TIME ZONE 'UTC',
    max_attempts := 25)
  FROM "OutboxEvent"
  WHERE "topic" = 'media.sweep' AND "processedAt" IS NULL
  GROUP BY "availableAt";

  DELETE FROM "OutboxEvent"
  WHERE "topic" IN ('search.product', 'mail.send', 'storage.delete', 'media.sweep')
    AND "processedAt" IS NULL;
END $$;

-- A deleted or replaced row that named a stored object queues the object's deletion, one job per
-- statement (a product deleted with its photos is one job).
DROP TRIGGER "MediaVariant_delete_object" ON "MediaVariant";
DROP TRIGGER "MediaVariant_replace_object" ON "MediaVariant";
DROP TRIGGER "MediaAsset_delete_original" ON "MediaAsset";
DROP TRIGGER "MediaAsset_replace_original" ON "MediaAsset";
DROP FUNCTION "media_variant_object_gone"();
DROP FUNCTION "media_original_object_gone"();

CREATE FUNCTION "queue_storage_delete"(keys json) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF keys IS NOT NULL THEN
    PERFORM graphile_worker.add_job('storage.delete', json_build_object('keys', keys), max_attempts := 25);
  END IF;
END $$;

CREATE FUNCTION "media_variant_objects_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "queue_storage_delete"((SELECT json_agg(DISTINCT gone."key") FROM gone));
  RETURN NULL;
END $$;

CREATE FUNCTION "media_variant_objects_replaced"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "queue_storage_delete"((
    SELECT json_agg(DISTINCT gone."key") FROM gone JOIN kept ON kept."id" = gone."id"
    WHERE kept."key" IS DISTINCT FROM gone."key"));
  RETURN NULL;
END $$;

CREATE FUNCTION "media_original_objects_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "queue_storage_delete"((SELECT json_agg(DISTINCT gone."originalKey") FROM gone));
  RETURN NULL;
END $$;

CREATE FUNCTION "media_original_objects_replaced"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "queue_storage_delete"((
    SELECT json_agg(DISTINCT gone."originalKey") FROM gone JOIN kept ON kept."id" = gone."id"
    WHERE kept."originalKey" IS DISTINCT FROM gone."originalKey"));
  RETURN NULL;
END $$;

CREATE TRIGGER "MediaVariant_delete_objects" AFTER DELETE ON "MediaVariant"
  REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "media_variant_objects_deleted"();
CREATE TRIGGER "MediaVariant_replace_objects" AFTER UPDATE ON "MediaVariant"
  REFERENCING OLD TABLE AS gone NEW TABLE AS kept
  FOR EACH STATEMENT EXECUTE FUNCTION "media_variant_objects_replaced"();
CREATE TRIGGER "MediaAsset_delete_originals" AFTER DELETE ON "MediaAsset"
  REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "media_original_objects_deleted"();
CREATE TRIGGER "MediaAsset_replace_originals" AFTER UPDATE ON "MediaAsset"
  REFERENCING OLD TABLE AS gone NEW TABLE AS kept
  FOR EACH STATEMENT EXECUTE FUNCTION "media_original_objects_replaced"();

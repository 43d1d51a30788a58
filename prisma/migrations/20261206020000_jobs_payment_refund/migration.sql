-- `payment.refund` moves from the outbox to the job queue (ADR 019): each waiting event (its key
-- is the order id) becomes one job of the same task at the same moment, and leaves the outbox in
-- the same transaction, so each refund is asked for once. See 20261206010000_jobs_catalog_reprice
-- for why the queue's schema must exist when events wait.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "OutboxEvent" WHERE "topic" = 'payment.refund' AND "processedAt" IS NULL) THEN
    RETURN;
  END IF;
  IF to_regnamespace('graphile_worker') IS NULL THEN
    RAISE EXCEPTION 'Waiting outbox events must move into the job queue, whose schema is missing: apply the migrations with `npm run db:migrate`, which installs graphile-worker first';
  END IF;
  PERFORM graphile_worker.add_job(
    'payment.refund',
    json_build_object('orderId', waiting."key"),
    run_at := waiting."availableAt" AT TIME ZONE 'UTC',
    max_attempts := 25)
  FROM (
    SELECT "key", min("availableAt") AS "availableAt"
    FROM "OutboxEvent"
    WHERE "topic" = 'payment.refund' AND "processedAt" IS NULL
    GROUP BY "key"
  ) AS waiting;
  DELETE FROM "OutboxEvent" WHERE "topic" = 'payment.refund' AND "processedAt" IS NULL;
END $$;

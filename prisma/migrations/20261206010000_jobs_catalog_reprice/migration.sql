-- Background work moves from the outbox to graphile-worker's job queue (ADR 019), one topic at
-- a time. `npm run db:migrate` installs the queue's own schema (graphile_worker) before these
-- migrations run; this one moves the waiting `catalog.reprice` events into jobs of the same
-- task, grouped by moment (200 products a job), keeping each one's moment, and removes them
-- from the outbox in the same transaction, so each is done once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "OutboxEvent" WHERE "topic" = 'catalog.reprice' AND "processedAt" IS NULL) THEN
    RETURN;
  END IF;
  IF to_regnamespace('graphile_worker') IS NULL THEN
    RAISE EXCEPTION 'Waiting outbox events must move into the job queue, whose schema is missing: apply the migrations with `npm run db:migrate`, which installs graphile-worker first';
  END IF;
  PERFORM graphile_worker.add_job(
    'catalog.reprice',
    json_build_object('productIds', json_agg(batch."key" ORDER BY batch."key")),
    run_at := batch."availableAt" AT TIME ZONE 'UTC',
    max_attempts := 25)
  FROM (
    SELECT DISTINCT ON ("key", "availableAt") "key", "availableAt",
      dense_rank() OVER (PARTITION BY "availableAt" ORDER BY "key") AS n
    FROM "OutboxEvent"
    WHERE "topic" = 'catalog.reprice' AND "processedAt" IS NULL
  ) AS batch
  GROUP BY batch."availableAt", (batch.n - 1) / 200;
  DELETE FROM "OutboxEvent" WHERE "topic" = 'catalog.reprice' AND "processedAt" IS NULL;
END $$;

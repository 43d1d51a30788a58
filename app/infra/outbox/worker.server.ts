import { logger } from '../logger.server.ts'
import { metrics } from '../metrics.server.ts'
import { prisma, type OutboxEvent } from '../db.server.ts'

// Carries out outbox events. Each topic has one handler. The worker leases a batch of due rows
// in one statement (FOR UPDATE SKIP LOCKED, so any number of workers can run side by side
// without taking the same row; the lease, leasedUntil, lasts past the handler's time and commits
// at once), calls the handler with no transaction or row lock held while it talks to
// Meilisearch, SMTP or S3, and marks each event processed only when the handler succeeded;
// failures are retried with exponential backoff, for ever: the work matters (an index that must
// converge, an email that must go), so nothing is silently dropped. A worker that stops
// mid-batch gives its events back when the lease runs out.

export type OutboxHandler = {
  topic: string
  batchSize?: number
  /**
   * Carries out the events. Throwing fails the whole batch; returning ids in `failed` fails
   * just those events (with their errors) and marks the others done.
   */
  handle(events: OutboxEvent[]): Promise<void | { failed: Map<bigint, unknown> }>
}

export type OutboxWorkerOptions = {
  handlers: OutboxHandler[]
  /** How long to sleep when there is nothing to do. */
  idleDelayMs?: number
  /** How long a batch is leased to its handler before another worker may take it again. */
  leaseMs?: number
}

const BASE_BACKOFF_MS = 1_000
const MAX_BACKOFF_MS = 5 * 60_000

/** Exponential backoff with jitter: about 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempts: number) {
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1))
  return Math.round(exponential * (0.75 + Math.random() * 0.5))
}

function describe(error: unknown) {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000)
}

/**
 * Leases and handles one batch of due events of the handler's topic.
 * Returns how many events it took (0 when none was due).
 */
export async function processBatch(handler: OutboxHandler, leaseMs = 60_000): Promise<number> {
  // "availableAt" holds UTC without a time zone (as Prisma writes it): compare with UTC, not
  // with the session's local time.
  const leased = await prisma.$queryRaw<OutboxEvent[]>`
    UPDATE "OutboxEvent"
    SET "leasedUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs} * interval '1 millisecond'
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEvent"
      WHERE "topic" = ${handler.topic} AND "processedAt" IS NULL
        AND "availableAt" <= (now() AT TIME ZONE 'UTC')
        AND ("leasedUntil" IS NULL OR "leasedUntil" <= (now() AT TIME ZONE 'UTC'))
      ORDER BY "id"
      LIMIT ${handler.batchSize ?? 100}
      FOR UPDATE SKIP LOCKED)
    RETURNING *`
  if (!leased.length) return 0
  const events = leased.sort((a, b) => (a.id < b.id ? -1 : 1))

  const started = Date.now()
  let failed = new Map<bigint, unknown>()
  try {
    const result = await handler.handle(events)
    if (result) failed = result.failed
  } catch (error) {
    failed = new Map(events.map((event) => [event.id, error]))
  }
  if (Date.now() - started > leaseMs)
    logger.warn(
      { topic: handler.topic, ms: Date.now() - started, leaseMs },
      'An outbox batch outlived its lease: another worker may have handled it again',
    )

  const done = events.filter((event) => !failed.has(event.id)).map((event) => event.id)
  if (done.length) {
    await prisma.outboxEvent.updateMany({
      where: { id: { in: done } },
      data: { processedAt: new Date(), leasedUntil: null },
    })
  }
  for (const event of events) {
    if (!failed.has(event.id)) continue
    const attempts = event.attempts + 1
    const error = describe(failed.get(event.id))
    await prisma.outboxEvent.update({
      where: { id: event.id },
      data: {
        attempts,
        lastError: error,
        availableAt: new Date(Date.now() + backoffMs(attempts)),
        leasedUntil: null,
      },
    })
    metrics.outboxFailures.inc({ topic: event.topic })
    logger.warn(
      { topic: event.topic, key: event.key, attempts, error },
      'Outbox event failed; will retry',
    )
  }
  return events.length
}

/** Deletes processed events older than the retention period, in bounded chunks. */
export async function pruneProcessed(olderThanMs = 7 * 24 * 60 * 60_000) {
  const cutoff = new Date(Date.now() - olderThanMs)
  return prisma.$executeRaw`
    DELETE FROM "OutboxEvent" WHERE "id" IN (
      SELECT "id" FROM "OutboxEvent" WHERE "processedAt" < ${cutoff} LIMIT 10000)`
}

/**
 * Runs the handlers until stopped: drains each topic while it has due events, sleeps when all
 * are idle. Returns a function that stops it after the batch in hand.
 */
export function startOutboxWorker({ handlers, idleDelayMs = 500, leaseMs }: OutboxWorkerOptions) {
  let running = true
  let wake: (() => void) | undefined
  let lastPrune = 0

  const loop = (async () => {
    while (running) {
      let busy = false
      for (const handler of handlers) {
        if (!running) break
        try {
          if ((await processBatch(handler, leaseMs)) > 0) busy = true
        } catch (error) {
          logger.error(
            { err: error, topic: handler.topic },
            'Outbox worker could not process a batch',
          )
        }
      }
      if (Date.now() - lastPrune > 60 * 60_000) {
        lastPrune = Date.now()
        await pruneProcessed().catch((error: unknown) =>
          logger.warn({ err: error }, 'Could not prune the outbox'),
        )
      }
      if (!busy && running) {
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, idleDelayMs)
        })
      }
    }
  })()

  return async function stop() {
    running = false
    wake?.()
    await loop
  }
}

import type { Prisma, Tx } from '../db.server.ts'

// The transactional outbox: a side effect (re-index a product, send an email, delete stored
// files) is recorded as a row in the same transaction as the change that causes it, so it
// happens if and only if the change commits. The worker (worker.server.ts) carries it out.

export type OutboxEventInput = {
  topic: string
  /** What the event is about; handlers may collapse several events with the same key. */
  key: string
  payload?: Prisma.InputJsonValue
  /** Not before this moment (e.g. when a scheduled discount starts). */
  availableAt?: Date
}

/** Records side effects; pass the transaction of the change that causes them. */
export async function enqueue(tx: Tx, ...events: OutboxEventInput[]) {
  if (!events.length) return
  await tx.outboxEvent.createMany({
    data: events.map((event) => ({
      topic: event.topic,
      key: event.key,
      payload: event.payload ?? {},
      availableAt: event.availableAt ?? new Date(),
    })),
  })
}

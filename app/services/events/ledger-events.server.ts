import type { Tx } from '~/infra/db.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'

// How orders tell the shops' books that money moved, without knowing the books: the finance
// domain sits above orders (.dependency-cruiser.cjs), so orders queue a `ledger.post` job in the
// transaction of the change and finance's task (registered in app/services/jobs.server.ts) posts
// the entries after the commit. The event names a row; the task reads the facts from it, and
// posting is idempotent, so a retried or repeated job never counts twice (docs/decisions/029).

export const LEDGER_POST_TASK = 'ledger.post'

export type LedgerEvent =
  /** A shop's parcel was delivered: its lines' sales, commissions and delivery share. */
  | { kind: 'shipment-delivered'; shipmentId: string }
  /** A refund was recorded: what it takes back from the shop, and the commission it returns. */
  | { kind: 'refund-recorded'; refundId: string }

/** Queues the posting of `event`; pass the transaction that records it. */
export async function recordLedgerEvent(tx: Tx, event: LedgerEvent) {
  const id = event.kind === 'shipment-delivered' ? event.shipmentId : event.refundId
  await enqueueJobs(tx, {
    task: LEDGER_POST_TASK,
    payload: event,
    jobKey: `ledger:${event.kind}:${id}`,
  })
}

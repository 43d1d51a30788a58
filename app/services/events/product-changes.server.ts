import type { Tx } from '~/infra/db.server.ts'
import { enqueue } from '~/infra/outbox/outbox.server.ts'

// How other domains tell search that products changed. Call it inside the transaction that
// makes the change; the outbox worker then sends the products' current documents to the index.

export const SEARCH_PRODUCT_TOPIC = 'search.product'

/**
 * Re-index these products once the transaction commits (or at `at`, e.g. when a scheduled
 * discount starts or ends, so prices in the index change on time).
 */
export async function recordProductChanges(
  tx: Tx,
  productIds: Iterable<string>,
  options: { at?: Date } = {},
) {
  const ids = [...new Set(productIds)]
  await enqueue(
    tx,
    ...ids.map((id) => ({ topic: SEARCH_PRODUCT_TOPIC, key: id, availableAt: options.at })),
  )
}

import { prisma } from '~/infra/db.server.ts'
import { logger } from '~/infra/logger.server.ts'
import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { callSearch, waitForTasks } from '~/infra/search/client.server.ts'
import { SEARCH_PRODUCT_TOPIC } from '~/services/events/product-changes.server.ts'
import { buildProductDocuments } from './documents.server.ts'
import { ensureProductIndex, productIndexUid } from './settings.server.ts'

// Keeps the product index in step with the database: the outbox worker hands over a batch of
// `search.product` events, and this sends the products' current documents (or deletes them)
// and returns only once Meilisearch reports the work succeeded. Any failure throws, so the
// worker keeps the events and retries them with backoff: the index converges, whatever happens.

const LOCK_TIMEOUT_MS = 55_000

/**
 * Runs `work` holding a transaction-scoped advisory lock per product, taken in a fixed order.
 * Two workers can then never interleave "read the product, send its document" for the same
 * product, which could otherwise leave an older document in the index after a newer one.
 */
async function withProductLocks<T>(productIds: string[], work: () => Promise<T>): Promise<T> {
  const keys = [...productIds].sort()
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        SELECT pg_advisory_xact_lock(hashtextextended('search.product:' || key, 0))
        FROM (SELECT key FROM unnest(${keys}::text[]) AS key ORDER BY key) AS ordered`
      return work()
    },
    { timeout: LOCK_TIMEOUT_MS, maxWait: 10_000 },
  )
}

export type SyncResult = { upserted: number; deleted: number; scheduled: number }

/**
 * Makes the index hold exactly the current documents of these products: upserts the visible
 * ones, deletes the others. Resolves when Meilisearch has applied both.
 */
export async function syncProducts(
  productIds: Iterable<string>,
  options: { excludeEventIds?: bigint[]; uid?: string } = {},
): Promise<SyncResult> {
  const ids = [...new Set(productIds)]
  if (!ids.length) return { upserted: 0, deleted: 0, scheduled: 0 }
  const uid = options.uid ?? productIndexUid()
  await ensureProductIndex(uid)
  return withProductLocks(ids, async () => {
    const { documents, hidden, scheduled } = await buildProductDocuments(ids, {
      excludeEventIds: options.excludeEventIds,
    })
    const tasks = await callSearch(async (client) => {
      const index = client.index(uid)
      const enqueued = []
      // Whole documents replace the old ones, so a field that is gone does not linger.
      if (documents.length) enqueued.push(await index.addDocuments(documents, { primaryKey: 'id' }))
      if (hidden.length) enqueued.push(await index.deleteDocuments(hidden))
      return enqueued
    })
    await waitForTasks(tasks)
    return { upserted: documents.length, deleted: hidden.length, scheduled }
  })
}

export const searchProductHandler: OutboxHandler = {
  topic: SEARCH_PRODUCT_TOPIC,
  batchSize: 500,
  async handle(events) {
    const started = performance.now()
    // Repeated events for one product collapse into one document.
    const result = await syncProducts(
      events.map((event) => event.key),
      { excludeEventIds: events.map((event) => event.id) },
    )
    logger.debug(
      { events: events.length, ...result, ms: Math.round(performance.now() - started) },
      'Search index updated',
    )
  },
}

import { prisma } from '~/infra/db.server.ts'
import { callSearch, waitForTasks } from '~/infra/search/client.server.ts'
import { buildProductDocuments } from './documents.server.ts'
import { ensureProductIndex, productIndexUid } from './settings.server.ts'

// Keeps the product index in step with the database: a `search.product` job names products,
// and this sends their current documents (or deletes them) and returns only once Meilisearch
// reports the work succeeded. Any failure throws, so the job is retried with backoff: the index
// converges, whatever happens. Each sync to the live index is logged (SearchSync), so a rebuild
// can send again what reached the old index while it filled the new one.

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
  options: { uid?: string } = {},
): Promise<SyncResult> {
  const ids = [...new Set(productIds)]
  if (!ids.length) return { upserted: 0, deleted: 0, scheduled: 0 }
  const uid = options.uid ?? productIndexUid()
  await ensureProductIndex(uid)
  return withProductLocks(ids, async () => {
    const { documents, hidden, scheduled } = await buildProductDocuments(ids)
    const tasks = await callSearch(async (client) => {
      const index = client.index(uid)
      const enqueued = []
      // Whole documents replace the old ones, so a field that is gone does not linger.
      if (documents.length) enqueued.push(await index.addDocuments(documents, { primaryKey: 'id' }))
      if (hidden.length) enqueued.push(await index.deleteDocuments(hidden))
      return enqueued
    })
    await waitForTasks(tasks)
    if (uid === productIndexUid()) {
      await prisma.$executeRaw`
        INSERT INTO "SearchSync" ("productId") SELECT unnest(${ids}::text[])`
    }
    return { upserted: documents.length, deleted: hidden.length, scheduled }
  })
}

/** Forgets syncs older than a day (a rebuild only looks back over its own run). */
export async function pruneSearchSyncs() {
  return prisma.$executeRaw`
    DELETE FROM "SearchSync" WHERE "at" < now() - interval '1 day'`
}

import { prisma } from '~/infra/db.server.ts'
import { callSearch, meilisearchErrorCode, waitForTasks } from '~/infra/search/client.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import { productChangedJobs } from '~/services/events/product-changes.server.ts'
import { buildCandidateDocumentsPage } from './documents.server.ts'
import {
  applyProductIndexSettings,
  forgetEnsuredIndexes,
  productIndexUid,
} from './settings.server.ts'

// Rebuilds the product index from the database without downtime: fill a fresh index (settings
// first, then documents), swap it with the live one in one atomic step, delete the old one.
// Searches keep using the old index until the swap. Products the `search.product` jobs sent to
// the old index while the new one was being filled (the SearchSync log) are queued again
// afterwards, so no change is lost.

/** Allows for the app's clock and the database's to differ a little. */
const REPLAY_MARGIN_MS = 60_000
const REINDEX_LOCK = 'search.product:reindex'

export type ReindexResult = { uid: string; documents: number; replayed: number; ms: number }

export class ReindexRunningError extends DomainError {
  override name = 'ReindexRunningError'
  constructor() {
    super('conflict', 'reindex-running', 'Another reindex of the products is already running')
  }
}

export async function reindexProducts({
  batchSize = 2000,
  log = () => {},
}: { batchSize?: number; log?: (message: string) => void } = {}): Promise<ReindexResult> {
  return prisma.$transaction(
    async (tx) => {
      // One rebuild at a time, across processes; the lock goes with this transaction.
      const [lock] = await tx.$queryRaw<
        Array<{ locked: boolean }>
      >`SELECT pg_try_advisory_xact_lock(hashtextextended(${REINDEX_LOCK}, 0)) AS locked`
      if (!lock?.locked) throw new ReindexRunningError()
      return rebuild(batchSize, log)
    },
    { timeout: 6 * 60 * 60_000, maxWait: 10_000 },
  )
}

async function rebuild(batchSize: number, log: (message: string) => void): Promise<ReindexResult> {
  const started = Date.now()
  const live = productIndexUid()
  const fresh = `${live}_rebuild_${started.toString(36)}`

  await applyProductIndexSettings(fresh)
  log(`Created ${fresh} with the index settings`)

  let documents = 0
  let afterId: string | null = null
  const tasks = []
  for (;;) {
    const page = await buildCandidateDocumentsPage(afterId, batchSize)
    if (page.documents.length) {
      tasks.push(
        await callSearch((client) =>
          client.index(fresh).addDocuments(page.documents, { primaryKey: 'id' }),
        ),
      )
      documents += page.documents.length
    }
    if (!page.lastId) break
    afterId = page.lastId
    log(`Sent ${documents} documents`)
  }
  await waitForTasks(tasks, { timeoutMs: 60 * 60_000 })
  log(`Indexed ${documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  await callSearch(async (client) => {
    const exists = await client.getIndex(live).then(
      () => true,
      (error: unknown) => {
        if (meilisearchErrorCode(error) === 'index_not_found') return false
        throw error
      },
    )
    if (exists) {
      await waitForTasks([await client.swapIndexes([{ indexes: [live, fresh], rename: false }])])
      log(`Swapped ${fresh} in as ${live}`)
      // After the swap, `fresh` names the old index.
      await waitForTasks([await client.deleteIndex(fresh)])
    } else {
      await waitForTasks([await client.swapIndexes([{ indexes: [fresh, live], rename: true }])])
      log(`Renamed ${fresh} to ${live}`)
    }
  })
  forgetEnsuredIndexes()

  // Products the jobs sent to the old index during the rebuild: send them again.
  const synced = await prisma.$queryRaw<Array<{ productId: string }>>`
    SELECT DISTINCT "productId" FROM "SearchSync"
    WHERE "at" >= ${new Date(started - REPLAY_MARGIN_MS)}
    ORDER BY "productId"`
  const replayed = synced.length
  await prisma.$transaction((tx) =>
    enqueueJobs(tx, ...productChangedJobs(synced.map((row) => row.productId))),
  )
  if (replayed) log(`Queued ${replayed} products changed during the rebuild to be sent again`)
  return { uid: live, documents, replayed, ms: Date.now() - started }
}

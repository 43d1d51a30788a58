import { z } from 'zod'
import { claimDueJobs, completeClaimedJobs, releaseClaimedJobs } from '~/infra/jobs/queue.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { invalidatePages } from '~/infra/page-cache/page-cache.server.ts'
import { invalidateProductPages, PAGE_TAGS } from './catalog/page-tags.server.ts'
import { SEARCH_PRODUCT_TASK } from './events/product-changes.server.ts'
import { syncProducts } from './search/indexer.server.ts'

// The `search.product` job (queued by recordProductChanges in the change's transaction): the
// products' own pages read the database, so they are outdated at once; then the search
// documents are sent, and only then the grids and the rest (they read the index) are outdated,
// so a page rendered after each step sees the change however it reads it. A job takes the other
// waiting ones along (up to BATCH products), so many small changes cost one Meilisearch request,
// not one each.

const PayloadSchema = z.object({ productIds: z.array(z.string().min(1)) })

/** Products one job sends at most, its own and those of the jobs it takes along. */
const BATCH = 500

export const productChangedTask: JobTask = async (payload) => {
  const ids = new Set(PayloadSchema.parse(payload).productIds)
  const along = await claimDueJobs(SEARCH_PRODUCT_TASK, {
    limit: 50,
    accept(other) {
      const parsed = PayloadSchema.safeParse(other)
      if (!parsed.success || ids.size + parsed.data.productIds.length > BATCH) return false
      for (const id of parsed.data.productIds) ids.add(id)
      return true
    },
  })
  const started = performance.now()
  const products = [...ids]
  let result
  try {
    await invalidatePages(products.map(PAGE_TAGS.product))
    result = await syncProducts(products)
    await invalidateProductPages(products)
  } catch (error) {
    // This job is retried with backoff; the ones it took along are due again at once.
    await releaseClaimedJobs(along)
    throw error
  }
  await completeClaimedJobs(along)
  logger.debug(
    {
      products: products.length,
      jobs: along.length + 1,
      ...result,
      ms: Math.round(performance.now() - started),
    },
    'Search index updated',
  )
}

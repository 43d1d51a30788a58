import { z } from 'zod'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { invalidatePages } from '~/infra/page-cache/page-cache.server.ts'
import { invalidateProductPages, PAGE_TAGS } from './catalog/page-tags.server.ts'
import { syncProducts } from './search/indexer.server.ts'

// The `search.product` job (queued by recordProductChanges in the change's transaction): the
// products' own pages read the database, so they are outdated at once; then the search
// documents are sent, and only then the grids and the rest (they read the index) are outdated,
// so a page rendered after each step sees the change however it reads it.

const PayloadSchema = z.object({ productIds: z.array(z.string().min(1)) })

export const productChangedTask: JobTask = async (payload) => {
  const ids = [...new Set(PayloadSchema.parse(payload).productIds)]
  const started = performance.now()
  await invalidatePages(ids.map(PAGE_TAGS.product))
  const result = await syncProducts(ids)
  await invalidateProductPages(ids)
  logger.debug(
    { products: ids.length, ...result, ms: Math.round(performance.now() - started) },
    'Search index updated',
  )
}

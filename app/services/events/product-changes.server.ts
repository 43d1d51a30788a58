import type { Tx } from '~/infra/db.server.ts'
import { enqueueJobs, type JobSpec } from '~/infra/jobs/queue.server.ts'

// How other domains tell search that products changed. Call it inside the transaction that
// makes the change; a `search.product` job then sends the products' current documents to the
// index and outdates their cached pages (app/services/product-changed.server.ts).

export const SEARCH_PRODUCT_TASK = 'search.product'

export type ProductChangedPayload = { productIds: string[] }

/** Products per job: one Meilisearch request and one page-cache purge each. */
const CHUNK = 200

/** The jobs that re-index these products (at `at`, or as soon as possible). */
export function productChangedJobs(ids: string[], at?: Date): JobSpec[] {
  const jobs: JobSpec[] = []
  for (let start = 0; start < ids.length; start += CHUNK) {
    const payload: ProductChangedPayload = { productIds: ids.slice(start, start + CHUNK) }
    jobs.push({ task: SEARCH_PRODUCT_TASK, payload, runAt: at })
  }
  return jobs
}

/**
 * Re-index these products once the transaction commits (or at `at`, e.g. when a scheduled
 * discount starts or ends, so prices in the index change on time).
 */
export async function recordProductChanges(
  tx: Tx,
  productIds: Iterable<string>,
  options: { at?: Date } = {},
) {
  await enqueueJobs(tx, ...productChangedJobs([...new Set(productIds)], options.at))
}

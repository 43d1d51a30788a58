import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { loader as brandLoader } from '~/routes/($locale).brands.$slug.tsx'
import { loader as categoryLoader } from '~/routes/($locale).c.$slug.tsx'
import { loader as shopLoader } from '~/routes/($locale).shops.$slug.tsx'
import { getSearchClient } from '~/infra/search/client.server.ts'
import {
  SEARCH_PRODUCT_TASK,
  type ProductChangedPayload,
} from '~/services/events/product-changes.server.ts'
import { productChangedTask } from '~/services/product-changed.server.ts'
import type { ProductDocument } from '~/services/search/document.ts'
import type { SearchPageData } from '~/services/search/page.server.ts'
import { productIndexUid } from '~/services/search/settings.server.ts'
import { EMPTY_STATE, type SearchState } from '~/services/search/state.ts'
import { callRoute, routeRequest } from './remix.ts'

/** Runs the due `search.product` jobs, as the worker would, until none is due. */
export async function runSearchJobs() {
  await runDueJobs({ [SEARCH_PRODUCT_TASK]: productChangedTask })
}

/** The `search.product` jobs still waiting (due, later, or failed) for this product, oldest first. */
export async function pendingSearchJobs(productId: string) {
  return (await listQueuedJobs(SEARCH_PRODUCT_TASK)).filter((job) =>
    (job.payload as ProductChangedPayload).productIds.includes(productId),
  )
}

/** Every document the product index holds, by id. */
export async function indexedDocuments(uid = productIndexUid()) {
  const { results } = await getSearchClient()
    .index(uid)
    .getDocuments<ProductDocument>({ limit: 10_000 })
  return new Map(results.map((document) => [document.id, document]))
}

export function state(change: Partial<SearchState> = {}): SearchState {
  return { ...EMPTY_STATE, ...change }
}

const GRID_LOADERS = { c: categoryLoader, brands: brandLoader, shops: shopLoader }
export type GridKind = keyof typeof GRID_LOADERS

/** What a grid page's loader returns: its heading fields and the search page. */
export type GridData = { page: SearchPageData } & Record<string, unknown>

/**
 * A category, brand or shop grid through its loader (`/c/<slug>?query`), after the index has
 * caught up with every change so far.
 */
export async function loadGrid(kind: GridKind, slug: string, query = '') {
  await runSearchJobs()
  const result = await callRoute(
    GRID_LOADERS[kind],
    routeRequest(`/${kind}/${slug}${query ? `?${query}` : ''}`),
    { params: { slug } },
  )
  return { ...result, data: result.data as GridData }
}

/** The ids of the products a grid page shows (none when it is not a results page). */
export async function gridIds(kind: GridKind, slug: string, query = '') {
  const { data } = await loadGrid(kind, slug, query)
  return data.page?.status === 'ok' ? data.page.result.hits.map((hit) => hit.card.id) : []
}

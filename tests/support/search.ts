import { prisma } from '~/infra/db.server.ts'
import { processBatch } from '~/infra/outbox/worker.server.ts'
import { getSearchClient } from '~/infra/search/client.server.ts'
import { SEARCH_PRODUCT_TOPIC } from '~/services/search/changes.server.ts'
import type { ProductDocument } from '~/services/search/document.ts'
import { searchProductHandler } from '~/services/search/indexer.server.ts'
import { productIndexUid } from '~/services/search/settings.server.ts'
import { EMPTY_STATE, type SearchState } from '~/services/search/state.ts'

/** Runs the search outbox handler, as the worker would, until no event is due. Returns how many it took. */
export async function drainSearchOutbox() {
  let handled = 0
  for (;;) {
    const taken = await processBatch(searchProductHandler)
    if (!taken) return handled
    handled += taken
  }
}

/** Search events still waiting (due or not). */
export function pendingSearchEvents() {
  return prisma.outboxEvent.findMany({ where: { topic: SEARCH_PRODUCT_TOPIC, processedAt: null }, orderBy: { id: 'asc' } })
}

/** Every document the product index holds, by id. */
export async function indexedDocuments(uid = productIndexUid()) {
  const { results } = await getSearchClient().index(uid).getDocuments<ProductDocument>({ limit: 10_000 })
  return new Map(results.map((document) => [document.id, document]))
}

export function state(change: Partial<SearchState> = {}): SearchState {
  return { ...EMPTY_STATE, ...change }
}

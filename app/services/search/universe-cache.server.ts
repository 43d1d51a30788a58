import { normalizeSearchQuery } from './normalize.ts'
import { productIndexUid } from './settings.server.ts'
import type { Distribution } from './facets.server.ts'
import type { SearchScope, SearchState } from './state.ts'

// Which facet values exist at all for a query (to list the ones the filters rule out as
// disabled) depends on the query and the scope only, not on the filters, so refining a search
// reuses it. It costs the most of a page's queries (counting brands and shops over every match).
export const UNIVERSE_TTL_MS = 60_000
const universes = new Map<string, { at: number; distribution: Record<string, Distribution> }>()

export function universeKey(state: SearchState, scope: SearchScope) {
  return JSON.stringify([
    productIndexUid(),
    // What Meilisearch is asked: "پيراهن" and "پیراهن" are one search.
    normalizeSearchQuery(state.q),
    scope.category ?? null,
    scope.brand ?? null,
    scope.shop ?? null,
  ])
}

export function cachedUniverse(key: string) {
  const hit = universes.get(key)
  if (hit && Date.now() - hit.at < UNIVERSE_TTL_MS) return hit.distribution
  universes.delete(key)
  return undefined
}

export function rememberUniverse(key: string, distribution: Record<string, Distribution>) {
  if (universes.size >= 1000) universes.delete(universes.keys().next().value!)
  universes.set(key, { at: Date.now(), distribution })
}

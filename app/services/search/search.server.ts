import {
  multiSearch,
  searchFacetValues,
  SearchUnavailableError,
  meilisearchErrorCode,
  type PagedQuery,
} from '~/infra/search/client.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import {
  buildCategoryFacet,
  categoryLevels,
  facetAttributes,
  listFacetValues,
  mergeDistributions,
  type FacetValue,
  type SearchFacets,
} from './facets.server.ts'
import {
  buildFilters,
  filterExcept,
  FILTER_KEYS,
  LIST_ATTRIBUTE,
  SORT_RULES,
  type FilterKey,
} from './filters.ts'
import { HIT_DISPLAY, HitSchema, toHit, type ProductHit } from './hits.server.ts'
import { getCatalogLabels, type CatalogLabels } from './labels.server.ts'
import { productIndexUid } from './settings.server.ts'
import { normalizeSearchQuery } from './normalize.ts'
import {
  HITS_PER_PAGE,
  LIST_FACETS,
  MAX_TOTAL_HITS,
  RATING_THRESHOLDS,
  type ListFacet,
  type SearchScope,
  type SearchState,
} from './state.ts'
import { cachedUniverse, rememberUniverse, universeKey } from './universe-cache.server.ts'
import { businessMetrics } from '~/infra/business-metrics.server.ts'

// The query side of product search: one function turns URL state into hits, facet counts,
// totals and pages. Facets are disjunctive: OR within a facet, AND across facets, and each
// facet's counts are computed with every other facet's filters applied but not its own (one
// extra query per active facet, all in one multi-search round trip). Filters are in
// filters.ts, facet building in facets.server.ts, hits in hits.server.ts, the header's
// suggestions in suggest.server.ts.

export type ProductSearchResult = {
  state: SearchState
  hits: ProductHit[]
  totalHits: number
  totalPages: number
  page: number
  hitsPerPage: number
  facets: SearchFacets
  /** How many results each active filter would give if it were removed (for the empty state). */
  relaxations: Array<{ filter: FilterKey; totalHits: number }>
  /** Meilisearch's own time for the main query, and for all queries of the page together. */
  processingTimeMs: number
  totalProcessingTimeMs: number
}

/** The deepest page a search can reach (Meilisearch counts at most MAX_TOTAL_HITS). */
export function maxPage(hitsPerPage = HITS_PER_PAGE) {
  return Math.max(1, Math.floor(MAX_TOTAL_HITS / hitsPerPage))
}

export async function runQueries(queries: PagedQuery[]) {
  const end = businessMetrics.searchDuration.startTimer()
  try {
    const responses = await multiSearch(queries, HitSchema)
    end()
    return responses
  } catch (error) {
    businessMetrics.searchErrors.inc()
    if (meilisearchErrorCode(error) === 'index_not_found')
      throw new SearchUnavailableError('The product index does not exist yet', { cause: error })
    throw error
  }
}

export type SearchOptions = { scope?: SearchScope; hitsPerPage?: number; locale?: Locale }

/**
 * The Meilisearch queries a results page needs (one multi-search): the page of hits with the
 * counts of every facet not in use, one count query per active filter, and the values that
 * exist at all. Exported for the benchmark, which sends the same queries straight to Meilisearch.
 */
export function planSearch(
  input: SearchState,
  labels: CatalogLabels,
  options: SearchOptions & { universe?: boolean } = {},
) {
  const scope = options.scope ?? {}
  const hitsPerPage = options.hitsPerPage ?? HITS_PER_PAGE
  const state = { ...input, page: Math.min(input.page, maxPage(hitsPerPage)) }
  const built = buildFilters(state, scope)
  const active = FILTER_KEYS.filter((key) => built.filters[key] !== undefined)
  const categoryAttributes = categoryLevels(labels, state, scope)
  const base = { indexUid: productIndexUid(), q: normalizeSearchQuery(state.q) }

  const mainFacets = FILTER_KEYS.filter((key) => !active.includes(key)).flatMap((key) =>
    facetAttributes(key, categoryAttributes),
  )
  const queries: PagedQuery[] = [
    {
      ...base,
      filter: filterExcept(built),
      facets: mainFacets,
      page: state.page,
      hitsPerPage,
      sort: SORT_RULES[state.sort],
      ...HIT_DISPLAY,
    },
    // One query per active filter: its facet's counts with every other filter applied.
    ...active.map((key): PagedQuery => ({
      ...base,
      filter: filterExcept(built, key),
      facets: facetAttributes(key, categoryAttributes),
      page: 1,
      hitsPerPage: 0,
    })),
  ]
  // With filters on, which values exist at all for this query (shown disabled when they count 0).
  const universeFacets = LIST_FACETS.map((facet) => LIST_ATTRIBUTE[facet])
  const universe = active.length > 0 && options.universe !== false
  if (universe)
    queries.push({ ...base, filter: built.fixed, facets: universeFacets, page: 1, hitsPerPage: 0 })
  return { state, scope, hitsPerPage, active, queries, universe }
}

/**
 * Searches products: hits for the page, every facet's counts, totals and pages.
 * Throws SearchUnavailableError when Meilisearch cannot answer.
 */
export async function searchProducts(
  input: SearchState,
  options: SearchOptions = {},
): Promise<ProductSearchResult> {
  const now = new Date()
  const locale = options.locale ?? 'en'
  const labels = await getCatalogLabels()
  const key = universeKey(input, options.scope ?? {})
  const known = cachedUniverse(key)
  const {
    state,
    scope,
    hitsPerPage,
    active,
    queries,
    universe: askedUniverse,
  } = planSearch(input, labels, { ...options, universe: !known })
  const responses = await runQueries(queries)
  const [main] = responses
  if (!main) throw new SearchUnavailableError('Meilisearch returned no results')
  businessMetrics.searches.inc({ results: main.totalHits > 0 ? 'some' : 'none' })
  const byFilter = new Map(active.map((key, i) => [key, responses[i + 1]]))
  const fresh = askedUniverse
    ? responses.at(-1)?.facetDistribution
    : active.length
      ? undefined
      : main.facetDistribution
  if (fresh)
    rememberUniverse(
      key,
      Object.fromEntries(
        LIST_FACETS.map((facet) => [LIST_ATTRIBUTE[facet], fresh[LIST_ATTRIBUTE[facet]] ?? {}]),
      ),
    )
  const universe = fresh ?? known
  const countsFor = (key: FilterKey) =>
    mergeDistributions(byFilter.has(key) ? byFilter.get(key) : main)

  const [brand, color, size, shop] = await Promise.all(
    LIST_FACETS.map((facet) =>
      listFacetValues(
        facet,
        state[facet],
        countsFor(facet)[LIST_ATTRIBUTE[facet]] ?? {},
        universe?.[LIST_ATTRIBUTE[facet]] ?? {},
        labels,
        locale,
      ),
    ),
  )
  const ratingBuckets = countsFor('rating').ratingBucket ?? {}
  const priceStats = (byFilter.get('price') ?? main).facetStats?.price

  return {
    state,
    hits: main.hits.map((hit) => toHit(hit, now, locale)),
    totalHits: main.totalHits,
    totalPages: main.totalPages,
    page: state.page,
    hitsPerPage,
    facets: {
      category: buildCategoryFacet(labels, state, scope, countsFor('category'), locale),
      brand: brand!,
      color: color!,
      size: size!,
      shop: shop!,
      price: priceStats
        ? { min: Math.floor(priceStats.min), max: Math.ceil(priceStats.max) }
        : null,
      rating: RATING_THRESHOLDS.map((threshold) => ({
        value: threshold,
        count: Object.entries(ratingBuckets).reduce(
          (sum, [bucket, count]) => (Number(bucket) >= threshold ? sum + count : sum),
          0,
        ),
        selected: state.rating === threshold,
      })),
      onSale: { count: countsFor('onSale').onSale?.true ?? 0, selected: state.onSale },
      inStock: { count: countsFor('inStock').inStock?.true ?? 0, selected: state.inStock },
    },
    relaxations: active.map((key) => ({
      filter: key,
      totalHits: byFilter.get(key)?.totalHits ?? 0,
    })),
    processingTimeMs: main.processingTimeMs,
    totalProcessingTimeMs: responses.reduce((sum, response) => sum + response.processingTimeMs, 0),
  }
}

// ---------------------------------------------------------------- facet search

/**
 * The values of one list facet matching what the shopper typed in its search box, counted with
 * every other filter applied (for facets with more values than a page lists).
 */
export async function searchFacet(
  state: SearchState,
  facet: ListFacet,
  facetQuery: string,
  options: { scope?: SearchScope; locale?: Locale } = {},
): Promise<FacetValue[]> {
  const built = buildFilters(state, options.scope)
  let response
  try {
    response = await searchFacetValues(productIndexUid(), {
      facetName: LIST_ATTRIBUTE[facet],
      facetQuery: normalizeSearchQuery(facetQuery.slice(0, 100)),
      q: normalizeSearchQuery(state.q),
      filter: filterExcept(built, facet),
    })
  } catch (error) {
    if (meilisearchErrorCode(error) === 'index_not_found') return []
    throw error
  }
  const labels = await getCatalogLabels()
  const counts = Object.fromEntries(response.facetHits.map((hit) => [hit.value, hit.count]))
  const values = await listFacetValues(facet, [], counts, {}, labels, options.locale ?? 'en')
  return values.map((value) => ({ ...value, selected: state[facet].includes(value.value) }))
}

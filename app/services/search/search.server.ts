import { z } from 'zod'
import {
  multiSearch,
  searchFacetValues,
  SearchUnavailableError,
  meilisearchErrorCode,
  type PagedQuery,
  type SearchResponse,
} from '~/infra/search/client.server.ts'
import { getStorage } from '~/infra/storage/storage.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { localName, localTitle } from '~/services/catalog/localized.ts'
import { NEW_ARRIVAL_DAYS, type ProductCardData } from '~/services/catalog/storefront.server.ts'
import { toImageView } from '~/services/media/assets.server.ts'
import { CATEGORY_LEVELS, ProductDocumentSchema } from './document.ts'
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, hasHighlight } from './highlight.ts'
import { brandNames, getCatalogLabels, shopNames, type CatalogLabels } from './labels.server.ts'
import { MAX_TOTAL_HITS, productIndexUid } from './settings.server.ts'
import { normalizeSearchQuery } from './normalize.ts'
import {
  HITS_PER_PAGE,
  LIST_FACETS,
  RATING_THRESHOLDS,
  type ListFacet,
  type SearchScope,
  type SearchState,
  type Sort,
} from './state.ts'

// The query side of product search: one function turns URL state into hits, facet counts,
// totals and pages. Facets are disjunctive: OR within a facet, AND across facets, and each
// facet's counts are computed with every other facet's filters applied but not its own (one
// extra query per active facet, all in one multi-search round trip).

export type FilterKey = 'category' | ListFacet | 'price' | 'rating' | 'onSale' | 'inStock'
export const FILTER_KEYS: FilterKey[] = [
  'category',
  ...LIST_FACETS,
  'price',
  'rating',
  'onSale',
  'inStock',
]

const LIST_ATTRIBUTE: Record<ListFacet, string> = {
  brand: 'brand',
  color: 'colors',
  size: 'sizes',
  shop: 'shop',
}

const SORT_RULES: Record<Sort, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  'price-asc': ['price:asc'],
  'price-desc': ['price:desc'],
  rating: ['rating:desc', 'ratingCount:desc'],
  'best-selling': ['salesCount:desc'],
}

/**
 * A value as a Meilisearch filter string literal: double-quoted, with backslashes and quotes
 * escaped, so no input can end the string and add filter syntax of its own.
 */
export function quoteFilterValue(value: string) {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function integerLiteral(value: number) {
  if (!Number.isSafeInteger(value)) throw new Error(`Not an integer filter value: ${value}`)
  return String(value)
}

/** The filter expression of each active filter, and the scope's fixed filters. */
export function buildFilters(state: SearchState, scope: SearchScope = {}) {
  const filters: Partial<Record<FilterKey, string>> = {}
  if (state.category) filters.category = `categories = ${quoteFilterValue(state.category)}`
  for (const facet of LIST_FACETS) {
    const values = state[facet]
    if (values.length)
      filters[facet] = `${LIST_ATTRIBUTE[facet]} IN [${values.map(quoteFilterValue).join(', ')}]`
  }
  const price = [
    state.minPrice !== null ? `price >= ${integerLiteral(state.minPrice)}` : null,
    state.maxPrice !== null ? `price <= ${integerLiteral(state.maxPrice)}` : null,
  ].filter(Boolean)
  if (price.length) filters.price = price.join(' AND ')
  if (state.rating !== null) filters.rating = `rating >= ${integerLiteral(state.rating)}`
  if (state.onSale) filters.onSale = 'onSale = true'
  if (state.inStock) filters.inStock = 'inStock = true'

  const fixed: string[] = []
  if (scope.category) fixed.push(`categories = ${quoteFilterValue(scope.category)}`)
  if (scope.brand) fixed.push(`brand = ${quoteFilterValue(scope.brand)}`)
  if (scope.shop) fixed.push(`shop = ${quoteFilterValue(scope.shop)}`)
  return { filters, fixed }
}

function filterExcept(built: ReturnType<typeof buildFilters>, except?: FilterKey) {
  return [
    ...built.fixed,
    ...Object.entries(built.filters).flatMap(([key, expression]) =>
      key === except ? [] : [expression],
    ),
  ]
}

// ---------------------------------------------------------------- hits

const CARD_FIELDS = [
  'id',
  'slug',
  'title',
  'locale',
  'translatedTitle',
  'brand',
  'brandName',
  'brandNameFa',
  'shop',
  'shopName',
  'price',
  'regularPrice',
  'onSale',
  'percentOff',
  'swatches',
  'inStock',
  'publishedAt',
  'images',
] as const

const HitSchema = ProductDocumentSchema.pick({
  id: true,
  slug: true,
  title: true,
  locale: true,
  translatedTitle: true,
  brand: true,
  brandName: true,
  brandNameFa: true,
  shop: true,
  shopName: true,
  price: true,
  regularPrice: true,
  onSale: true,
  percentOff: true,
  swatches: true,
  inStock: true,
  publishedAt: true,
  images: true,
} satisfies Record<(typeof CARD_FIELDS)[number], true>).extend({
  _formatted: z
    .object({
      title: z.string().optional(),
      translatedTitle: z.string().nullish(),
      description: z.string().optional(),
      translatedDescription: z.string().nullish(),
    })
    .optional(),
})

type RawHit = z.infer<typeof HitSchema>

export type ProductHit = {
  /** The catalog's card for the product, built from the document alone. */
  card: ProductCardData
  /** The title with matches marked (see highlight.ts). */
  highlightedTitle: string
  /** A cropped, marked piece of the description when the query matched there. */
  snippet: string | null
}

/**
 * The catalog's product card from a search document: the data `getProductCards` reads from
 * PostgreSQL, with prices as of the last indexing (the outbox re-indexes at every discount
 * boundary) and photo URLs made from the stored keys now.
 */
export function toProductCard(
  hit: Omit<RawHit, '_formatted'>,
  now: Date = new Date(),
  locale: Locale = 'en',
): ProductCardData {
  return {
    id: hit.id,
    slug: hit.slug,
    title: localTitle(locale, hit),
    brand:
      hit.brand && hit.brandName
        ? {
            name: localName(locale, { name: hit.brandName, nameFa: hit.brandNameFa }),
            slug: hit.brand,
          }
        : null,
    shop: { name: hit.shopName, slug: hit.shop },
    price: {
      regular: hit.regularPrice,
      effective: hit.price,
      onSale: hit.onSale,
      percentOff: hit.percentOff,
    },
    colors: hit.swatches.map((swatch) => ({ name: localName(locale, swatch), hex: swatch.hex })),
    inStock: hit.inStock,
    isNew: hit.publishedAt >= now.getTime() - NEW_ARRIVAL_DAYS * 86_400_000,
    images: hit.images.map(({ asset, ...image }) => ({ ...image, image: toImageView(asset) })),
  }
}

/** Whether the page shows the hit's translation rather than its own text (localized.ts). */
function showsTranslation(hit: Pick<RawHit, 'locale' | 'translatedTitle'>, locale: Locale) {
  return hit.locale !== locale && Boolean(hit.translatedTitle)
}

/** The title in the page's language with matches marked. */
function highlightedTitle(hit: RawHit, locale: Locale) {
  const formatted = hit._formatted
  return showsTranslation(hit, locale)
    ? (formatted?.translatedTitle ?? hit.translatedTitle ?? hit.title)
    : (formatted?.title ?? hit.title)
}

function toHit(hit: RawHit, now: Date, locale: Locale): ProductHit {
  const { _formatted: formatted, ...document } = hit
  // The description the match is in, the page's language first.
  const snippets = [formatted?.description, formatted?.translatedDescription]
  if (showsTranslation(hit, locale)) snippets.reverse()
  const snippet = snippets.find((text) => hasHighlight(text ?? undefined))
  return {
    card: toProductCard(document, now, locale),
    highlightedTitle: highlightedTitle(hit, locale),
    snippet: snippet ?? null,
  }
}

const HIT_DISPLAY = {
  attributesToRetrieve: [...CARD_FIELDS],
  attributesToHighlight: ['title', 'translatedTitle', 'description', 'translatedDescription'],
  attributesToCrop: ['description', 'translatedDescription'],
  cropLength: 18,
  highlightPreTag: HIGHLIGHT_PRE,
  highlightPostTag: HIGHLIGHT_POST,
}

// ---------------------------------------------------------------- facets

export type FacetValue = {
  value: string
  label: string
  count: number
  selected: boolean
  hex?: string
}
export type CategoryOption = { slug: string; name: string; count: number; selected: boolean }
export type CategoryFacet = {
  /** From the top (or the scope's category) down to the selected category. */
  trail: CategoryOption[]
  /** What can be picked next: the selected category's children, or the top categories. */
  options: CategoryOption[]
  /** The scope's own category, when the page is scoped to one (it cannot be deselected). */
  root: { slug: string; name: string } | null
}
export type RatingOption = { value: number; count: number; selected: boolean }

export type SearchFacets = {
  category: CategoryFacet
  brand: FacetValue[]
  color: FacetValue[]
  size: FacetValue[]
  shop: FacetValue[]
  price: { min: number; max: number } | null
  rating: RatingOption[]
  onSale: { count: number; selected: boolean }
  inStock: { count: number; selected: boolean }
}

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

type Distribution = Record<string, number>
type AnyResponse = SearchResponse<unknown>

function categoryLevels(labels: CatalogLabels, state: SearchState, scope: SearchScope) {
  const scopeDepth = scope.category ? (labels.categories.get(scope.category)?.depth ?? 0) : -1
  const selected = state.category ? labels.categories.get(state.category) : undefined
  const from = scopeDepth + 1
  const to = Math.min(CATEGORY_LEVELS - 1, selected ? selected.depth + 1 : from)
  const attributes: string[] = []
  for (let level = from; level <= to; level++) attributes.push(`categoryLvl${level}`)
  return attributes
}

function facetAttributes(key: FilterKey, categoryAttributes: string[]): string[] {
  switch (key) {
    case 'category':
      return categoryAttributes
    case 'price':
      return ['price']
    case 'rating':
      return ['ratingBucket']
    case 'onSale':
      return ['onSale']
    case 'inStock':
      return ['inStock']
    default:
      return [LIST_ATTRIBUTE[key]]
  }
}

function mergeDistributions(
  ...responses: Array<AnyResponse | undefined>
): Record<string, Distribution> {
  return Object.assign({}, ...responses.map((response) => response?.facetDistribution ?? {}))
}

function buildCategoryFacet(
  labels: CatalogLabels,
  state: SearchState,
  scope: SearchScope,
  counts: Record<string, Distribution>,
  locale: Locale,
): CategoryFacet {
  const nameOf = (slug: string) => {
    const label = labels.categories.get(slug)
    return label ? localName(locale, label) : slug
  }
  const countOf = (slug: string) => {
    const label = labels.categories.get(slug)
    return label ? (counts[`categoryLvl${label.depth}`]?.[slug] ?? 0) : 0
  }
  const option = (slug: string): CategoryOption => ({
    slug,
    name: nameOf(slug),
    count: countOf(slug),
    selected: slug === state.category,
  })
  const rootLabel = scope.category ? labels.categories.get(scope.category) : undefined
  const trail: CategoryOption[] = []
  for (
    let slug = state.category;
    slug && slug !== scope.category;
    slug = labels.categories.get(slug)?.parentSlug ?? null
  ) {
    if (!labels.categories.has(slug)) break
    trail.unshift(option(slug))
  }
  const parent =
    state.category && labels.categories.has(state.category)
      ? state.category
      : (scope.category ?? '')
  const childSlugs = labels.children.get(parent) ?? []
  return {
    trail,
    options: childSlugs.map(option),
    root: rootLabel ? { slug: rootLabel.slug, name: localName(locale, rootLabel) } : null,
  }
}

async function listFacetValues(
  facet: ListFacet,
  selected: string[],
  counts: Distribution,
  universe: Distribution,
  labels: CatalogLabels,
  locale: Locale,
): Promise<FacetValue[]> {
  const values = [...new Set([...Object.keys(universe), ...Object.keys(counts), ...selected])]
  const names =
    facet === 'brand'
      ? await brandNames(values)
      : facet === 'shop'
        ? await shopNames(values)
        : undefined
  // Facet values are slugs (size labels for sizes); labels come in the page's language.
  const labelOf = (value: string) => {
    const named = facet === 'color' ? labels.colors.get(value) : names?.get(value)
    if (named) return localName(locale, named)
    if (facet === 'size' && locale === 'fa') return labels.sizeLabelsFa.get(value) ?? value
    return value
  }
  const result = values.map((value): FacetValue => {
    const color = facet === 'color' ? labels.colors.get(value) : undefined
    return {
      value,
      label: labelOf(value),
      count: counts[value] ?? 0,
      selected: selected.includes(value),
      ...(color ? { hex: color.hex } : {}),
    }
  })
  if (facet === 'color') {
    result.sort(
      (a, b) =>
        (labels.colors.get(a.value)?.position ?? 1e9) -
          (labels.colors.get(b.value)?.position ?? 1e9) || a.label.localeCompare(b.label),
    )
  } else if (facet === 'size') {
    result.sort(
      (a, b) =>
        (labels.sizeOrder.get(a.value) ?? 1e9) - (labels.sizeOrder.get(b.value) ?? 1e9) ||
        a.label.localeCompare(b.label),
    )
  } else {
    // Most results first; values with none at the end; then alphabetical.
    result.sort(
      (a, b) =>
        Number(b.selected) - Number(a.selected) ||
        b.count - a.count ||
        a.label.localeCompare(b.label),
    )
  }
  return result
}

/** The deepest page a search can reach (Meilisearch counts at most MAX_TOTAL_HITS). */
export function maxPage(hitsPerPage = HITS_PER_PAGE) {
  return Math.max(1, Math.floor(MAX_TOTAL_HITS / hitsPerPage))
}

async function runQueries(queries: PagedQuery[]) {
  try {
    return await multiSearch(queries, HitSchema)
  } catch (error) {
    if (meilisearchErrorCode(error) === 'index_not_found')
      throw new SearchUnavailableError('The product index does not exist yet', { cause: error })
    throw error
  }
}

export type SearchOptions = { scope?: SearchScope; hitsPerPage?: number; locale?: Locale }

// Which facet values exist at all for a query (to list the ones the filters rule out as
// disabled) depends on the query and the scope only, not on the filters, so refining a search
// reuses it. It costs the most of a page's queries (counting brands and shops over every match).
export const UNIVERSE_TTL_MS = 60_000
const universes = new Map<string, { at: number; distribution: Record<string, Distribution> }>()

function universeKey(state: SearchState, scope: SearchScope) {
  return JSON.stringify([
    productIndexUid(),
    state.q,
    scope.category ?? null,
    scope.brand ?? null,
    scope.shop ?? null,
  ])
}

function cachedUniverse(key: string) {
  const hit = universes.get(key)
  if (hit && Date.now() - hit.at < UNIVERSE_TTL_MS) return hit.distribution
  universes.delete(key)
  return undefined
}

function rememberUniverse(key: string, distribution: Record<string, Distribution>) {
  if (universes.size >= 1000) universes.delete(universes.keys().next().value!)
  universes.set(key, { at: Date.now(), distribution })
}

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

// ---------------------------------------------------------------- instant search

export type ProductSuggestion = Pick<
  RawHit,
  'id' | 'slug' | 'title' | 'brandName' | 'price' | 'regularPrice' | 'onSale'
> & {
  highlightedTitle: string
  /** The smallest JPEG of the first photo, for a thumbnail. */
  image: { url: string; alt: string } | null
}

function thumbnail(hit: RawHit): ProductSuggestion['image'] {
  const first = hit.images[0]
  const jpeg = first?.asset.variants
    .filter((variant) => variant.format === 'JPEG')
    .sort((a, b) => a.width - b.width)[0]
  return first && jpeg
    ? { url: getStorage().publicUrl(jpeg.key), alt: first.alt || hit.title }
    : null
}

export type CategorySuggestion = {
  slug: string
  name: string
  parentName: string | null
  count: number
}
export type Suggestions = {
  query: string
  products: ProductSuggestion[]
  categories: CategorySuggestion[]
}

const SUGGESTED_PRODUCTS = 6
const SUGGESTED_CATEGORIES = 4

function words(text: string) {
  return text
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/**
 * What the header search box offers while the shopper types: the best matching products and
 * the categories most of the matches are in (categories whose name matches come first).
 */
export async function suggest(query: string, locale: Locale = 'en'): Promise<Suggestions> {
  const q = query.trim()
  if (!q) return { query: q, products: [], categories: [] }
  const [response] = await runQueries([
    {
      indexUid: productIndexUid(),
      q: normalizeSearchQuery(q),
      page: 1,
      hitsPerPage: SUGGESTED_PRODUCTS,
      facets: ['categories'],
      attributesToRetrieve: [...CARD_FIELDS],
      attributesToHighlight: ['title', 'translatedTitle'],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    },
  ])
  const labels = await getCatalogLabels()
  const typed = words(normalizeSearchQuery(q))
  const matchesName = (label: { name: string; nameFa: string | null }) =>
    words(normalizeSearchQuery(`${label.name} ${label.nameFa ?? ''}`)).some((word) =>
      typed.some((t) => word.startsWith(t) || t.startsWith(word)),
    )
  const candidates = Object.entries(response?.facetDistribution?.categories ?? {})
    .map(([slug, count]) => ({ label: labels.categories.get(slug), count }))
    .filter(
      (entry): entry is { label: NonNullable<typeof entry.label>; count: number } =>
        entry.label !== undefined,
    )
    // Categories named like the query first, then the ones holding most matches, deeper first.
    .sort(
      (a, b) =>
        Number(matchesName(b.label)) - Number(matchesName(a.label)) ||
        b.count - a.count ||
        b.label.depth - a.label.depth,
    )
  const chosen: typeof candidates = []
  const ancestors = (slug: string) => {
    const list: string[] = []
    for (
      let parent = labels.categories.get(slug)?.parentSlug;
      parent;
      parent = labels.categories.get(parent)?.parentSlug
    )
      list.push(parent)
    return list
  }
  for (const candidate of candidates) {
    if (chosen.length >= SUGGESTED_CATEGORIES) break
    // "Women" adds nothing next to "Dresses in Women" when it holds the same matches.
    const redundant = chosen.some(
      (other) =>
        ancestors(other.label.slug).includes(candidate.label.slug) &&
        other.count === candidate.count,
    )
    if (!redundant) chosen.push(candidate)
  }
  const categories = chosen.map(({ label, count }) => {
    const parent = label.parentSlug ? labels.categories.get(label.parentSlug) : undefined
    return {
      slug: label.slug,
      name: localName(locale, label),
      parentName: parent ? localName(locale, parent) : null,
      count,
    }
  })
  return {
    query: q,
    products: (response?.hits ?? []).map((hit) => ({
      id: hit.id,
      slug: hit.slug,
      title: localTitle(locale, hit),
      highlightedTitle: highlightedTitle(hit, locale),
      brandName:
        hit.brandName && localName(locale, { name: hit.brandName, nameFa: hit.brandNameFa }),
      price: hit.price,
      regularPrice: hit.regularPrice,
      onSale: hit.onSale,
      image: thumbnail(hit),
    })),
    categories,
  }
}

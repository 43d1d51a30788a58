import type { ListFacet, SearchScope, SearchState, Sort } from './state.ts'
import { LIST_FACETS } from './state.ts'

// Search state as Meilisearch filters and sort rules. Facets are disjunctive: OR within a
// facet, AND across facets; each facet's counts leave out its own filter (filterExcept).

export type FilterKey = 'category' | ListFacet | 'price' | 'rating' | 'onSale' | 'inStock'
export const FILTER_KEYS: FilterKey[] = [
  'category',
  ...LIST_FACETS,
  'price',
  'rating',
  'onSale',
  'inStock',
]

export const LIST_ATTRIBUTE: Record<ListFacet, string> = {
  brand: 'brand',
  color: 'colors',
  size: 'sizes',
  shop: 'shop',
}

export const SORT_RULES: Record<Sort, string[] | undefined> = {
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

export function filterExcept(built: ReturnType<typeof buildFilters>, except?: FilterKey) {
  return [
    ...built.fixed,
    ...Object.entries(built.filters).flatMap(([key, expression]) =>
      key === except ? [] : [expression],
    ),
  ]
}

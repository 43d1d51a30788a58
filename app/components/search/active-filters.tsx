/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { Link } from '@remix-run/react'
import type { SearchFacets } from '~/services/search/facets.server.ts'
import type { FilterKey } from '~/services/search/filters.ts'
import {
  clearFilters,
  LIST_FACETS,
  searchHref,
  updateState,
  type SearchState,
} from '~/services/search/state.ts'
import { formatMoney } from '~/utils/money.ts'

// The filters in use: as removable chips above the results, and as words for the empty state.

type Chip = { key: string; label: string; href: string }

export function describeFilter(
  key: FilterKey,
  state: SearchState,
  facets: SearchFacets,
  currency: string,
): string {
  const labels = (facet: 'brand' | 'color' | 'size' | 'shop') =>
    state[facet]
      .map((value) => facets[facet].find((option) => option.value === value)?.label ?? value)
      .join(', ')
  switch (key) {
    case 'category':
      return `Category: ${facets.category.trail.at(-1)?.name ?? state.category}`
    case 'brand':
      return `Brand: ${labels('brand')}`
    case 'color':
      return `Colour: ${labels('color')}`
    case 'size':
      return `Size: ${labels('size')}`
    case 'shop':
      return `Shop: ${labels('shop')}`
    case 'price':
      return `Price: ${priceRange(state, currency)}`
    case 'rating':
      return `${state.rating} stars & up`
    case 'onSale':
      return 'On sale'
    case 'inStock':
      return 'In stock'
  }
}

export function withoutFilter(state: SearchState, key: FilterKey): SearchState {
  switch (key) {
    case 'price':
      return updateState(state, { minPrice: null, maxPrice: null })
    case 'category':
      return updateState(state, { category: null })
    case 'rating':
      return updateState(state, { rating: null })
    case 'onSale':
    case 'inStock':
      return updateState(state, { [key]: false })
    default:
      return updateState(state, { [key]: [] })
  }
}

function priceRange(state: SearchState, currency: string) {
  const min = state.minPrice !== null ? formatMoney(state.minPrice, currency) : null
  const max = state.maxPrice !== null ? formatMoney(state.maxPrice, currency) : null
  return min && max ? `${min} – ${max}` : min ? `from ${min}` : `up to ${max}`
}

function chips(state: SearchState, facets: SearchFacets, currency: string, action: string): Chip[] {
  const list: Chip[] = []
  if (state.category)
    list.push({
      key: 'category',
      label: describeFilter('category', state, facets, currency),
      href: searchHref(withoutFilter(state, 'category'), currency, action),
    })
  for (const facet of LIST_FACETS) {
    for (const value of state[facet]) {
      const label = facets[facet].find((option) => option.value === value)?.label ?? value
      const next = updateState(state, { [facet]: state[facet].filter((other) => other !== value) })
      list.push({ key: `${facet}:${value}`, label, href: searchHref(next, currency, action) })
    }
  }
  for (const key of ['price', 'rating', 'onSale', 'inStock'] as const) {
    const active =
      key === 'price'
        ? state.minPrice !== null || state.maxPrice !== null
        : key === 'rating'
          ? state.rating !== null
          : state[key]
    if (active)
      list.push({
        key,
        label: describeFilter(key, state, facets, currency),
        href: searchHref(withoutFilter(state, key), currency, action),
      })
  }
  return list
}

export function ActiveFilters({
  state,
  facets,
  currency,
  action,
}: {
  state: SearchState
  facets: SearchFacets
  currency: string
  action: string
}) {
  const list = chips(state, facets, currency, action)
  return (
    <div
      className="mb-6 flex flex-wrap items-center gap-2"
      aria-label="Active filters"
      role="group"
    >
      {list.map((chip) => (
        <Link
          key={chip.key}
          to={chip.href}
          preventScrollReset
          className="inline-flex items-center gap-1 rounded-full border border-stone-300 bg-white px-3 py-1 text-sm text-stone-800 hover:border-stone-500"
        >
          {chip.label}
          <span aria-hidden className="text-stone-500">
            ×
          </span>
          <span className="sr-only">(remove filter)</span>
        </Link>
      ))}
      <Link
        to={searchHref(clearFilters(state), currency, action)}
        preventScrollReset
        className="text-sm link"
      >
        Clear all
      </Link>
    </div>
  )
}

import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import type { SearchFacets } from '~/services/search/facets.server.ts'
import type { FilterKey } from '~/services/search/filters.ts'
import {
  clearFilters,
  LIST_FACETS,
  searchHref,
  updateState,
  type SearchState,
  type PriceUnit,
} from '~/services/search/state.ts'

// The filters in use: as removable chips above the results, and as words for the empty state.

type Chip = { key: string; label: string; href: string }

/** A filter in words in the page's language ("Colour: Red, Blue"), for chips and the empty state. */
export function useDescribeFilter() {
  const { t } = useTranslation('search')
  const f = useFormat()
  return (key: FilterKey, state: SearchState, facets: SearchFacets): string => {
    const labels = (facet: 'brand' | 'color' | 'size' | 'shop') =>
      state[facet]
        .map((value) => facets[facet].find((option) => option.value === value)?.label ?? value)
        .join(t('active.separator'))
    switch (key) {
      case 'category':
        return t('active.category', {
          value: facets.category.trail.at(-1)?.name ?? state.category,
        })
      case 'brand':
      case 'color':
      case 'size':
      case 'shop':
        return t(`active.${key}`, { value: labels(key) })
      case 'price': {
        const min = state.minPrice !== null ? f.money(state.minPrice) : null
        const max = state.maxPrice !== null ? f.money(state.maxPrice) : null
        const range =
          min && max
            ? t('active.between', { min, max })
            : min
              ? t('active.from', { min })
              : t('active.upTo', { max })
        return t('active.price', { value: range })
      }
      case 'rating':
        return t('active.rating', { count: state.rating ?? 0 })
      case 'onSale':
        return t('active.onSale')
      case 'inStock':
        return t('active.inStock')
    }
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

function useChips(state: SearchState, facets: SearchFacets, priceUnit: PriceUnit, action: string) {
  const describe = useDescribeFilter()
  const list: Chip[] = []
  if (state.category)
    list.push({
      key: 'category',
      label: describe('category', state, facets),
      href: searchHref(withoutFilter(state, 'category'), priceUnit, action),
    })
  for (const facet of LIST_FACETS) {
    for (const value of state[facet]) {
      const label = facets[facet].find((option) => option.value === value)?.label ?? value
      const next = updateState(state, { [facet]: state[facet].filter((other) => other !== value) })
      list.push({ key: `${facet}:${value}`, label, href: searchHref(next, priceUnit, action) })
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
        label: describe(key, state, facets),
        href: searchHref(withoutFilter(state, key), priceUnit, action),
      })
  }
  return list
}

export function ActiveFilters({
  state,
  facets,
  priceUnit,
  action,
}: {
  state: SearchState
  facets: SearchFacets
  priceUnit: PriceUnit
  action: string
}) {
  const { t } = useTranslation('search')
  const list = useChips(state, facets, priceUnit, action)
  return (
    <div
      className="mb-6 flex flex-wrap items-center gap-2"
      aria-label={t('active.label')}
      role="group"
    >
      {list.map((chip) => (
        <Link
          key={chip.key}
          to={chip.href}
          preventScrollReset
          aria-label={t('active.remove', { label: chip.label })}
          className="inline-flex items-center gap-1 rounded-full border border-stone-300 bg-white px-3 py-1 text-sm text-stone-800 hover:border-stone-500"
        >
          <bdi>{chip.label}</bdi>
          <span aria-hidden className="text-stone-500">
            ×
          </span>
        </Link>
      ))}
      <Link
        to={searchHref(clearFilters(state), priceUnit, action)}
        preventScrollReset
        className="text-sm link"
      >
        {t('active.clear')}
      </Link>
    </div>
  )
}

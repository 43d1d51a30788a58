import { useSubmit } from '@remix-run/react'
import { createContext, useCallback, useContext, type ChangeEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import type { FacetValue, SearchFacets } from '~/services/search/facets.server.ts'
import { EMPTY_STATE, type SearchState } from '~/services/search/state.ts'
import { GLYPH } from './glyphs.ts'

// What every part of the filters panel shares: the form's id and submit, the tick handler
// (through a context), and the group, count and checkbox they are drawn with.

export const FILTER_FORM_ID = 'search-filters'
const DEFAULT_SORT = EMPTY_STATE.sort

export type FormContext = {
  onToggle: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void
}
export const FilterFormContext = createContext<FormContext>({ onToggle: () => {} })

/** A form's fields as query parameters, without the empty ones and the default sort (no `minPrice=&sort=relevance` noise). */
export function formParams(form: HTMLFormElement) {
  const params = new URLSearchParams()
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value !== '' && !(name === 'sort' && value === DEFAULT_SORT))
      params.append(name, value)
  }
  return params
}

/** Submits a filter form (or the form a control belongs to) as a GET navigation. */
export function useSubmitFilters() {
  const submit = useSubmit()
  return useCallback(
    (form: HTMLFormElement | null) => {
      if (!form) return null
      const params = formParams(form)
      submit(params, {
        method: 'get',
        action: form.getAttribute('action') ?? undefined,
        preventScrollReset: true,
      })
      return params
    },
    [submit],
  )
}

/** The facets with their ticks taken from a state (the one the shopper just chose). */
export function withSelection(facets: SearchFacets, state: SearchState): SearchFacets {
  const tick = (values: FacetValue[], selected: string[]) =>
    values.map((value) => ({ ...value, selected: selected.includes(value.value) }))
  return {
    ...facets,
    brand: tick(facets.brand, state.brand),
    color: tick(facets.color, state.color),
    size: tick(facets.size, state.size),
    shop: tick(facets.shop, state.shop),
    rating: facets.rating.map((option) => ({ ...option, selected: option.value === state.rating })),
    onSale: { ...facets.onSale, selected: state.onSale },
    inStock: { ...facets.inStock, selected: state.inStock },
  }
}

export function FacetGroup({
  title,
  badge = 0,
  children,
}: {
  title: string
  badge?: number
  children: ReactNode
}) {
  const { t } = useTranslation('search')
  const f = useFormat()
  return (
    <details open className="group/facet py-4 first:pt-0">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded text-sm font-semibold text-stone-900 [&::-webkit-details-marker]:hidden">
        <span className="flex items-center gap-2">
          {title}
          {badge ? (
            <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white">
              <span aria-hidden>{f.number(badge)}</span>
              <span className="sr-only">{t('filters.selected', { count: badge })}</span>
            </span>
          ) : null}
        </span>
        <span
          aria-hidden
          className="text-stone-400 transition-transform group-open/facet:rotate-180"
        >
          {GLYPH.disclosure}
        </span>
      </summary>
      <div className="mt-3">{children}</div>
    </details>
  )
}

export function Count({ count }: { count: number }) {
  const { t } = useTranslation('search')
  const f = useFormat()
  return (
    <span className="ms-auto ps-2 text-xs text-stone-500 tabular-nums">
      <span aria-hidden>{f.number(count)}</span>
      <span className="sr-only">{t('filters.products', { count })}</span>
    </span>
  )
}

export function Checkbox({
  name,
  value,
  checked,
  disabled,
  children,
}: {
  name: string
  value: string
  checked: boolean
  disabled: boolean
  children: ReactNode
}) {
  const { onToggle } = useContext(FilterFormContext)
  return (
    <label className="facet-row">
      <input
        type="checkbox"
        name={name}
        value={value}
        checked={checked}
        disabled={disabled}
        onChange={onToggle}
        className="size-4 rounded border-stone-300 accent-brand-600"
      />
      {children}
    </label>
  )
}

import { useFetcher } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocale } from '~/i18n/use-locale.ts'
import type { FacetValue } from '~/services/search/facets.server.ts'
import { normalizeSearchQuery } from '~/services/search/normalize.ts'
import {
  FACET_VALUES_LIMIT,
  scopeToParam,
  searchStateToParams,
  type SearchScope,
  type SearchState,
  type PriceUnit,
} from '~/services/search/state.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { Checkbox, Count } from './filter-form.tsx'

// A long facet (brands, shops): its top values, the rest behind "Show more", and a box that
// filters the list, asking the server when the list was cut short.

const VISIBLE_VALUES = 8
const MAX_LISTED_VALUES = 40

export function ListFacetValues({
  facet,
  values,
  state,
  scope,
  priceUnit,
}: {
  facet: 'brand' | 'shop'
  values: FacetValue[]
  state: SearchState
  scope: SearchScope
  priceUnit: PriceUnit
}) {
  const { t } = useTranslation('search')
  const hydrated = useHydrated()
  const [filter, setFilter] = useState('')
  const remote = useFetcher<{ values: FacetValue[] }>()
  const locale = useLocale()
  const inputId = useId()
  // The list may be cut at FACET_VALUES_LIMIT: then the search box asks the server for the rest.
  const truncated = values.length > MAX_LISTED_VALUES || values.length >= FACET_VALUES_LIMIT
  const load = remote.load
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => {
    clearTimeout(timer.current)
    const typed = filter.trim()
    if (!truncated || !typed) return
    timer.current = setTimeout(() => {
      const params = searchStateToParams(state, priceUnit)
      params.set('facet', facet)
      params.set('fq', typed)
      const within = scopeToParam(scope)
      if (within) params.set('scope', within)
      params.set('lang', locale)
      load(`/search/facet-values?${params}`)
    }, 200)
    return () => clearTimeout(timer.current)
  }, [filter, truncated, state, scope, priceUnit, facet, load, locale])

  if (!values.length) return <p className="text-sm text-stone-500">{t(`list.${facet}.none`)}</p>
  // Matched the way the server matches: ي and ی, ك and ک, digits in any script are alike.
  const fold = (text: string) => normalizeSearchQuery(text).toLocaleLowerCase()
  const typed = fold(filter)
  let shown = values
  if (typed) {
    shown = values.filter((value) => fold(value.label).includes(typed))
    const known = new Set(shown.map((value) => value.value))
    for (const value of remote.data?.values ?? []) if (!known.has(value.value)) shown.push(value)
  }
  // Long lists show their top values (most results first, selected ones always); the search box finds the rest.
  const head = typed ? shown : shown.slice(0, VISIBLE_VALUES)
  const rest = typed ? [] : shown.slice(VISIBLE_VALUES, MAX_LISTED_VALUES)
  const unlisted = typed ? 0 : Math.max(0, shown.length - MAX_LISTED_VALUES)
  const item = (value: FacetValue) => (
    <li key={value.value}>
      <Checkbox
        name={facet}
        value={value.value}
        checked={value.selected}
        disabled={value.count === 0 && !value.selected}
      >
        <bdi className="min-w-0 break-words">{value.label}</bdi>
        <Count count={value.count} />
      </Checkbox>
    </li>
  )
  return (
    <div>
      {hydrated && (values.length > VISIBLE_VALUES || truncated) ? (
        <div className="mb-2">
          <label htmlFor={inputId} className="sr-only">
            {t(`list.${facet}.search`)}
          </label>
          {/* No name: typing here filters the list, it is not a search filter itself. */}
          <input
            id={inputId}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault()
            }}
            placeholder={t(`list.${facet}.search`)}
            className="input py-1.5"
          />
        </div>
      ) : null}
      <ul className="space-y-0.5">{head.map(item)}</ul>
      {typed && !shown.length ? (
        <p className="px-1 py-1 text-sm text-stone-500">
          {t(`list.${facet}.noMatch`, { text: filter.trim() })}
        </p>
      ) : null}
      {rest.length ? (
        <details className="group/more mt-1">
          <summary className="cursor-pointer list-none px-1 text-sm link [&::-webkit-details-marker]:hidden">
            <span className="group-open/more:hidden">{t('list.more', { count: rest.length })}</span>
            <span className="hidden group-open/more:inline">{t('list.fewer')}</span>
          </summary>
          <ul className="mt-1 space-y-0.5">{rest.map(item)}</ul>
          {unlisted ? (
            <p className="px-1 pt-1 text-xs text-stone-500">
              {t(hydrated ? `list.${facet}.unlistedSearch` : `list.${facet}.unlisted`, {
                count: unlisted,
              })}
            </p>
          ) : null}
        </details>
      ) : null}
    </div>
  )
}

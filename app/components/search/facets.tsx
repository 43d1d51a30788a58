/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { Form, Link, useFetcher, useSubmit } from '@remix-run/react'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type ReactNode,
} from 'react'
import type {
  CategoryFacet as CategoryFacetData,
  FacetValue,
  RatingOption,
  SearchFacets,
} from '~/services/search/search.server.ts'
import {
  EMPTY_STATE,
  FACET_VALUES_LIMIT,
  parseSearchState,
  priceToParam,
  scopeToParam,
  searchHref,
  searchStateToParams,
  updateState,
  type ListFacet,
  type SearchScope,
  type SearchState,
} from '~/services/search/state.ts'
import { useLocale } from '~/i18n/use-locale.ts'
import { formatMoney } from '~/utils/money.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { isLight, swatchColor } from './swatch.ts'

// The filters of a results page: one GET form, so it works without JavaScript (tick, then
// "Apply filters"); with JavaScript every tick submits at once. The URL holds the whole state,
// so every result page can be shared and the back button steps through the choices.

export const FILTER_FORM_ID = 'search-filters'
const DEFAULT_SORT = EMPTY_STATE.sort
const VISIBLE_VALUES = 8
const MAX_LISTED_VALUES = 40

type FormContext = { onToggle: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void }
const FilterFormContext = createContext<FormContext>({ onToggle: () => {} })

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

type FiltersProps = {
  /** Where the form goes (the page's own path). */
  action: string
  /** The page's fixed filter: a brand page has no brand facet, a shop page no shop facet. */
  scope: SearchScope
  state: SearchState
  facets: SearchFacets
  currency: string
}

export function SearchFilters({
  action,
  scope,
  state: loaded,
  facets: loadedFacets,
  currency,
}: FiltersProps) {
  const submitFilters = useSubmitFilters()
  const hydrated = useHydrated()
  // A tick shows at once, before the results arrive; new results (a new `loaded`) replace it.
  const [chosen, setChosen] = useState<{ from: SearchState; state: SearchState } | null>(null)
  const state = chosen && chosen.from === loaded ? chosen.state : loaded
  const facets = state === loaded ? loadedFacets : withSelection(loadedFacets, state)
  const context = useMemo<FormContext>(
    () => ({
      onToggle: (event) => {
        const params = submitFilters(event.currentTarget.form)
        if (params) setChosen({ from: loaded, state: parseSearchState(params, currency) })
      },
    }),
    [submitFilters, loaded, currency],
  )
  return (
    <FilterFormContext.Provider value={context}>
      <Form
        id={FILTER_FORM_ID}
        method="get"
        action={action}
        className="divide-y divide-stone-200"
        aria-label="Filters"
        onSubmit={(event) => {
          event.preventDefault()
          submitFilters(event.currentTarget)
        }}
      >
        {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
        {state.category ? <input type="hidden" name="category" value={state.category} /> : null}
        <FacetGroup title="Category">
          <CategoryFacet
            facet={facets.category}
            state={state}
            currency={currency}
            action={action}
          />
        </FacetGroup>
        <FacetGroup
          title="Price"
          badge={state.minPrice !== null || state.maxPrice !== null ? 1 : 0}
        >
          <PriceFacet state={state} range={facets.price} currency={currency} />
        </FacetGroup>
        <FacetGroup title="Colour" badge={state.color.length}>
          <ColorFacet values={facets.color} />
        </FacetGroup>
        <FacetGroup title="Size" badge={state.size.length}>
          <SizeFacet values={facets.size} />
        </FacetGroup>
        {scope.brand ? null : (
          <FacetGroup title="Brand" badge={state.brand.length}>
            <ListFacetValues
              facet="brand"
              noun="brands"
              values={facets.brand}
              state={state}
              scope={scope}
              currency={currency}
            />
          </FacetGroup>
        )}
        <FacetGroup title="Rating" badge={state.rating ? 1 : 0}>
          <RatingFacet options={facets.rating} selected={state.rating} />
        </FacetGroup>
        <FacetGroup title="Availability" badge={Number(state.onSale) + Number(state.inStock)}>
          <div className="space-y-1">
            <Toggle
              name="onSale"
              label="On sale"
              count={facets.onSale.count}
              checked={facets.onSale.selected}
            />
            <Toggle
              name="inStock"
              label="In stock"
              count={facets.inStock.count}
              checked={facets.inStock.selected}
            />
          </div>
        </FacetGroup>
        {scope.shop ? null : (
          <FacetGroup title="Shop" badge={state.shop.length}>
            <ListFacetValues
              facet="shop"
              noun="shops"
              values={facets.shop}
              state={state}
              scope={scope}
              currency={currency}
            />
          </FacetGroup>
        )}
        {/* Without JavaScript ticks are collected and applied together. */}
        {hydrated ? null : (
          <div className="pt-4">
            <button type="submit" className="btn-primary w-full">
              Apply filters
            </button>
          </div>
        )}
      </Form>
    </FilterFormContext.Provider>
  )
}

function FacetGroup({
  title,
  badge = 0,
  children,
}: {
  title: string
  badge?: number
  children: ReactNode
}) {
  return (
    <details open className="group/facet py-4 first:pt-0">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded text-sm font-semibold text-stone-900 [&::-webkit-details-marker]:hidden">
        <span className="flex items-center gap-2">
          {title}
          {badge ? (
            <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white">
              {badge}
              <span className="sr-only"> selected</span>
            </span>
          ) : null}
        </span>
        <span
          aria-hidden
          className="text-stone-400 transition-transform group-open/facet:rotate-180"
        >
          ▾
        </span>
      </summary>
      <div className="mt-3">{children}</div>
    </details>
  )
}

function Count({ count }: { count: number }) {
  return (
    <span className="ms-auto ps-2 text-xs text-stone-500 tabular-nums">
      {count}
      <span className="sr-only"> products</span>
    </span>
  )
}

// ---------------------------------------------------------------- category

function CategoryFacet({
  facet,
  state,
  currency,
  action,
}: {
  facet: CategoryFacetData
  state: SearchState
  currency: string
  action: string
}) {
  const href = (category: string | null) =>
    searchHref(updateState(state, { category }), currency, action)
  const current = facet.trail.at(-1)
  const link = 'flex items-center rounded px-1 py-1 text-sm hover:bg-stone-100'
  return (
    <nav aria-label="Categories">
      <ul className="space-y-0.5">
        {facet.trail.length ? (
          <li>
            <Link to={href(null)} className={`${link} text-stone-600`} preventScrollReset>
              <span aria-hidden className="me-1">
                ‹
              </span>
              {facet.root ? `All of ${facet.root.name}` : 'All categories'}
            </Link>
          </li>
        ) : null}
        {facet.trail.map((node, depth) => (
          <li key={node.slug} style={{ paddingInlineStart: `${depth * 0.75}rem` }}>
            {node === current ? (
              <span className={`${link} font-semibold text-stone-900`} aria-current="true">
                {node.name}
                <Count count={node.count} />
              </span>
            ) : (
              <Link to={href(node.slug)} className={`${link} text-stone-700`} preventScrollReset>
                {node.name}
                <Count count={node.count} />
              </Link>
            )}
          </li>
        ))}
        {facet.options.map((option) => (
          <li key={option.slug} style={{ paddingInlineStart: `${facet.trail.length * 0.75}rem` }}>
            {option.count > 0 ? (
              <Link to={href(option.slug)} className={`${link} text-stone-700`} preventScrollReset>
                {option.name}
                <Count count={option.count} />
              </Link>
            ) : (
              <span className={`${link} cursor-not-allowed text-stone-400`} aria-disabled="true">
                {option.name}
                <Count count={0} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {!facet.options.length && !facet.trail.length ? (
        <p className="text-sm text-stone-500">No categories.</p>
      ) : null}
    </nav>
  )
}

// ---------------------------------------------------------------- lists (brand, shop)

function Checkbox({
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

function ListFacetValues({
  facet,
  noun,
  values,
  state,
  scope,
  currency,
}: {
  facet: ListFacet
  noun: string
  values: FacetValue[]
  state: SearchState
  scope: SearchScope
  currency: string
}) {
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
      const params = searchStateToParams(state, currency)
      params.set('facet', facet)
      params.set('fq', typed)
      const within = scopeToParam(scope)
      if (within) params.set('scope', within)
      params.set('lang', locale)
      load(`/search/facet-values?${params}`)
    }, 200)
    return () => clearTimeout(timer.current)
  }, [filter, truncated, state, scope, currency, facet, load, locale])

  if (!values.length) return <p className="text-sm text-stone-500">No {noun} for this search.</p>
  const typed = filter.trim().toLocaleLowerCase()
  let shown = values
  if (typed) {
    shown = values.filter((value) => value.label.toLocaleLowerCase().includes(typed))
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
        <span className="truncate">{value.label}</span>
        <Count count={value.count} />
      </Checkbox>
    </li>
  )
  return (
    <div>
      {hydrated && (values.length > VISIBLE_VALUES || truncated) ? (
        <div className="mb-2">
          <label htmlFor={inputId} className="sr-only">
            Search {noun}
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
            placeholder={`Search ${noun}`}
            className="input py-1.5"
          />
        </div>
      ) : null}
      <ul className="space-y-0.5">{head.map(item)}</ul>
      {typed && !shown.length ? (
        <p className="px-1 py-1 text-sm text-stone-500">
          No {noun} match “{filter.trim()}”.
        </p>
      ) : null}
      {rest.length ? (
        <details className="group/more mt-1">
          <summary className="cursor-pointer list-none px-1 text-sm link [&::-webkit-details-marker]:hidden">
            <span className="group-open/more:hidden">Show {rest.length} more</span>
            <span className="hidden group-open/more:inline">Show fewer</span>
          </summary>
          <ul className="mt-1 space-y-0.5">{rest.map(item)}</ul>
          {unlisted ? (
            <p className="px-1 pt-1 text-xs text-stone-500">
              {unlisted} more {noun} with fewer results{hydrated ? ': search for them above.' : '.'}
            </p>
          ) : null}
        </details>
      ) : null}
    </div>
  )
}

// ---------------------------------------------------------------- colours and sizes

function ColorFacet({ values }: { values: FacetValue[] }) {
  const { onToggle } = useContext(FilterFormContext)
  if (!values.length) return <p className="text-sm text-stone-500">No colours for this search.</p>
  return (
    <fieldset>
      <legend className="sr-only">Colour</legend>
      <ul className="grid grid-cols-4 gap-x-2 gap-y-3 sm:grid-cols-5 lg:grid-cols-4">
        {values.map((value) => {
          const disabled = value.count === 0 && !value.selected
          const color = swatchColor(value.hex)
          return (
            <li key={value.value}>
              <label
                className={`group flex flex-col items-center gap-1 text-center text-xs ${disabled ? 'cursor-not-allowed opacity-40' : 'cursor-pointer'}`}
              >
                <input
                  type="checkbox"
                  name="color"
                  value={value.value}
                  checked={value.selected}
                  disabled={disabled}
                  onChange={onToggle}
                  className="peer sr-only"
                />
                <span aria-hidden className="swatch" style={{ backgroundColor: color }}>
                  <span
                    className={`hidden text-sm font-bold group-has-[:checked]:inline ${isLight(color) ? 'text-stone-900' : 'text-white'}`}
                  >
                    ✓
                  </span>
                </span>
                <span className="w-full truncate text-stone-700">{value.label}</span>
                <span className="sr-only">({value.count} products)</span>
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

function SizeFacet({ values }: { values: FacetValue[] }) {
  const { onToggle } = useContext(FilterFormContext)
  if (!values.length) return <p className="text-sm text-stone-500">No sizes for this search.</p>
  return (
    <fieldset>
      <legend className="sr-only">Size</legend>
      <ul className="flex flex-wrap gap-2">
        {values.map((value) => {
          const disabled = value.count === 0 && !value.selected
          return (
            <li key={value.value}>
              <label
                className={disabled ? 'cursor-not-allowed' : 'cursor-pointer'}
                title={`${value.count} products`}
              >
                <input
                  type="checkbox"
                  name="size"
                  value={value.value}
                  checked={value.selected}
                  disabled={disabled}
                  onChange={onToggle}
                  className="peer sr-only"
                />
                <span className="size-chip">{value.label}</span>
                <span className="sr-only">({value.count} products)</span>
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

// ---------------------------------------------------------------- price, rating, toggles

function PriceFacet({
  state,
  range,
  currency,
}: {
  state: SearchState
  range: SearchFacets['price']
  currency: string
}) {
  const minId = useId()
  const maxId = useId()
  const placeholder = (minor: number | undefined) =>
    minor === undefined ? '' : priceToParam(minor, currency)
  // Remount the inputs when the URL's range changes (back button), so they show it.
  const key = `${state.minPrice}-${state.maxPrice}`
  return (
    <div>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor={minId} className="block text-xs text-stone-600">
            Min ({currency})
          </label>
          <input
            key={`min-${key}`}
            id={minId}
            name="minPrice"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={state.minPrice !== null ? priceToParam(state.minPrice, currency) : ''}
            placeholder={placeholder(range?.min)}
            className="mt-1 input py-1.5"
          />
        </div>
        <div className="flex-1">
          <label htmlFor={maxId} className="block text-xs text-stone-600">
            Max ({currency})
          </label>
          <input
            key={`max-${key}`}
            id={maxId}
            name="maxPrice"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={state.maxPrice !== null ? priceToParam(state.maxPrice, currency) : ''}
            placeholder={placeholder(range?.max)}
            className="mt-1 input py-1.5"
          />
        </div>
        <button type="submit" className="btn-secondary px-3 py-1.5">
          Go<span className="sr-only"> (apply price range)</span>
        </button>
      </div>
      {range ? (
        <p className="mt-2 text-xs text-stone-500">
          From {formatMoney(range.min, currency)} to {formatMoney(range.max, currency)}
        </p>
      ) : null}
    </div>
  )
}

function Stars({ value }: { value: number }) {
  return (
    <span aria-hidden className="tracking-tight">
      <span className="text-amber-500">{'★'.repeat(value)}</span>
      <span className="text-stone-300">{'★'.repeat(5 - value)}</span>
    </span>
  )
}

function RatingFacet({ options, selected }: { options: RatingOption[]; selected: number | null }) {
  const { onToggle } = useContext(FilterFormContext)
  return (
    <fieldset>
      <legend className="sr-only">Minimum rating</legend>
      <ul className="space-y-0.5">
        {options.map((option) => {
          const disabled = option.count === 0 && !option.selected
          return (
            <li key={option.value}>
              <label className="facet-row">
                <input
                  type="radio"
                  name="rating"
                  value={option.value}
                  checked={option.selected}
                  disabled={disabled}
                  onChange={onToggle}
                  className="size-4 accent-brand-600"
                />
                <Stars value={option.value} />
                <span>{option.value} stars &amp; up</span>
                <Count count={option.count} />
              </label>
            </li>
          )
        })}
        <li>
          <label className="facet-row">
            <input
              type="radio"
              name="rating"
              value=""
              checked={selected === null}
              onChange={onToggle}
              className="size-4 accent-brand-600"
            />
            Any rating
          </label>
        </li>
      </ul>
    </fieldset>
  )
}

function Toggle({
  name,
  label,
  count,
  checked,
}: {
  name: string
  label: string
  count: number
  checked: boolean
}) {
  return (
    <Checkbox name={name} value="1" checked={checked} disabled={count === 0 && !checked}>
      <span>{label}</span>
      <Count count={count} />
    </Checkbox>
  )
}

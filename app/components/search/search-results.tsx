/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { Link, useLocation, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { SearchPageData } from '~/services/search/page.server.ts'
import type {
  FilterKey,
  ProductSearchResult,
  SearchFacets,
} from '~/services/search/search.server.ts'
import {
  clearFilters,
  hasFilters,
  LIST_FACETS,
  SORT_LABELS,
  SORTS,
  searchHref,
  updateState,
  type SearchState,
} from '~/services/search/state.ts'
import { formatMoney } from '~/utils/money.ts'
import { FILTER_FORM_ID, SearchFilters, useSubmitFilters } from './facets.tsx'
import { ProductCard } from '~/components/catalog/product-card.tsx'
import { hasHighlight } from '~/services/search/highlight.ts'
import { Highlighted } from './highlighted.tsx'

// A whole results page: heading, sort, active filters, the filters panel, the grid, pages, and
// the empty and "search is down" states. /search and the category, brand and shop grids use
// it, each with its own path (`action`) and data from loadSearchPage (with the grid's scope).

type Props = {
  data: SearchPageData
  /** The page's own path; filter links and the filter form stay on it. */
  action: string
  /** Full-width content above the results (a grid's breadcrumbs and header). */
  intro?: ReactNode
  /** Beside the sort control, above the result count. */
  heading?: ReactNode
}

export function SearchResults({ data, action, intro, heading }: Props) {
  const navigation = useNavigation()
  const { currency, state, scope } = data

  if (data.status === 'unavailable') return <SearchUnavailable intro={intro} heading={heading} />
  const { result } = data
  const filtered = hasFilters(state)

  return (
    <div className="lg:grid lg:grid-cols-[16rem_1fr] lg:gap-10">
      {intro ? <div className="mb-6 lg:col-span-2">{intro}</div> : null}
      <div className="flex flex-wrap items-end justify-between gap-4 lg:col-span-2">
        <div>
          {heading}
          <p className="mt-1 text-sm text-stone-600" aria-live="polite" data-testid="result-count">
            {result.totalHits === 0
              ? 'No products'
              : `${result.totalHits.toLocaleString('en-US')}${result.totalHits >= 10_000 ? '+' : ''} product${result.totalHits === 1 ? '' : 's'}`}
          </p>
        </div>
        <SortSelect state={state} />
      </div>

      <aside className="mt-6 lg:mt-8" aria-label="Refine results">
        <FiltersDrawer activeCount={countActive(data.state)}>
          <SearchFilters
            action={action}
            scope={scope}
            state={state}
            facets={result.facets}
            currency={currency}
          />
        </FiltersDrawer>
      </aside>

      <section className="mt-6 min-w-0 lg:mt-8" aria-label="Results">
        {filtered ? (
          <ActiveFilters
            state={data.state}
            facets={result.facets}
            currency={currency}
            action={action}
          />
        ) : null}
        <div className={`transition-opacity ${navigation.state === 'loading' ? 'opacity-60' : ''}`}>
          {result.hits.length ? (
            <>
              <ul className="grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-3 xl:grid-cols-4">
                {result.hits.map((hit, i) => (
                  <li key={hit.card.id}>
                    <ProductCard
                      product={hit.card}
                      priority={i < 4}
                      title={<Highlighted text={hit.highlightedTitle} />}
                      // The description's matching words, when the title itself did not match.
                      excerpt={
                        hit.snippet && !hasHighlight(hit.highlightedTitle) ? (
                          <Highlighted text={hit.snippet} />
                        ) : undefined
                      }
                    />
                  </li>
                ))}
              </ul>
              <Pagination result={result} currency={currency} action={action} />
            </>
          ) : (
            <EmptyResults result={result} currency={currency} action={action} />
          )}
        </div>
      </section>
    </div>
  )
}

function countActive(state: SearchState) {
  return (
    (state.category ? 1 : 0) +
    LIST_FACETS.reduce((sum, facet) => sum + state[facet].length, 0) +
    (state.minPrice !== null || state.maxPrice !== null ? 1 : 0) +
    (state.rating ? 1 : 0) +
    Number(state.onSale) +
    Number(state.inStock)
  )
}

/**
 * On small screens the filters fold away behind a "Filters" button; on large ones they are a
 * sidebar. Starts open (so it works without JavaScript) and folds once the page knows it is narrow.
 */
function FiltersDrawer({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    const element = details.current
    if (element && window.matchMedia('(max-width: 1023px)').matches) element.open = false
  }, [])
  return (
    <details
      ref={details}
      open
      className="group/drawer rounded-lg border border-stone-200 bg-white p-4 lg:border-0 lg:bg-transparent lg:p-0"
    >
      <summary className="flex cursor-pointer list-none items-center justify-between text-sm font-semibold lg:hidden [&::-webkit-details-marker]:hidden">
        <span>
          Filters
          {activeCount ? (
            <span className="ms-2 rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white">
              {activeCount}
            </span>
          ) : null}
        </span>
        <span aria-hidden className="text-stone-400 group-open/drawer:rotate-180">
          ▾
        </span>
      </summary>
      <div className="mt-4 lg:mt-0">{children}</div>
    </details>
  )
}

function SortSelect({ state }: { state: SearchState }) {
  const submitFilters = useSubmitFilters()
  // The new order shows at once; the next results (a new `state`) take over.
  const [chosen, setChosen] = useState<{ from: SearchState; sort: string } | null>(null)
  const value = chosen && chosen.from === state ? chosen.sort : state.sort
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="search-sort" className="text-sm text-stone-600">
        Sort by
      </label>
      <select
        id="search-sort"
        name="sort"
        form={FILTER_FORM_ID}
        value={value}
        onChange={(event) => {
          setChosen({ from: state, sort: event.currentTarget.value })
          submitFilters(event.currentTarget.form)
        }}
        className="input w-auto py-1.5 pe-8"
      >
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" form={FILTER_FORM_ID} className="btn-secondary py-1.5">
          Sort
        </button>
      </noscript>
    </div>
  )
}

type Chip = { key: string; label: string; href: string }

function describeFilter(
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

function withoutFilter(state: SearchState, key: FilterKey): SearchState {
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

function ActiveFilters({
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

function EmptyResults({
  result,
  currency,
  action,
}: {
  result: ProductSearchResult
  currency: string
  action: string
}) {
  const { state } = result
  if (result.totalHits > 0) {
    // A page past the end (an old link, a hand-edited URL).
    return (
      <div className="card text-center" data-testid="empty-results">
        <h2 className="text-lg font-semibold">There is nothing on page {state.page}</h2>
        <p className="mt-2 text-stone-600">
          These results end on page {result.totalPages}.{' '}
          <Link
            to={searchHref({ ...state, page: Math.max(1, result.totalPages) }, currency, action)}
            className="link"
          >
            Go to the last page
          </Link>
        </p>
      </div>
    )
  }
  const relaxations = [...result.relaxations].sort((a, b) => b.totalHits - a.totalHits)
  return (
    <div className="card" data-testid="empty-results">
      <h2 className="text-lg font-semibold">
        {state.q
          ? `No products match “${state.q}”${relaxations.length ? ' with these filters' : ''}`
          : 'No products match these filters'}
      </h2>
      {relaxations.length ? (
        <>
          <p className="mt-2 text-stone-600">Try removing a filter:</p>
          <ul className="mt-3 space-y-2">
            {relaxations.map((relaxation) => (
              <li key={relaxation.filter}>
                <Link
                  to={searchHref(withoutFilter(state, relaxation.filter), currency, action)}
                  className="link"
                >
                  Remove “{describeFilter(relaxation.filter, state, result.facets, currency)}”
                </Link>{' '}
                <span className="text-sm text-stone-500">
                  (
                  {relaxation.totalHits === 0
                    ? 'still no results'
                    : `${relaxation.totalHits} result${relaxation.totalHits === 1 ? '' : 's'}`}
                  )
                </span>
              </li>
            ))}
          </ul>
          {relaxations.length > 1 ? (
            <p className="mt-4">
              <Link
                to={searchHref(clearFilters(state), currency, action)}
                className="btn-secondary"
              >
                Clear all filters
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="mt-2 text-stone-600">
            Check the spelling, use fewer or more general words, or browse everything.
          </p>
          <p className="mt-4">
            <Link to={action} className="btn-secondary">
              See all products
            </Link>
          </p>
        </>
      )}
    </div>
  )
}

function Pagination({
  result,
  currency,
  action,
}: {
  result: ProductSearchResult
  currency: string
  action: string
}) {
  const { page, totalPages, state } = result
  if (totalPages <= 1) return null
  const href = (target: number) => searchHref({ ...state, page: target }, currency, action)
  const pages = pageWindow(page, totalPages)
  const box = 'inline-flex min-w-10 items-center justify-center rounded-md px-3 py-2 text-sm'
  return (
    <nav aria-label="Pages" className="mt-10 flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link
          to={href(page - 1)}
          rel="prev"
          className={`${box} border border-stone-300 bg-white hover:bg-stone-100`}
        >
          <span aria-hidden>‹</span> Previous
        </Link>
      ) : null}
      {pages.map((entry, i) =>
        entry === null ? (
          <span key={`gap-${i}`} aria-hidden className={`${box} text-stone-400`}>
            …
          </span>
        ) : entry === page ? (
          <span
            key={entry}
            aria-current="page"
            className={`${box} bg-brand-600 font-semibold text-white`}
          >
            <span className="sr-only">Page </span>
            {entry}
          </span>
        ) : (
          <Link
            key={entry}
            to={href(entry)}
            className={`${box} border border-stone-300 bg-white hover:bg-stone-100`}
          >
            <span className="sr-only">Page </span>
            {entry}
          </Link>
        ),
      )}
      {page < totalPages ? (
        <Link
          to={href(page + 1)}
          rel="next"
          className={`${box} border border-stone-300 bg-white hover:bg-stone-100`}
        >
          Next <span aria-hidden>›</span>
        </Link>
      ) : null}
    </nav>
  )
}

/** 1 … 4 5 [6] 7 8 … 20: the first, the last, and two either side of the current page. */
export function pageWindow(page: number, total: number): Array<number | null> {
  const wanted = new Set(
    [1, total, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= total),
  )
  const sorted = [...wanted].sort((a, b) => a - b)
  const result: Array<number | null> = []
  for (const [i, n] of sorted.entries()) {
    const previous = sorted[i - 1]
    if (previous !== undefined && n - previous > 1)
      result.push(n - previous === 2 ? previous + 1 : null)
    result.push(n)
  }
  return result
}

export function SearchUnavailable({ intro, heading }: { intro?: ReactNode; heading?: ReactNode }) {
  const location = useLocation()
  return (
    <div>
      {intro}
      {heading}
      <div className="mt-8 max-w-2xl card" role="alert" data-testid="search-unavailable">
        <h2 className="text-lg font-semibold">Search is taking a short break</h2>
        <p className="mt-2 text-stone-600">
          We cannot look through the shop right now. Nothing is lost: please try again in a minute.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to={`${location.pathname}${location.search}`} className="btn-primary">
            Try again
          </Link>
          <Link to="/" className="btn-secondary">
            Back to the shop
          </Link>
        </div>
      </div>
    </div>
  )
}

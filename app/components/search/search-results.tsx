import { useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ProductCard } from '~/components/catalog/product-card.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { useFormat } from '~/i18n/use-locale.ts'
import { hasHighlight } from '~/services/search/highlight.ts'
import type { SearchPageData } from '~/services/search/page.server.ts'
import {
  hasFilters,
  LIST_FACETS,
  MAX_TOTAL_HITS,
  SORTS,
  type SearchState,
} from '~/services/search/state.ts'
import { ActiveFilters } from './active-filters.tsx'
import { EmptyResults, SearchUnavailable } from './empty-results.tsx'
import { SearchFilters } from './facets.tsx'
import { FILTER_FORM_ID, useSubmitFilters } from './filter-form.tsx'
import { Highlighted } from './highlighted.tsx'
import { GLYPH } from './glyphs.ts'

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
  const { t } = useTranslation('search')
  const { priceUnit, state, scope } = data

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
              ? t('count.none')
              : // Meilisearch stops counting at MAX_TOTAL_HITS: beyond it the count is a floor.
                t(result.totalHits >= MAX_TOTAL_HITS ? 'count.atLeast' : 'count.products', {
                  count: result.totalHits,
                })}
          </p>
        </div>
        <SortSelect state={state} />
      </div>

      <aside className="mt-6 lg:mt-8" aria-label={t('regions.refine')}>
        <FiltersDrawer state={data.state} activeCount={countActive(data.state)}>
          <SearchFilters
            action={action}
            scope={scope}
            state={state}
            facets={result.facets}
            priceUnit={priceUnit}
          />
        </FiltersDrawer>
      </aside>

      <section className="mt-6 min-w-0 lg:mt-8" aria-labelledby="results-heading">
        {/* The cards' titles are h3s: this keeps the outline h1, h2, h3 for screen readers. */}
        <h2 id="results-heading" className="sr-only">
          {t('regions.results')}
        </h2>
        {filtered ? (
          <ActiveFilters
            state={data.state}
            facets={result.facets}
            priceUnit={priceUnit}
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
              <Pagination
                page={result.page}
                pageCount={result.totalPages}
                label={t('regions.pages')}
              />
            </>
          ) : (
            <EmptyResults result={result} help={data.help} priceUnit={priceUnit} action={action} />
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
 * sidebar. Starts folded and opens once the page knows it is wide: folding a phone's open drawer
 * after hydration moved the whole grid (CLS 0.3 on category pages), while opening the sidebar
 * moves nothing beside it. Before hydration (or without JavaScript) a wide screen shows the
 * sidebar through CSS where browsers can style `::details-content` (app/tailwind.css), and the
 * button elsewhere.
 */
function FiltersDrawer({
  state,
  activeCount,
  children,
}: {
  state: SearchState
  activeCount: number
  children: ReactNode
}) {
  const { t } = useTranslation('search')
  const f = useFormat()
  const [params] = useSearchParams()
  const details = useRef<HTMLDetailsElement>(null)
  // A refused price is explained inside the drawer: a page answering one starts with it open.
  const refused = (['minPrice', 'maxPrice'] as const).some(
    (name) => (params.get(name)?.trim() ?? '') !== '' && state[name] === null,
  )
  useEffect(() => {
    const element = details.current
    if (element && window.matchMedia('(min-width: 1024px)').matches) element.open = true
  }, [])
  return (
    <details
      ref={details}
      open={refused || undefined}
      className="filters-drawer group/drawer rounded-lg border border-stone-200 bg-white p-4 lg:border-0 lg:bg-transparent lg:p-0"
    >
      <summary className="flex cursor-pointer list-none items-center justify-between text-sm font-semibold group-open/drawer:lg:hidden [&::-webkit-details-marker]:hidden">
        <span>
          {t('filters.drawer')}
          {activeCount ? (
            <span className="ms-2 rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white">
              <span aria-hidden>{f.number(activeCount)}</span>
              <span className="sr-only">{t('filters.selected', { count: activeCount })}</span>
            </span>
          ) : null}
        </span>
        <span aria-hidden className="text-stone-400 group-open/drawer:rotate-180">
          {GLYPH.disclosure}
        </span>
      </summary>
      <div className="mt-4 lg:mt-0">{children}</div>
    </details>
  )
}

function SortSelect({ state }: { state: SearchState }) {
  const { t } = useTranslation('search')
  const submitFilters = useSubmitFilters()
  // The new order shows at once; the next results (a new `state`) take over.
  const [chosen, setChosen] = useState<{ from: SearchState; sort: string } | null>(null)
  const value = chosen && chosen.from === state ? chosen.sort : state.sort
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="search-sort" className="text-sm text-stone-600">
        {t('sort.label')}
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
            {t(`sort.${sort}`)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" form={FILTER_FORM_ID} className="btn-secondary py-1.5">
          {t('sort.apply')}
        </button>
      </noscript>
    </div>
  )
}

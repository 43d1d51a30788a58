/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { ProductSearchResult } from '~/services/search/search.server.ts'
import { clearFilters, searchHref } from '~/services/search/state.ts'
import { describeFilter, withoutFilter } from './active-filters.tsx'

// What a results page says when it has nothing to show: no match, a page past the end, or
// search being down.

export function EmptyResults({
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

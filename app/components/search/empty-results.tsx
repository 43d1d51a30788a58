import { Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import type { NoResultsHelp } from '~/services/search/no-results.server.ts'
import type { ProductSearchResult } from '~/services/search/search.server.ts'
import { clearFilters, searchHref, updateState, type PriceUnit } from '~/services/search/state.ts'
import { useDescribeFilter, withoutFilter } from './active-filters.tsx'

// What a results page says when it has nothing to show: no match (with a spelling to try,
// the filters to remove and popular categories), a page past the end, or search being down.

export function EmptyResults({
  result,
  help,
  priceUnit,
  action,
}: {
  result: ProductSearchResult
  help: NoResultsHelp | null
  priceUnit: PriceUnit
  action: string
}) {
  const { t } = useTranslation('search')
  const describe = useDescribeFilter()
  const { state } = result
  if (result.totalHits > 0) {
    // A page past the end (an old link, a hand-edited URL).
    return (
      <div className="card text-center" data-testid="empty-results">
        <h2 className="text-lg font-semibold">{t('empty.pastEnd', { page: state.page })}</h2>
        <p className="mt-2 text-stone-600">
          {t('empty.lastPage', { page: result.totalPages })}{' '}
          <Link
            to={searchHref({ ...state, page: Math.max(1, result.totalPages) }, priceUnit, action)}
            className="link"
          >
            {t('empty.goLast')}
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
          ? t(relaxations.length ? 'empty.noMatchFiltered' : 'empty.noMatch', { q: state.q })
          : t('empty.noMatchFilters')}
      </h2>
      {help?.didYouMean ? (
        <p className="mt-2 text-stone-800" data-testid="did-you-mean">
          <Trans
            t={t}
            i18nKey="empty.didYouMean"
            values={{ q: help.didYouMean.q }}
            components={{
              fix: (
                <Link
                  to={searchHref(updateState(state, { q: help.didYouMean.q }), priceUnit, action)}
                  className="link font-semibold"
                />
              ),
            }}
          />{' '}
          <span className="text-sm text-stone-500">
            {t('empty.didYouMeanCount', { count: help.didYouMean.totalHits })}
          </span>
        </p>
      ) : null}
      {relaxations.length ? (
        <>
          <p className="mt-2 text-stone-600">{t('empty.tryRemoving')}</p>
          <ul className="mt-3 space-y-2">
            {relaxations.map((relaxation) => (
              <li key={relaxation.filter}>
                <Link
                  to={searchHref(withoutFilter(state, relaxation.filter), priceUnit, action)}
                  className="link"
                >
                  {t('empty.remove', {
                    filter: describe(relaxation.filter, state, result.facets),
                  })}
                </Link>{' '}
                <span className="text-sm text-stone-500">
                  (
                  {relaxation.totalHits === 0
                    ? t('empty.stillNone')
                    : t('empty.results', { count: relaxation.totalHits })}
                  )
                </span>
              </li>
            ))}
          </ul>
          {relaxations.length > 1 ? (
            <p className="mt-4">
              <Link
                to={searchHref(clearFilters(state), priceUnit, action)}
                className="btn-secondary"
              >
                {t('empty.clearAll')}
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="mt-2 text-stone-600">{t('empty.advice')}</p>
          <p className="mt-4">
            <Link to={action} className="btn-secondary">
              {t('empty.seeAll')}
            </Link>
          </p>
        </>
      )}
      {help?.popularCategories.length ? <PopularCategories help={help} /> : null}
    </div>
  )
}

function PopularCategories({ help }: { help: NoResultsHelp }) {
  const { t } = useTranslation('search')
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <nav aria-labelledby="popular-categories" className="mt-6 border-t border-stone-200 pt-4">
      <h3 id="popular-categories" className="text-sm font-semibold text-stone-900">
        {t('empty.popular')}
      </h3>
      <ul className="mt-3 flex flex-wrap gap-2">
        {help.popularCategories.map((category) => (
          <li key={category.slug}>
            <Link
              to={lp(`/c/${category.slug}`)}
              className="inline-flex items-center gap-2 rounded-full border border-stone-300 bg-white px-3 py-1 text-sm text-stone-800 hover:border-brand-500 hover:text-brand-700"
            >
              {category.name}
              <span className="text-xs text-stone-500">
                <span aria-hidden>{f.number(category.count)}</span>
                <span className="sr-only">{t('filters.products', { count: category.count })}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function SearchUnavailable({ intro, heading }: { intro?: ReactNode; heading?: ReactNode }) {
  const { t } = useTranslation('search')
  const lp = useLocalePath()
  const location = useLocation()
  return (
    <div>
      {intro}
      {heading}
      <div className="mt-8 max-w-2xl card" role="alert" data-testid="search-unavailable">
        <h2 className="text-lg font-semibold">{t('unavailable.title')}</h2>
        <p className="mt-2 text-stone-600">{t('unavailable.body')}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to={`${location.pathname}${location.search}`} className="btn-primary">
            {t('unavailable.retry')}
          </Link>
          <Link to={lp('/')} className="btn-secondary">
            {t('unavailable.back')}
          </Link>
        </div>
      </div>
    </div>
  )
}

import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import { DirectionArrow } from './direction-arrow.tsx'

// The one pagination of the app: storefront grids, the seller's and the admin's lists, orders.
// Pages are links that change only `page` in the URL, so they work without JavaScript, can be
// shared, and the back button behaves.

/** The URL of another page of the same list: every other search parameter stays as it is. */
export function pageHref(
  location: { pathname: string; search: string },
  page: number,
  param = 'page',
) {
  const params = new URLSearchParams(location.search)
  if (page <= 1) params.delete(param)
  else params.set(param, String(page))
  const search = params.toString()
  return search ? `${location.pathname}?${search}` : location.pathname
}

/** Page numbers around the current page, with gaps: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(page: number, pageCount: number, radius = 2): Array<number | 'gap'> {
  const pages = new Set([1, pageCount])
  for (let n = page - radius; n <= page + radius; n++) if (n >= 1 && n <= pageCount) pages.add(n)
  const sorted = [...pages].sort((a, b) => a - b)
  return sorted.flatMap((n, index) =>
    index > 0 && n - sorted[index - 1]! > 1 ? (['gap', n] as const) : [n],
  )
}

const BASE =
  'inline-flex h-10 min-w-10 items-center justify-center rounded-md px-3 text-sm font-medium'

/**
 * Previous, the page numbers around the current one, next (`param` names the page parameter
 * where a page holds more than one list, like the product page's reviews). A page past the end (an old link)
 * still offers the way back.
 */
export function Pagination({
  page,
  pageCount,
  label,
  param = 'page',
}: {
  page: number
  pageCount: number
  label?: string
  param?: string
}) {
  const { t } = useTranslation()
  const location = useLocation()
  if (pageCount <= 1 && page <= 1) return null
  const href = (n: number) => pageHref(location, n, param)
  return (
    <nav
      aria-label={label ?? t('pagination.label')}
      className="mt-10 flex flex-wrap items-center justify-center gap-1"
    >
      {page > 1 ? (
        <Link
          to={href(Math.min(page - 1, pageCount))}
          rel="prev"
          className={`${BASE} text-stone-700 hover:bg-stone-100`}
        >
          <DirectionArrow to="back" /> {t('pagination.previous')}
        </Link>
      ) : null}
      {pageWindow(Math.min(page, pageCount), pageCount).map((n, index) =>
        n === 'gap' ? (
          <span key={`gap-${index}`} className="px-1 text-stone-400" aria-hidden>
            …
          </span>
        ) : n === page ? (
          <span key={n} aria-current="page" className={`${BASE} bg-ink text-white`}>
            <PageNumber page={n} />
          </span>
        ) : (
          <Link key={n} to={href(n)} className={`${BASE} text-stone-700 hover:bg-stone-100`}>
            <PageNumber page={n} />
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link
          to={href(page + 1)}
          rel="next"
          className={`${BASE} text-stone-700 hover:bg-stone-100`}
        >
          {t('pagination.next')} <DirectionArrow to="forward" />
        </Link>
      ) : null}
    </nav>
  )
}

/** The digits people see, "Page 3" for screen readers. */
function PageNumber({ page }: { page: number }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <>
      <span aria-hidden>{format.number(page)}</span>
      <span className="sr-only">{t('pagination.page', { page })}</span>
    </>
  )
}

/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { Link } from '@remix-run/react'
import type { ProductSearchResult } from '~/services/search/search.server.ts'
import { searchHref } from '~/services/search/state.ts'

export function Pagination({
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

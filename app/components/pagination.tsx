import { Link, useLocation } from '@remix-run/react'

/** The URL of another page of the same list: every other search parameter stays as it is. */
export function pageHref(location: { pathname: string; search: string }, page: number) {
  const params = new URLSearchParams(location.search)
  if (page <= 1) params.delete('page')
  else params.set('page', String(page))
  const search = params.toString()
  return search ? `${location.pathname}?${search}` : location.pathname
}

/** Previous / next links for a URL-driven list (works without JavaScript; the back button behaves). */
export function Pagination({ page, pageCount, label = 'Pages' }: { page: number; pageCount: number; label?: string }) {
  const location = useLocation()
  if (pageCount <= 1 && page <= 1) return null
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link to={pageHref(location, Math.min(page - 1, pageCount))} className="btn-secondary" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <p className="text-stone-600">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link to={pageHref(location, page + 1)} className="btn-secondary" rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}

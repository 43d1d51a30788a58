import { Form, Link, useLocation, useSearchParams, useSubmit } from '@remix-run/react'
import { SORT_LABELS, SORTS, type Sort } from '~/services/catalog/schemas.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'

// The URL is the state of every grid (?sort=…&page=…, plus whatever filters search adds):
// these controls read it and write links and GET forms, so pages are shareable, work without
// JavaScript, and the back button behaves.

/** The search params with some keys changed (null removes one). */
export function withParams(params: URLSearchParams, changes: Record<string, string | null>) {
  const next = new URLSearchParams(params)
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key)
    else next.set(key, value)
  }
  return next
}

/** "Sort by" as a GET form: changes apply at once with JavaScript, with a button without it. */
export function SortControl({ sort }: { sort: Sort }) {
  const [params] = useSearchParams()
  const submit = useSubmit()
  const hydrated = useHydrated()
  const kept = [...params.entries()].filter(([key]) => key !== 'sort' && key !== 'page')
  return (
    <Form method="get" preventScrollReset className="flex items-center gap-2" onChange={(event) => submit(event.currentTarget, { preventScrollReset: true })}>
      {kept.map(([key, value]) => (
        <input key={`${key}=${value}`} type="hidden" name={key} value={value} />
      ))}
      <label htmlFor="listing-sort" className="text-sm text-stone-600">
        Sort by
      </label>
      <select id="listing-sort" name="sort" defaultValue={sort} key={sort} className="input w-auto py-1.5">
        {SORTS.map((value) => (
          <option key={value} value={value}>
            {SORT_LABELS[value]}
          </option>
        ))}
      </select>
      {hydrated ? null : (
        <button type="submit" className="btn-secondary py-1.5">
          Apply
        </button>
      )}
    </Form>
  )
}

/** Page numbers around the current page, with gaps: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(page: number, pageCount: number, radius = 2): Array<number | 'gap'> {
  const pages = new Set([1, pageCount])
  for (let n = page - radius; n <= page + radius; n++) if (n >= 1 && n <= pageCount) pages.add(n)
  const sorted = [...pages].sort((a, b) => a - b)
  return sorted.flatMap((n, index) => (index > 0 && n - sorted[index - 1]! > 1 ? (['gap', n] as const) : [n]))
}

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const [params] = useSearchParams()
  const { pathname } = useLocation()
  if (pageCount <= 1) return null
  const href = (n: number) => {
    const next = withParams(params, { page: n === 1 ? null : String(n) })
    return next.size ? `${pathname}?${next}` : pathname
  }
  const base = 'inline-flex h-10 min-w-10 items-center justify-center rounded-md px-3 text-sm font-medium'
  return (
    <nav aria-label="Pagination" className="mt-10 flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className={`${base} text-stone-700 hover:bg-stone-100`}>
          ← Previous
        </Link>
      ) : null}
      {pageWindow(page, pageCount).map((n, index) =>
        n === 'gap' ? (
          <span key={`gap-${index}`} className="px-1 text-stone-400" aria-hidden>
            …
          </span>
        ) : n === page ? (
          <span key={n} aria-current="page" className={`${base} bg-ink text-white`}>
            <span className="sr-only">Page </span>
            {n}
          </span>
        ) : (
          <Link key={n} to={href(n)} className={`${base} text-stone-700 hover:bg-stone-100`}>
            <span className="sr-only">Page </span>
            {n}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className={`${base} text-stone-700 hover:bg-stone-100`}>
          Next →
        </Link>
      ) : null}
    </nav>
  )
}

/** "312 products" (or "2,400+ products" when the count is capped). */
export function ResultCount({ total, capped }: { total: number; capped: boolean }) {
  return (
    <p className="text-sm text-stone-600" aria-live="polite">
      {total.toLocaleString('en-US')}
      {capped ? '+' : ''} product{total === 1 && !capped ? '' : 's'}
    </p>
  )
}

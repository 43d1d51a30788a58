import { Form, useSearchParams, useSubmit } from '@remix-run/react'
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

/** "312 products" (or "2,400+ products" when the count is capped). */
export function ResultCount({ total, capped }: { total: number; capped: boolean }) {
  return (
    <p className="text-sm text-stone-600" aria-live="polite">
      {total.toLocaleString('en-US')}
      {capped ? '+' : ''} product{total === 1 && !capped ? '' : 's'}
    </p>
  )
}

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
  return <SortForm id="listing-sort" label="Sort by" name="sort" pageParam="page" value={sort} options={SORTS.map((value) => [value, SORT_LABELS[value]] as const)} button="Apply" />
}

/**
 * A sort select as a GET form that keeps the other search params and goes back to the first page
 * (`pageParam`); with JavaScript a change applies at once, without it a button does.
 */
export function SortForm({
  id,
  label,
  name,
  pageParam,
  value,
  options,
  button,
}: {
  id: string
  label: string
  name: string
  pageParam: string
  value: string
  options: ReadonlyArray<readonly [value: string, label: string]>
  button: string
}) {
  const [params] = useSearchParams()
  const submit = useSubmit()
  const hydrated = useHydrated()
  const kept = [...params.entries()].filter(([key]) => key !== name && key !== pageParam)
  return (
    <Form method="get" preventScrollReset className="flex items-center gap-2" onChange={(event) => submit(event.currentTarget, { preventScrollReset: true })}>
      {kept.map(([key, kept]) => (
        <input key={`${key}=${kept}`} type="hidden" name={key} value={kept} />
      ))}
      <label htmlFor={id} className="text-sm text-stone-600">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} key={value} className="input w-auto py-1.5">
        {options.map(([option, optionLabel]) => (
          <option key={option} value={option}>
            {optionLabel}
          </option>
        ))}
      </select>
      {hydrated ? null : (
        <button type="submit" className="btn-secondary py-1.5">
          {button}
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

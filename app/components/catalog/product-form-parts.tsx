import type { getSelectProps } from '@conform-to/react'
import { useId, type ReactNode } from 'react'
import { ErrorList } from '~/components/forms.tsx'
import type { PriceDisplay } from '~/i18n/format.ts'

// Small pieces of the product form: what it offers to choose from, a titled card and a labelled
// select with its errors.

/** The form's choices and the store's money settings (the route's loader gives them). */
export type ProductFormOptions = {
  categories: Array<{ id: string; path: string; depth: number; leaf: boolean }>
  brands: Array<{ id: string; name: string }>
  colors: Array<{ id: string; name: string; hex: string }>
  scales: Array<{ id: string; name: string; sizes: Array<{ id: string; label: string }> }>
  currency: string
  timeZone: string
  priceDisplay: PriceDisplay
}

/** "Women › Dresses" → "Dresses". */
export const lastSegment = (path: string) => path.split(' › ').pop() ?? path

export function Section({
  id: anchor,
  title,
  description,
  children,
}: {
  id?: string
  title: string
  description?: ReactNode
  children?: ReactNode
}) {
  const id = useId()
  return (
    <section id={anchor} aria-labelledby={id} className="scroll-mt-6 space-y-4 card">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-sm text-stone-600">{description}</p> : null}
      </div>
      {children}
    </section>
  )
}

export function SelectField({
  label,
  props,
  errors,
  errorId,
  children,
}: {
  label: string
  props: ReturnType<typeof getSelectProps>
  errors?: string[]
  errorId: string
  children: ReactNode
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        {...props}
        className="mt-1 input"
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? errorId : undefined}
      >
        {children}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

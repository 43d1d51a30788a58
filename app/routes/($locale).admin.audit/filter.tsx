import type { ReactNode } from 'react'
import { ErrorList } from '~/components/forms.tsx'

// One labelled filter of the audit log, with its errors.

export function invalid(id: string, errors: string[] | undefined) {
  return errors?.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}
}

export function Filter({
  id,
  label,
  errors,
  children,
}: {
  id: string
  label: string
  errors: string[] | undefined
  children: ReactNode
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}

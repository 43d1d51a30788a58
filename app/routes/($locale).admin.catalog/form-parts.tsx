import { useActionData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorList } from '~/components/forms.tsx'
import type { action } from './route.tsx'

// The catalog page's form parts: each form finds its own failure in the action's answer.

export function useFailure(form: string) {
  const actionData = useActionData<typeof action>()
  return actionData && 'form' in actionData && actionData.form === form ? actionData : null
}

export function TextInput({
  name,
  label,
  defaultValue,
  errors,
  help,
  ltr = false,
  rtl = false,
}: {
  name: string
  label: string
  defaultValue?: string
  errors?: string[]
  help?: string
  /** Latin-only text (web addresses): typed left to right on Persian pages too. */
  ltr?: boolean
  /** Persian text: typed right to left on English pages too. */
  rtl?: boolean
}) {
  return (
    <label className="block text-sm font-medium text-stone-800">
      {label}
      <input
        name={name}
        defaultValue={defaultValue}
        className="mt-1 input font-normal"
        dir={ltr ? 'ltr' : rtl ? 'rtl' : undefined}
        lang={rtl ? 'fa' : undefined}
        aria-invalid={errors?.length ? true : undefined}
      />
      {help ? <span className="mt-1 block text-xs font-normal text-stone-500">{help}</span> : null}
      <ErrorList errors={errors} />
    </label>
  )
}

export function SubmitButton({ children }: { children: ReactNode }) {
  const navigation = useNavigation()
  return (
    <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
      {children}
    </button>
  )
}

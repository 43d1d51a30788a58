import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react'
import { useNavigation } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { INTL_LOCALE, isLocale } from '~/i18n/locales.ts'
import { translateMessage } from '~/i18n/validation.ts'

export type ListOfErrors = Array<string | null | undefined> | null | undefined

export function ErrorList({
  id,
  errors,
  className = 'mt-1',
}: {
  id?: string
  errors?: ListOfErrors
  className?: string
}) {
  const translate = useValidationMessage()
  const messages = errors?.filter((error): error is string => Boolean(error)).map(translate)
  if (!messages?.length) return null
  return (
    <ul id={id} className={`space-y-1 text-sm text-red-700 ${className}`}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  )
}

/** Schema messages (`validation:` keys, app/i18n/validation.ts) in the page's language. */
export function useValidationMessage() {
  const { t, i18n } = useTranslation('validation')
  const numbers = new Intl.NumberFormat(INTL_LOCALE[isLocale(i18n.language) ? i18n.language : 'en'])
  return (text: string) =>
    translateMessage(
      text,
      (key, values) => t(key, values),
      (value) => numbers.format(value),
    )
}

/**
 * Where a field's errors go: one line is always kept for them, so an error that comes or goes as
 * the field loses focus (the mousedown on the submit button) never moves the button away from
 * the pointer before the mouseup, which would lose the click.
 */
function FieldErrors({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  return (
    <div className="mt-1 min-h-5">
      <ErrorList id={id} errors={errors} className="" />
    </div>
  )
}

/** What a control needs to be found by its label, its errors and its help text. */
type ControlWiring = {
  id: string
  'aria-invalid'?: true
  'aria-describedby'?: string
}

/** The words around a control: its label, and the help text and errors below it. */
type ControlText = {
  label: ReactNode
  errors?: ListOfErrors
  help?: ReactNode
}

/**
 * The label above a control, its help text and its errors below, all wired up for screen
 * readers; `children` draws the control itself with the wiring it is given.
 */
function LabelledControl({
  id: givenId,
  label,
  errors,
  help,
  children,
}: ControlText & {
  id?: string
  children: (wiring: ControlWiring) => ReactNode
}) {
  const fallbackId = useId()
  const id = givenId ?? fallbackId
  const errorId = errors?.length ? `${id}-error` : undefined
  const helpId = help ? `${id}-help` : undefined
  const describedBy = [errorId, helpId].filter(Boolean).join(' ')
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': errorId ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {help ? (
        <p id={helpId} className="mt-1 text-xs text-stone-500">
          {help}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}

/** A labelled input with its errors and help text wired up for screen readers. */
export function Field({
  label,
  inputProps,
  errors,
  help,
}: ControlText & { inputProps: InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <LabelledControl id={inputProps.id} label={label} errors={errors} help={help}>
      {(wiring) => (
        <input {...inputProps} {...wiring} className={`mt-1 input ${inputProps.className ?? ''}`} />
      )}
    </LabelledControl>
  )
}

/** A labelled list to choose from, with a first empty choice, wired up like `Field`. */
export function SelectField({
  label,
  placeholder,
  options,
  selectProps,
  errors,
}: Omit<ControlText, 'help'> & {
  placeholder: string
  options: ReadonlyArray<readonly [value: string, name: string]>
  selectProps: SelectHTMLAttributes<HTMLSelectElement>
}) {
  return (
    <LabelledControl id={selectProps.id} label={label} errors={errors}>
      {(wiring) => (
        <select {...selectProps} {...wiring} className="mt-1 input">
          <option value="">{placeholder}</option>
          {options.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  )
}

/** A labelled multi-line input, wired up like `Field`. */
export function TextareaField({
  label,
  textareaProps,
  errors,
  help,
}: ControlText & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  return (
    <LabelledControl id={textareaProps.id} label={label} errors={errors} help={help}>
      {(wiring) => (
        <textarea
          {...textareaProps}
          {...wiring}
          className={`mt-1 input ${textareaProps.className ?? ''}`}
        />
      )}
    </LabelledControl>
  )
}

/**
 * A one-line reason beside its button (reject, report, suspend): the label is for screen
 * readers, the placeholder says who reads it, the errors sit under the input.
 */
export function InlineReasonField({
  id,
  label,
  placeholder,
  maxLength,
  errors,
  inputProps,
}: {
  id: string
  label: ReactNode
  placeholder: string
  maxLength: number
  errors?: ListOfErrors
  inputProps?: InputHTMLAttributes<HTMLInputElement> & Record<`data-${string}`, string>
}) {
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        {...inputProps}
        id={id}
        name="reason"
        maxLength={maxLength}
        placeholder={placeholder}
        className="input w-64"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

/**
 * A form's submit button: disabled while the page submits, so a second click sends nothing
 * twice, and saying what it is doing meanwhile when given `pending`.
 */
export function SubmitButton({
  className = 'btn-primary',
  pending,
  children,
}: {
  className?: string
  pending?: ReactNode
  children: ReactNode
}) {
  const submitting = useNavigation().state === 'submitting'
  return (
    <button type="submit" className={className} disabled={submitting}>
      {submitting && pending ? pending : children}
    </button>
  )
}

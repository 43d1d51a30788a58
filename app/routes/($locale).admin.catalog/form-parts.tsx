import { Form, Link, useActionData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, SubmitButton } from '~/components/forms.tsx'
import type { action } from './route.tsx'

// The catalog page's form parts: each form finds its own failure in the action's answer. Brands
// and categories share their name cell, edit form, add form and delete button; a category's own
// fields (its parent) come in as `extra`.

type FormFailure = ReturnType<typeof useFailure>

/** What a brand's or a category's edit form starts from. */
type EntryValues = {
  id: string
  name: string
  nameFa: string | null
  descriptionFa: string | null
  slug: string
  description: string
}

export function useFailure(form: string) {
  const actionData = useActionData<typeof action>()
  return actionData && 'form' in actionData && actionData.form === form ? actionData : null
}

function TextInput({
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

/** A brand's or category's name, linking to its storefront page, and its slug. */
export function EntryName({ to, name, slug }: { to: string; name: string; slug: string }) {
  return (
    <>
      <Link to={to} className="font-medium text-ink hover:text-brand-700 hover:underline">
        {name}
      </Link>
      <span className="ms-2 font-mono text-xs text-stone-500" dir="ltr">
        {slug}
      </span>
    </>
  )
}

/** The edit form folded under a row's name; it opens by itself when its last save failed. */
export function EditEntry({
  intent,
  entry,
  summary,
  submit,
  extra,
}: {
  intent: string
  entry: EntryValues
  summary: string
  submit: string
  extra?: ReactNode
}) {
  const failure = useFailure(`${intent}:${entry.id}`)
  return (
    <details className="mt-2" open={Boolean(failure)}>
      <summary className="cursor-pointer text-xs font-medium text-brand-700">{summary}</summary>
      <Form
        method="post"
        className="mt-3 grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2"
      >
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={entry.id} />
        <EntryFields entry={entry} failure={failure} extra={extra} />
        <FormEnd failure={failure}>{submit}</FormEnd>
      </Form>
    </details>
  )
}

/** The form under a table that adds a brand or a category; a failed add keeps what was typed. */
export function NewEntry({
  intent,
  heading,
  submit,
  extra,
}: {
  intent: string
  heading: string
  submit: string
  extra?: ReactNode
}) {
  const failure = useFailure(intent)
  return (
    <Form
      method="post"
      className="mt-6 grid gap-3 card sm:grid-cols-2"
      key={failure ? 'failed' : 'fresh'}
    >
      <h3 className="text-base font-semibold sm:col-span-2">{heading}</h3>
      <input type="hidden" name="intent" value={intent} />
      <EntryFields failure={failure} extra={extra} />
      <FormEnd failure={failure}>{submit}</FormEnd>
    </Form>
  )
}

/**
 * Names in both languages, slug, `extra`, descriptions in both languages: filled from `entry`
 * when editing, empty (slug and descriptions optional) when adding. Without an extra field the
 * slug takes its row, so each language pair shares one.
 */
function EntryFields({
  entry,
  failure,
  extra,
}: {
  entry?: EntryValues
  failure: FormFailure
  extra?: ReactNode
}) {
  const { t } = useTranslation('admin')
  return (
    <>
      <TextInput
        name="name"
        label={t('catalog.nameEn')}
        defaultValue={entry?.name}
        errors={failure?.fieldErrors.name}
      />
      <TextInput
        name="nameFa"
        label={t('catalog.nameFaOptional')}
        defaultValue={entry ? (entry.nameFa ?? '') : undefined}
        errors={failure?.fieldErrors.nameFa}
        rtl
      />
      <div className={extra ? undefined : 'sm:col-span-2'}>
        <TextInput
          name="slug"
          label={entry ? t('catalog.slug') : t('catalog.slugOptional')}
          defaultValue={entry?.slug}
          errors={failure?.fieldErrors.slug}
          help={entry ? undefined : t('catalog.slugHelp')}
          ltr
        />
      </div>
      {extra}
      <TextInput
        name="description"
        label={entry ? t('catalog.description') : t('catalog.descriptionOptional')}
        defaultValue={entry?.description}
        errors={failure?.fieldErrors.description}
      />
      <TextInput
        name="descriptionFa"
        label={t('catalog.descriptionFaOptional')}
        defaultValue={entry ? (entry.descriptionFa ?? '') : undefined}
        errors={failure?.fieldErrors.descriptionFa}
        rtl
      />
    </>
  )
}

function FormEnd({ failure, children }: { failure: FormFailure; children: ReactNode }) {
  return (
    <div className="sm:col-span-2">
      <ErrorList errors={failure?.formErrors} />
      <SubmitButton>{children}</SubmitButton>
    </div>
  )
}

/** Deletes a brand or category; while `refusal` says why it cannot go, the button is disabled. */
export function DeleteEntry({
  intent,
  id,
  name,
  refusal,
}: {
  intent: string
  id: string
  name: string
  refusal?: string
}) {
  const { t } = useTranslation('admin')
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className="btn-danger py-1"
        disabled={refusal !== undefined}
        title={refusal}
        aria-label={t('catalog.deleteNamed', { name })}
      >
        {t('catalog.delete')}
      </button>
    </Form>
  )
}

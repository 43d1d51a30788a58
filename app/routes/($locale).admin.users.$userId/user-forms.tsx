import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, TextareaField } from '~/components/forms.tsx'
import {
  BLOCK_REASON_MIN_LENGTH,
  REASON_MAX_LENGTH,
  USER_ACTION_SCHEMAS,
  type UserActionIntent,
} from '~/services/admin/schemas.ts'
import type { action } from './route.tsx'

// The admin's commands on one person: block, unblock, grant or remove the admin role; each form
// shows its own last answer.

export function SelfNote({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-600">
      {children}
    </p>
  )
}

/** The conform form state of one intent's form: its last result only when that form was the one submitted. */
function useIntentForm(intent: UserActionIntent) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: `user-${intent}`,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: USER_ACTION_SCHEMAS[intent] }),
    // Revalidating on input (not on blur) clears an error while typing: clearing it on blur would
    // move the submit button under a click that has already started.
    shouldRevalidate: 'onInput',
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return { form, fields, busy }
}

export function BlockForm({ name }: { name: string }) {
  const { form, fields, busy } = useIntentForm('block')
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby="block-heading" className="card border-red-200">
      <h2 id="block-heading" className="text-lg font-semibold">
        {t('user.block')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t('user.blockBody', { name })}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="block" />
        <TextareaField
          label={t('user.reasonRequired')}
          textareaProps={{
            ...getTextareaProps(fields.reason),
            rows: 3,
            maxLength: REASON_MAX_LENGTH,
          }}
          errors={fields.reason.errors}
          help={t('user.reasonHelp', { count: BLOCK_REASON_MIN_LENGTH })}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-danger w-full" disabled={busy}>
          {t('user.block')}
        </button>
      </Form>
    </section>
  )
}

export function UnblockForm() {
  const { form, fields, busy } = useIntentForm('unblock')
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby="unblock-heading" className="card">
      <h2 id="unblock-heading" className="text-lg font-semibold">
        {t('user.unblock')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t('user.unblockBody')}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="unblock" />
        <TextareaField
          label={t('user.noteOptional')}
          textareaProps={{
            ...getTextareaProps(fields.reason),
            rows: 2,
            maxLength: REASON_MAX_LENGTH,
          }}
          errors={fields.reason.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t('user.unblock')}
        </button>
      </Form>
    </section>
  )
}

export function RoleForm({
  intent,
  title,
  body,
  button,
  danger = false,
}: {
  intent: 'grant-admin' | 'remove-admin'
  title: string
  body: string
  button: string
  danger?: boolean
}) {
  const { form, fields, busy } = useIntentForm(intent)
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby={`${intent}-heading`} className="card">
      <h2 id={`${intent}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{body}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <TextareaField
          label={t('user.reasonOptional')}
          textareaProps={{
            ...getTextareaProps(fields.reason),
            rows: 2,
            maxLength: REASON_MAX_LENGTH,
          }}
          errors={fields.reason.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button
          type="submit"
          className={`${danger ? 'btn-danger' : 'btn-secondary'} w-full`}
          disabled={busy}
        >
          {button}
        </button>
      </Form>
    </section>
  )
}

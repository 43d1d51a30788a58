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

/** One command on the person: its reason or note, its own errors and its button. */
function ReasonForm({
  intent,
  title,
  body,
  label,
  help,
  rows = 2,
  button,
  buttonClass,
  cardClass = 'card',
}: {
  intent: UserActionIntent
  title: string
  body: string
  label: string
  help?: string
  rows?: number
  button: string
  buttonClass: string
  cardClass?: string
}) {
  const { form, fields, busy } = useIntentForm(intent)
  return (
    <section aria-labelledby={`${intent}-heading`} className={cardClass}>
      <h2 id={`${intent}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{body}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <TextareaField
          label={label}
          textareaProps={{ ...getTextareaProps(fields.reason), rows, maxLength: REASON_MAX_LENGTH }}
          errors={fields.reason.errors}
          help={help}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className={`${buttonClass} w-full`} disabled={busy}>
          {button}
        </button>
      </Form>
    </section>
  )
}

export function BlockForm({ name }: { name: string }) {
  const { t } = useTranslation('admin')
  return (
    <ReasonForm
      intent="block"
      title={t('user.block')}
      body={t('user.blockBody', { name })}
      label={t('user.reasonRequired')}
      help={t('user.reasonHelp', { count: BLOCK_REASON_MIN_LENGTH })}
      rows={3}
      button={t('user.block')}
      buttonClass="btn-danger"
      cardClass="card border-red-200"
    />
  )
}

export function UnblockForm() {
  const { t } = useTranslation('admin')
  return (
    <ReasonForm
      intent="unblock"
      title={t('user.unblock')}
      body={t('user.unblockBody')}
      label={t('user.noteOptional')}
      button={t('user.unblock')}
      buttonClass="btn-primary"
    />
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
  const { t } = useTranslation('admin')
  return (
    <ReasonForm
      intent={intent}
      title={title}
      body={body}
      label={t('user.reasonOptional')}
      button={button}
      buttonClass={danger ? 'btn-danger' : 'btn-secondary'}
    />
  )
}

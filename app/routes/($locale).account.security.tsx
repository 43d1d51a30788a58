import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { getSession, requireUser } from '~/services/accounts/auth.server.ts'
import { changePassword } from '~/services/accounts/profile.server.ts'
import { ChangePasswordSchema, PASSWORD_MIN_LENGTH } from '~/services/accounts/schemas.ts'
import { listSessions, revokeSession } from '~/services/accounts/sessions.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { describeDevice } from '~/utils/user-agent.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const RevokeSchema = z.object({ sessionId: z.string().min(1).max(64) })

async function requireSession(request: Request) {
  const user = await requireUser(request)
  const session = await getSession(request)
  // requireUser succeeded, so the session exists.
  return { user, sessionId: session!.id }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request)
  const sessions = await listSessions(user.id)
  return {
    title: getT(request, 'account')('security.metaTitle'),
    sessions: sessions.map((session) => ({
      ...session,
      device: describeDevice(session.userAgent),
      current: session.id === sessionId,
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const t = getT(request, 'account')
  const here = localeRedirectPath(request, '/account/security')

  if (intent === 'revoke-session') {
    const parsed = RevokeSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success)
      return data({ intent, error: t('security.chooseSession') }, { status: 400 })
    const revoked = await revokeSession(user.id, parsed.data.sessionId)
    if (!revoked) return data({ intent, error: t('security.sessionEnded') }, { status: 404 })
    if (parsed.data.sessionId === sessionId)
      return redirectWithToast(localeRedirectPath(request, '/login'), {
        message: t('security.signedOutHere'),
      })
    return redirectWithToast(here, { message: t('security.sessionSignedOut') })
  }

  const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
  if (submission.status !== 'success')
    return data(
      {
        intent: 'change-password',
        result: submission.reply({
          resetForm: false,
          hideFields: ['currentPassword', 'newPassword', 'confirmPassword'],
        }),
      },
      { status: 400 },
    )
  try {
    await changePassword(user.id, sessionId, submission.value)
  } catch (error) {
    const refusal = localizedRefusal(t, error)
    return data(
      {
        intent: 'change-password',
        result: submission.reply({
          formErrors: refusal.formErrors,
          fieldErrors: refusal.fieldErrors,
          hideFields: ['currentPassword', 'newPassword', 'confirmPassword'],
        }),
      },
      { status: refusal.status, headers: refusal.headers },
    )
  }
  return redirectWithToast(here, { message: t('security.passwordChanged') })
}

export default function SecurityPage() {
  const { t } = useTranslation('account')
  const format = useFormat()
  const { sessions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const [form, fields] = useForm({
    id: 'change-password',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldRevalidate: 'onInput',
  })
  const revokeError = actionData && 'error' in actionData ? actionData.error : null
  return (
    <div className="space-y-10">
      <section aria-labelledby="password-heading">
        <h1 id="password-heading" className="text-2xl font-bold tracking-tight">
          {t('security.title')}
        </h1>
        <p className="mt-1 text-sm text-stone-600">{t('security.intro')}</p>
        {/* A new location (the redirect after a change) remounts the form: no password stays typed in it. */}
        <Form
          key={location.key}
          method="post"
          className="mt-6 max-w-xl space-y-4 card"
          {...getFormProps(form)}
        >
          <input type="hidden" name="intent" value="change-password" />
          <Field
            label={t('fields.currentPassword')}
            inputProps={{
              ...getInputProps(fields.currentPassword, { type: 'password' }),
              autoComplete: 'current-password',
            }}
            errors={fields.currentPassword.errors}
          />
          <Field
            label={t('fields.newPassword')}
            inputProps={{
              ...getInputProps(fields.newPassword, { type: 'password' }),
              autoComplete: 'new-password',
            }}
            errors={fields.newPassword.errors}
            help={t('security.passwordHelp', { min: format.number(PASSWORD_MIN_LENGTH) })}
          />
          <Field
            label={t('fields.repeatNewPassword')}
            inputProps={{
              ...getInputProps(fields.confirmPassword, { type: 'password' }),
              autoComplete: 'new-password',
            }}
            errors={fields.confirmPassword.errors}
          />
          <ErrorList id={form.errorId} errors={form.errors} />
          <SubmitButton>{t('security.submit')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-xl font-bold tracking-tight">
          {t('security.sessionsTitle')}
        </h2>
        {revokeError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {revokeError}
          </p>
        ) : null}
        <ul className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {sessions.map((session) => (
            <li
              key={session.id}
              className="flex flex-wrap items-center justify-between gap-4 px-4 py-3"
              data-testid="session-row"
            >
              <div>
                <p className="font-medium">
                  {session.device}
                  {session.current ? (
                    <span className="ms-2 rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800">
                      {t('security.thisBrowser')}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-stone-500">
                  {t('security.sessionMeta', {
                    ip: session.ip ?? t('security.unknownAddress'),
                    lastSeen: format.dateTime(session.lastSeenAt),
                    signedIn: format.date(session.createdAt),
                  })}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke-session" />
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className="btn-danger">
                  {session.current ? t('security.signOutHere') : t('security.signOut')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

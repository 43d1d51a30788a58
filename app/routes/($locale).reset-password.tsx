import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { TOKEN_PAGE_HEADERS } from '~/http/token-page.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { startSession } from '~/services/accounts/auth.server.ts'
import { InvalidLinkError } from '~/services/accounts/email-tokens.server.ts'
import { findPasswordReset, resetPassword } from '~/services/accounts/recovery.server.ts'
import {
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_LENGTH,
  ResetPasswordSchema,
} from '~/services/accounts/schemas.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'

// /reset-password?token=…: the page a reset email links to. Opening it changes nothing (mail
// scanners open links); the form's POST uses the token up.

const HIDDEN = { type: 'hidden' } as const
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token')
  const reset = await findPasswordReset(token)
  const t = getT(request, 'account')
  return data(
    { title: t('reset.metaTitle'), token: reset ? token : null, email: reset?.email ?? null },
    { headers: TOKEN_PAGE_HEADERS },
  )
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = getT(request, 'account')
  const submission = parseWithZod(await readFormData(request), { schema: ResetPasswordSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['newPassword', 'confirmPassword'] }), {
      status: 400,
    })
  }
  try {
    const reset = await resetPassword(submission.value.token, submission.value.newPassword)
    const { cookie } = await startSession(request, reset.userId, context.clientIp)
    return redirectWithToast(
      localeRedirectPath(request, '/account'),
      { message: t('reset.done') },
      { headers: { 'Set-Cookie': cookie } },
    )
  } catch (error) {
    if (!(error instanceof InvalidLinkError)) throw error
    return data(
      submission.reply({
        formErrors: [t('reset.linkInvalid')],
        hideFields: ['newPassword', 'confirmPassword'],
      }),
      { status: 400 },
    )
  }
}

export default function ResetPasswordPage() {
  const { t } = useTranslation('account')
  const lp = useLocalePath()
  const { token, email } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'reset-password',
    lastResult,
    defaultValue: { token: token ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldRevalidate: 'onInput',
  })
  if (!token) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold tracking-tight">{t('reset.invalidTitle')}</h1>
        <p className="mt-2 text-stone-700">{t('reset.linkInvalid')}</p>
        <Link to={lp('/forgot-password')} className="mt-6 btn-primary inline-block">
          {t('reset.askAgain')}
        </Link>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t('reset.title')}</h1>
      <p className="mt-2 text-sm text-stone-600">
        <Trans
          t={t}
          i18nKey="reset.intro"
          values={{ email }}
          components={{ email: <bdi className="font-medium" /> }}
        />
      </p>
      <Form method="post" className="mt-6 space-y-4 card" {...getFormProps(form)}>
        <input {...getInputProps(fields.token, HIDDEN)} />
        <Field
          label={t('fields.newPassword')}
          inputProps={{
            ...getInputProps(fields.newPassword, { type: 'password' }),
            autoComplete: 'new-password',
            autoFocus: true,
          }}
          errors={fields.newPassword.errors}
          help={t('fields.passwordHelp', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_BYTES })}
        />
        <Field
          label={t('fields.confirmPassword')}
          inputProps={{
            ...getInputProps(fields.confirmPassword, { type: 'password' }),
            autoComplete: 'new-password',
          }}
          errors={fields.confirmPassword.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton className="btn-primary w-full" pending={t('reset.saving')}>
          {t('reset.submit')}
        </SubmitButton>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

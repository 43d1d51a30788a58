import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { RetryLater, retryInfoOf } from '~/components/retry-later.tsx'
import { retryLaterPage, toRefusal } from '~/http/errors.server.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireAnonymous } from '~/services/accounts/auth.server.ts'
import { requestPasswordReset } from '~/services/accounts/recovery.server.ts'
import { ForgotPasswordSchema } from '~/services/accounts/schemas.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

// Keeps Retry-After on the 429 page.
export const headers: HeadersFunction = ({ errorHeaders }) => errorHeaders ?? new Headers()

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const t = getT(request, 'account')
  return { title: t('forgot.metaTitle') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), sentTo: null }, { status: 400 })
  }
  try {
    await requestPasswordReset(submission.value.email, getLocale(request), context.clientIp)
  } catch (error) {
    const refusal = toRefusal(error)
    if (refusal.retryAt) throw retryLaterPage(refusal.retryAt)
    throw error
  }
  // The same answer whether or not the address has an account.
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email }
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation('account')
  const lp = useLocalePath()
  useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t('forgot.title')}</h1>
      {actionData?.sentTo ? (
        <div role="status" className="mt-6 space-y-3 card">
          <p className="font-semibold">{t('forgot.sentTitle')}</p>
          <p className="text-sm text-stone-700">
            <Trans
              t={t}
              i18nKey="forgot.sentBody"
              values={{ email: actionData.sentTo }}
              components={{ email: <bdi className="font-medium" /> }}
            />
          </p>
          <p className="text-sm text-stone-600">{t('forgot.sentHint')}</p>
          <Link to={lp('/login')} className="text-sm link">
            {t('forgot.backToSignIn')}
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-2 text-sm text-stone-600">{t('forgot.intro')}</p>
          <Form method="post" className="mt-6 space-y-4 card" {...getFormProps(form)}>
            <Field
              label={t('fields.email')}
              inputProps={{
                ...getInputProps(fields.email, { type: 'email' }),
                autoComplete: 'email',
                autoFocus: true,
              }}
              errors={fields.email.errors}
            />
            <ErrorList id={form.errorId} errors={form.errors} />
            <SubmitButton className="btn-primary w-full" pending={t('forgot.sending')}>
              {t('forgot.submit')}
            </SubmitButton>
          </Form>
          <p className="mt-4 text-sm">
            <Link to={lp('/login')} className="link">
              {t('forgot.backToSignIn')}
            </Link>
          </p>
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        429: ({ data }) => <RetryLater retry={retryInfoOf(data)} what="passwordReset" />,
      }}
    />
  )
}

import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { RetryLater, retryInfoOf } from '~/components/retry-later.tsx'
import { formRefusal, retryLaterPage, toRefusal } from '~/http/errors.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import {
  LoginError,
  login,
  redirectTarget,
  requireAnonymous,
  startSession,
} from '~/services/accounts/auth.server.ts'
import { LoginSchema } from '~/services/accounts/schemas.ts'
import { adoptGuestCart } from '~/services/orders/cart-merge.server.ts'
import { adoptGuestSaves } from '~/services/wishlist/owner.server.ts'

const HIDDEN = { type: 'hidden' } as const
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

// Keeps Retry-After on the 429 page.
export const headers: HeadersFunction = ({ errorHeaders }) => errorHeaders ?? new Headers()

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return { title: getT(request, 'account')('login.metaTitle') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request.clone()), { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  try {
    const user = await login(request, context.clientIp)
    const headers = new Headers({
      'Set-Cookie': (await startSession(request, user.id, context.clientIp)).cookie,
    })
    // What the visitor put in their cart or saved before signing in joins their account.
    const forgetGuestCart = await adoptGuestCart(request, user.id)
    if (forgetGuestCart) headers.append('Set-Cookie', forgetGuestCart)
    const forgetGuestSaves = await adoptGuestSaves(request, user.id)
    if (forgetGuestSaves) headers.append('Set-Cookie', forgetGuestSaves)
    return redirect(redirectTarget(submission.value.redirectTo), { headers })
  } catch (error) {
    const refusal = toRefusal(error)
    if (refusal.retryAt) throw retryLaterPage(refusal.retryAt)
    if (error instanceof LoginError) {
      const t = getT(request, 'account')
      const message =
        error.code === 'account-blocked' ? t('login.errors.blocked') : t('login.errors.incorrect')
      return data(submission.reply({ formErrors: [message], hideFields: ['password'] }), {
        status: 400,
      })
    }
    return formRefusal(submission, error, { hideFields: ['password'] })
  }
}

export default function LoginPage() {
  const { t } = useTranslation('account')
  const lp = useLocalePath()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    id: 'login',
    lastResult,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: 'onInput',
  })
  const registerHref = searchParams.get('redirectTo')
    ? lp(`/register?${new URLSearchParams({ redirectTo: searchParams.get('redirectTo')! })}`)
    : lp('/register')
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t('login.title')}</h1>
      <p className="mt-2 text-sm text-stone-600">
        {t('login.newHere')}{' '}
        <Link to={registerHref} className="link">
          {t('login.createAccount')}
        </Link>
      </p>
      <Form method="post" className="mt-6 space-y-4 card" {...getFormProps(form)}>
        <input {...getInputProps(fields.redirectTo, HIDDEN)} />
        <Field
          label={t('fields.email')}
          inputProps={{
            ...getInputProps(fields.email, { type: 'email' }),
            autoComplete: 'email',
            autoFocus: true,
          }}
          errors={fields.email.errors}
        />
        <Field
          label={t('fields.password')}
          inputProps={{
            ...getInputProps(fields.password, { type: 'password' }),
            autoComplete: 'current-password',
          }}
          errors={fields.password.errors}
        />
        <p className="-mt-3 text-sm">
          <Link to={lp('/forgot-password')} className="link">
            {t('login.forgot')}
          </Link>
        </p>
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton className="btn-primary w-full" pending={t('login.submitting')}>
          {t('login.submit')}
        </SubmitButton>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        429: ({ data }) => <RetryLater retry={retryInfoOf(data)} what="signIn" />,
      }}
    />
  )
}

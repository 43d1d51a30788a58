/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
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
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field } from '~/components/forms.tsx'
import { RetryLater, retryInfoOf } from '~/components/retry-later.tsx'
import { formRefusal, retryLaterPage, toRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import {
  login,
  redirectTarget,
  requireAnonymous,
  startSession,
} from '~/services/accounts/auth.server.ts'
import { LoginSchema } from '~/services/accounts/schemas.ts'
import { adoptGuestCart } from '~/services/orders/cart.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Shikposh' }]

// Keeps Retry-After on the 429 page.
export const headers: HeadersFunction = ({ errorHeaders }) => errorHeaders ?? new Headers()

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
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
    // What the visitor put in their cart before signing in joins their account's cart.
    const forgetGuestCart = await adoptGuestCart(request, user.id)
    if (forgetGuestCart) headers.append('Set-Cookie', forgetGuestCart)
    return redirect(redirectTarget(submission.value.redirectTo), { headers })
  } catch (error) {
    const refusal = toRefusal(error)
    if (refusal.retryAt) throw retryLaterPage(refusal.retryAt)
    return formRefusal(submission, error, { hideFields: ['password'] })
  }
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'login',
    lastResult,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: 'onInput',
  })
  const registerHref = searchParams.get('redirectTo')
    ? `/register?${new URLSearchParams({ redirectTo: searchParams.get('redirectTo')! })}`
    : '/register'
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-2 text-sm text-stone-600">
        New to Shikposh?{' '}
        <Link to={registerHref} className="link">
          Create an account
        </Link>
      </p>
      <Form method="post" className="mt-6 space-y-4 card" {...getFormProps(form)}>
        <input {...getInputProps(fields.redirectTo, { type: 'hidden' })} />
        <Field
          label="Email"
          inputProps={{
            ...getInputProps(fields.email, { type: 'email' }),
            autoComplete: 'email',
            autoFocus: true,
          }}
          errors={fields.email.errors}
        />
        <Field
          label="Password"
          inputProps={{
            ...getInputProps(fields.password, { type: 'password' }),
            autoComplete: 'current-password',
          }}
          errors={fields.password.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button
          type="submit"
          className="btn-primary w-full"
          disabled={navigation.state === 'submitting'}
        >
          {navigation.state === 'submitting' ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        429: ({ data }) => <RetryLater retry={retryInfoOf(data)} what="sign-in" />,
      }}
    />
  )
}

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
  countRegistrationAttempt,
  redirectTarget,
  register,
  requireAnonymous,
  startSession,
} from '~/services/accounts/auth.server.ts'
import {
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_LENGTH,
  RegisterSchema,
} from '~/services/accounts/schemas.ts'
import { adoptGuestCart } from '~/services/orders/cart.server.ts'

export const meta: MetaFunction = () => [{ title: 'Create an account · Shikposh' }]

/** Named like a field a form-filling bot cannot resist; people never see it. */
const HONEYPOT = 'website'

// Keeps Retry-After on the 429 page.
export const headers: HeadersFunction = ({ errorHeaders }) => errorHeaders ?? new Headers()

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  try {
    await countRegistrationAttempt(context.clientIp, formData.get('email'))
  } catch (error) {
    const refusal = toRefusal(error)
    throw refusal.retryAt ? retryLaterPage(refusal.retryAt) : error
  }
  const submission = parseWithZod(formData, { schema: RegisterSchema })
  if (formData.get(HONEYPOT)) {
    return data(
      submission.reply({
        formErrors: ['This form could not be submitted. Please try again.'],
        hideFields: ['password'],
      }),
      { status: 400 },
    )
  }
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  try {
    const { redirectTo, ...input } = submission.value
    const user = await register(input)
    const headers = new Headers({
      'Set-Cookie': (await startSession(request, user.id, context.clientIp)).cookie,
    })
    // What the visitor put in their cart before signing in joins their account's cart.
    const forgetGuestCart = await adoptGuestCart(request, user.id)
    if (forgetGuestCart) headers.append('Set-Cookie', forgetGuestCart)
    return redirect(redirectTarget(redirectTo), { headers })
  } catch (error) {
    return formRefusal(submission, error, { hideFields: ['password'] })
  }
}

export default function RegisterPage() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'register',
    lastResult,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">Create your account</h1>
      <p className="mt-2 text-sm text-stone-600">
        Already have one?{' '}
        <Link to={`/login${searchParams.size ? `?${searchParams}` : ''}`} className="link">
          Sign in
        </Link>
      </p>
      <Form method="post" className="mt-6 space-y-4 card" {...getFormProps(form)}>
        <input {...getInputProps(fields.redirectTo, { type: 'hidden' })} />
        <div aria-hidden className="absolute -start-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="register-website">Website</label>
          <input
            id="register-website"
            type="text"
            name={HONEYPOT}
            tabIndex={-1}
            autoComplete="off"
          />
        </div>
        <Field
          label="Name"
          inputProps={{
            ...getInputProps(fields.name, { type: 'text' }),
            autoComplete: 'name',
            autoFocus: true,
          }}
          errors={fields.name.errors}
        />
        <Field
          label="Email"
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }}
          errors={fields.email.errors}
        />
        <Field
          label="Password"
          inputProps={{
            ...getInputProps(fields.password, { type: 'password' }),
            autoComplete: 'new-password',
          }}
          errors={fields.password.errors}
          help={`At least ${PASSWORD_MIN_LENGTH} characters, at most ${PASSWORD_MAX_BYTES} bytes.`}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button
          type="submit"
          className="btn-primary w-full"
          disabled={navigation.state === 'submitting'}
        >
          {navigation.state === 'submitting' ? 'Creating your account…' : 'Create account'}
        </button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        429: ({ data }) => <RetryLater retry={retryInfoOf(data)} what="registration" />,
      }}
    />
  )
}

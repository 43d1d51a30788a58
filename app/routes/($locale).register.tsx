import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { EmailText } from '~/components/email-text.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { RetryLater, retryInfoOf } from '~/components/retry-later.tsx'
import { retryLaterPage, toRefusal } from '~/http/errors.server.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireAnonymous } from '~/services/accounts/auth.server.ts'
import { countRegistrationAttempt, register } from '~/services/accounts/registration.server.ts'
import {
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_LENGTH,
  RegisterSchema,
} from '~/services/accounts/schemas.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const HIDDEN = { type: 'hidden' } as const

/** Named like a field a form-filling bot cannot resist; people never see it. */
const HONEYPOT = 'website'

// Keeps Retry-After on the 429 page.
export const headers: HeadersFunction = ({ errorHeaders }) => errorHeaders ?? new Headers()

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return { title: getT(request, 'account')('register.metaTitle') }
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
  // A filled trap field refuses the form, but says so plainly and shows the field, so a person
  // whose browser filled it in can empty it and send again (a bot gains nothing either way).
  if (formData.get(HONEYPOT)) {
    const t = getT(request, 'account')
    const formErrors = [t('register.errors.notSubmitted')]
    return data(
      {
        result: submission.reply({ formErrors, hideFields: ['password'] }),
        sentTo: null,
        trapFilled: true,
      },
      { status: 400 },
    )
  }
  if (submission.status !== 'success') {
    return data(
      { result: submission.reply({ hideFields: ['password'] }), sentTo: null, trapFilled: false },
      { status: 400 },
    )
  }
  const { redirectTo: _redirectTo, ...input } = submission.value
  await register(input, getLocale(request))
  // The same answer whether the address is new or already has an account.
  return { result: submission.reply({ resetForm: true }), sentTo: input.email, trapFilled: false }
}

export default function RegisterPage() {
  const { t } = useTranslation('account')
  const format = useFormat()
  const lp = useLocalePath()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    id: 'register',
    lastResult: actionData?.result,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
    shouldRevalidate: 'onInput',
  })
  if (actionData?.sentTo) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold tracking-tight">{t('register.sentTitle')}</h1>
        <div role="status" className="mt-6 space-y-3 card">
          <p className="text-stone-700">
            <Trans
              t={t}
              i18nKey="register.sentBody"
              values={{ email: actionData.sentTo }}
              components={{ email: <EmailText text={actionData.sentTo} /> }}
            />
          </p>
          <p className="text-sm text-stone-600">{t('register.sentHint')}</p>
          <Link to={lp('/login')} className="text-sm link">
            {t('register.signIn')}
          </Link>
        </div>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t('register.title')}</h1>
      <p className="mt-2 text-sm text-stone-600">
        {t('register.haveOne')}{' '}
        <Link to={lp(`/login${searchParams.size ? `?${searchParams}` : ''}`)} className="link">
          {t('register.signIn')}
        </Link>
      </p>
      <Form method="post" className="mt-6 space-y-4 card" {...getFormProps(form)}>
        <input {...getInputProps(fields.redirectTo, HIDDEN)} />
        {/* The trap field: `hidden` keeps it from people, screen readers and autofill alike. */}
        <div hidden={!actionData?.trapFilled} data-testid="register-trap">
          <Field
            label={t('register.honeypot')}
            errors={actionData?.trapFilled ? [t('register.errors.honeypot')] : undefined}
            inputProps={{
              id: 'register-website',
              type: 'text',
              name: HONEYPOT,
              defaultValue: '',
              autoComplete: 'off',
              tabIndex: actionData?.trapFilled ? undefined : -1,
            }}
          />
        </div>
        <Field
          label={t('fields.name')}
          inputProps={{
            ...getInputProps(fields.name, { type: 'text' }),
            autoComplete: 'name',
            autoFocus: true,
          }}
          errors={fields.name.errors}
        />
        <Field
          label={t('fields.email')}
          inputProps={{
            ...getInputProps(fields.email, { type: 'email' }),
            autoComplete: 'email',
          }}
          errors={fields.email.errors}
        />
        <Field
          label={t('fields.password')}
          inputProps={{
            ...getInputProps(fields.password, { type: 'password' }),
            autoComplete: 'new-password',
          }}
          errors={fields.password.errors}
          help={t('fields.passwordHelp', {
            min: format.number(PASSWORD_MIN_LENGTH),
            max: format.number(PASSWORD_MAX_BYTES),
          })}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton className="btn-primary w-full" pending={t('register.submitting')}>
          {t('register.submit')}
        </SubmitButton>
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

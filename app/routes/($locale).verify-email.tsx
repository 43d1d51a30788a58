import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { EmailText } from '~/components/email-text.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, SubmitButton } from '~/components/forms.tsx'
import { toRefusal } from '~/http/errors.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { TOKEN_PAGE_HEADERS } from '~/http/token-page.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectTarget, requireUser, startSession } from '~/services/accounts/auth.server.ts'
import { InvalidLinkError } from '~/services/accounts/email-tokens.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  confirmEmail,
  findVerification,
  resendVerification,
} from '~/services/accounts/verification.server.ts'
import { adoptGuestCart } from '~/services/orders/cart-merge.server.ts'
import { adoptGuestSaves } from '~/services/wishlist/owner.server.ts'

// /verify-email?token=…: the page a verification email links to. Opening it changes nothing
// (mail scanners open links); its one button confirms the address and signs this browser in.
// Signed-in people post `intent=resend` here for a new link.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: 'robots', content: 'noindex' },
]

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

const ResendSchema = z.object({ redirectTo: z.string().max(2000).optional() })

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token')
  const verification = await findVerification(token)
  const t = getT(request, 'account')
  return data(
    {
      title: t('verify.metaTitle'),
      token: verification ? token : null,
      email: verification?.email ?? null,
    },
    { headers: TOKEN_PAGE_HEADERS },
  )
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const t = getT(request, 'account')
  if (formData.get('intent') === 'resend') {
    const user = await requireUser(request)
    const back = redirectTarget(
      ResendSchema.safeParse(Object.fromEntries(formData)).data?.redirectTo,
      localeRedirectPath(request, '/account'),
    )
    try {
      const sentTo = await resendVerification(user.id, getLocale(request))
      return redirectWithToast(back, {
        kind: sentTo ? 'success' : 'info',
        message: sentTo ? t('verify.resent', { email: sentTo }) : t('verify.nothingToVerify'),
      })
    } catch (error) {
      const refusal = toRefusal(error)
      const minutes = Math.max(
        1,
        Math.ceil(((refusal.retryAt?.getTime() ?? 0) - Date.now()) / 60_000),
      )
      return redirectWithToast(back, {
        kind: 'error',
        message: t('verify.resendLimited', { count: minutes }),
      })
    }
  }
  try {
    const { userId } = await confirmEmail(formData.get('token'))
    const headers = new Headers({
      'Set-Cookie': (await startSession(request, userId, context.clientIp)).cookie,
    })
    // What the visitor put in their cart or saved before signing in joins their account.
    const forgetGuestCart = await adoptGuestCart(request, userId)
    if (forgetGuestCart) headers.append('Set-Cookie', forgetGuestCart)
    const forgetGuestSaves = await adoptGuestSaves(request, userId)
    if (forgetGuestSaves) headers.append('Set-Cookie', forgetGuestSaves)
    return redirectWithToast(
      localeRedirectPath(request, '/account'),
      { message: t('verify.done') },
      { headers },
    )
  } catch (error) {
    if (!(error instanceof InvalidLinkError)) throw error
    return data({ formError: t('verify.linkInvalid') }, { status: 400 })
  }
}

export default function VerifyEmailPage() {
  const { t } = useTranslation('account')
  const lp = useLocalePath()
  const { token, email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (!token || !email) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold tracking-tight">{t('verify.invalidTitle')}</h1>
        <p className="mt-2 text-stone-700">{t('verify.linkInvalid')}</p>
        <p className="mt-2 text-sm text-stone-600">{t('verify.invalidHint')}</p>
        <Link to={lp('/account')} className="mt-6 btn-primary inline-block">
          {t('verify.toAccount')}
        </Link>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t('verify.title')}</h1>
      <Form method="post" className="mt-6 space-y-4 card">
        <p className="text-stone-700">
          <Trans
            t={t}
            i18nKey="verify.intro"
            values={{ email }}
            components={{ email: <EmailText text={email} /> }}
          />
        </p>
        <input type="hidden" name="token" value={token} />
        <ErrorList errors={actionData ? [actionData.formError] : undefined} />
        <SubmitButton className="btn-primary w-full" pending={t('verify.confirming')}>
          {t('verify.submit')}
        </SubmitButton>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

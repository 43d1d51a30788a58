import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useValidationMessage } from '~/components/forms.tsx'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { getEnv } from '~/infra/env.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectTarget } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { requireCartOwner } from '~/services/orders/cart-owner.server.ts'
import { writeGuestSaves } from '~/services/wishlist/guest-saves.server.ts'
import { getWishlistOwner } from '~/services/wishlist/owner.server.ts'
import {
  PriceAlertSchema,
  WishlistLineSchema,
  WishlistToggleSchema,
} from '~/services/wishlist/schemas.ts'
import {
  listWishlist,
  moveToCart,
  removeSave,
  setPriceAlert,
  toggleSave,
  type ToggleResult,
} from '~/services/wishlist/wishlist.server.ts'
import { WishlistRow } from './wishlist-row.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await getWishlistOwner(request)
  const lines = await listWishlist(owner, getLocale(request))
  return {
    lines,
    signedIn: 'userId' in owner,
    currency: getEnv().STORE_CURRENCY,
    title: getT(request, 'shop')('wishlist.page.meta'),
  }
}

type ActionData = { intent: string; target: string | null; error: string }

function refused(intent: string, target: string | null, error: string, status = 400) {
  return data<ActionData>({ intent, target, error }, { status })
}

/** The heart (from any page) and the wishlist page's commands. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const intent = String(formData.get('intent') ?? '')
  const fields = Object.fromEntries(formData)
  const t = getT(request, 'shop')
  const owner = await getWishlistOwner(request)
  const headers = new Headers()
  const keep = (result: ToggleResult) =>
    result.guest
      ? writeGuestSaves(result.guest).then((cookie) => headers.append('Set-Cookie', cookie))
      : null
  const rawTarget = typeof fields.itemId === 'string' ? fields.itemId : null

  try {
    if (intent === 'toggle') {
      const parsed = WishlistToggleSchema.safeParse(fields)
      if (!parsed.success) return refused(intent, null, issueOf(parsed.error))
      const result = await toggleSave(owner, parsed.data)
      await keep(result)
      // With JavaScript the heart already shows the answer: stay on the page, loaders re-run.
      if (fields.inPlace) return data({ intent, target: null, error: null }, { headers })
      return redirectWithToast(
        redirectTarget(parsed.data.redirectTo, '/wishlist'),
        { message: result.saved ? t('wishlist.toastSaved') : t('wishlist.toastRemoved') },
        { headers },
      )
    }
    if (intent === 'remove' || intent === 'move') {
      const parsed = WishlistLineSchema.safeParse(fields)
      if (!parsed.success) return refused(intent, rawTarget, issueOf(parsed.error))
      if (intent === 'remove') {
        await keep(await removeSave(owner, parsed.data.itemId))
        return redirectWithToast(
          new URL(request.url).pathname,
          { message: t('wishlist.toastRemoved') },
          { headers },
        )
      }
      const cart = await requireCartOwner(request)
      await keep(await moveToCart(owner, cart.owner, parsed.data.itemId))
      if (cart.setCookie) headers.append('Set-Cookie', cart.setCookie)
      return redirectWithToast(
        new URL(request.url).pathname,
        { message: t('wishlist.toastMoved') },
        { headers },
      )
    }
    if (intent === 'price-alert') {
      if (!('userId' in owner))
        return refused(intent, rawTarget, t('wishlist.signInForAlerts'), 403)
      const parsed = PriceAlertSchema.safeParse(fields)
      if (!parsed.success) return refused(intent, rawTarget, issueOf(parsed.error))
      await setPriceAlert(owner.userId, parsed.data.itemId, parsed.data.on)
      return redirectWithToast(new URL(request.url).pathname, {
        message: parsed.data.on ? t('wishlist.toastAlertOn') : t('wishlist.toastAlertOff'),
      })
    }
  } catch (error) {
    const refusal = localizedRefusal(t, error)
    return refused(intent, rawTarget, refusal.message, refusal.status)
  }
  return refused(intent, null, t('wishlist.errors.unknown-action'))
}

function issueOf(error: z.ZodError) {
  return error.issues[0]?.message ?? 'validation:wishlist.missing'
}

export default function WishlistPage() {
  const { lines, signedIn, currency } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('shop')
  const lp = useLocalePath()
  const translate = useValidationMessage()
  const generalError =
    actionData && 'error' in actionData && actionData.error && !actionData.target
      ? translate(actionData.error)
      : null
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">{t('wishlist.page.title')}</h1>
      {!signedIn ? (
        <p className="mt-2 text-sm text-stone-600">
          {t('wishlist.page.guest')}{' '}
          <Link
            to={lp(`/login?${new URLSearchParams({ redirectTo: lp('/wishlist') })}`)}
            className="link"
          >
            {t('wishlist.page.signIn')}
          </Link>
        </p>
      ) : null}
      {generalError ? (
        <p role="alert" className="mt-4 text-sm text-red-700">
          {generalError}
        </p>
      ) : null}
      {lines.length ? (
        <ul className="mt-8 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {lines.map((line) => (
            <WishlistRow
              key={line.target}
              line={line}
              signedIn={signedIn}
              currency={currency}
              error={
                actionData && 'target' in actionData && actionData.target === line.target
                  ? translate(actionData.error ?? '')
                  : null
              }
            />
          ))}
        </ul>
      ) : (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 bg-white px-6 py-16 text-center text-stone-600">
          <p>{t('wishlist.page.empty')}</p>
          <Link to={lp('/')} className="mt-6 btn-primary">
            {t('wishlist.page.browse')}
          </Link>
        </div>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useValidationMessage } from '~/components/forms.tsx'
import { Notice, PriceBreakdown, useMoney } from '~/components/orders/commerce.tsx'
import { DirectionArrow } from '~/components/direction-arrow.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { cartRefusal } from '~/http/cart.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { getUser, redirectTarget } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { CartLineNotFoundError } from '~/services/orders/cart-errors.server.ts'
import {
  acknowledgePriceChanges,
  addToCart,
  getCart,
  removeCartLine,
  updateCartLine,
} from '~/services/orders/cart.server.ts'
import { getCartOwner, requireCartOwner } from '~/services/orders/cart-owner.server.ts'
import {
  AddToCartSchema,
  RemoveCartLineSchema,
  UpdateCartLineSchema,
} from '~/services/orders/schemas.ts'
import { SHIPPING_METHODS, amountToFreeShipping } from '~/services/orders/shipping.ts'
import { listLinePhotos } from '~/services/media/product-images.server.ts'
import { PromoCodeBox } from '~/components/orders/promo-code.tsx'
import { promoRefusalText } from '~/http/promo.server.ts'
import {
  applyPromoCode,
  getCartPromo,
  removePromoCode,
} from '~/services/orders/cart-codes.server.ts'
import { promoTotals } from '~/services/promos/totals.ts'
import { PromoCodeSchema } from '~/services/promos/schemas.ts'
import { linePhotoKey } from '~/services/media/views.ts'
import { CartLineRow, PriceChangeNotice } from './cart-lines.tsx'
import { issueText, lineCommand, lineError, promoError } from './cart-answers.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const [owner, user] = await Promise.all([getCartOwner(request), getUser(request)])
  const cart = await getCart(owner, new Date(), getLocale(request))
  const currency = getEnv().STORE_CURRENCY
  const [photos, promo] = await Promise.all([listLinePhotos(cart.lines), getCartPromo(owner, cart)])
  return {
    cart,
    promo,
    photos,
    currency,
    signedIn: Boolean(user),
    toFreeShipping: amountToFreeShipping(SHIPPING_METHODS[0]!, cart.itemsTotal, currency),
    title: getT(request, 'cart')('meta'),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const intent = formData.get('intent')

  if (intent === 'add') {
    const submission = parseWithZod(formData, { schema: AddToCartSchema })
    if (submission.status !== 'success')
      return data({ intent, result: submission.reply() }, { status: 400 })
    const { owner, setCookie } = await requireCartOwner(request)
    try {
      await addToCart(owner, submission.value)
    } catch (error) {
      const refusal = cartRefusal(request, error)
      const { formErrors, fieldErrors } = refusal
      return data(
        { intent, result: submission.reply({ formErrors, fieldErrors }) },
        { status: refusal.status },
      )
    }
    const target = redirectTarget(submission.value.redirectTo, '/cart')
    const headers = new Headers()
    if (setCookie) headers.append('Set-Cookie', setCookie)
    // Back to the product page: with JavaScript (a fetcher) the page is replaced in the history,
    // not stacked, and its loaders re-run for the header's count and the toast.
    if (target !== '/cart') headers.set('X-Remix-Replace', 'true')
    return redirectWithToast(target, { message: getT(request, 'cart')('added') }, { headers })
  }

  const owner = await getCartOwner(request)
  const fields = Object.fromEntries(formData)
  if (intent === 'update') {
    const parsed = UpdateCartLineSchema.safeParse(fields)
    if (!parsed.success) return lineError(intent, fields.variantId, issueText(parsed.error.issues))
    return lineCommand(request, intent, parsed.data.variantId, () =>
      owner ? updateCartLine(owner, parsed.data) : Promise.reject(new CartLineNotFoundError()),
    )
  }
  if (intent === 'remove') {
    const parsed = RemoveCartLineSchema.safeParse(fields)
    if (!parsed.success) return lineError(intent, fields.variantId, issueText(parsed.error.issues))
    return lineCommand(request, intent, parsed.data.variantId, () =>
      owner ? removeCartLine(owner, parsed.data.variantId) : Promise.resolve(),
    )
  }

  if (intent === 'apply-code') {
    const parsed = PromoCodeSchema.safeParse(fields.promoCode)
    if (!parsed.success) return promoError(intent, parsed.error.issues[0]?.message ?? '')
    try {
      await applyPromoCode(owner, parsed.data, new Date(), getLocale(request))
    } catch (error) {
      return promoError(intent, promoRefusalText(request, error))
    }
    return { intent, variantId: null, error: null }
  }
  if (intent === 'remove-code') {
    await removePromoCode(owner)
    return { intent, variantId: null, error: null }
  }

  if (intent === 'accept-prices') {
    if (owner) await acknowledgePriceChanges(owner)
    return { intent, variantId: null, error: null }
  }

  return data(
    { intent: null, variantId: null, error: getT(request, 'cart')('errors.unknown-action') },
    { status: 400 },
  )
}

export default function CartPage() {
  const { cart, promo, photos, currency, signedIn, toFreeShipping } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('cart')
  const lp = useLocalePath()
  const money = useMoney(currency)
  const translate = useValidationMessage()
  // "Add to cart" forms post here; without JavaScript a refusal lands on this page.
  const addErrors =
    actionData && 'result' in actionData ? Object.values(actionData.result.error ?? {}).flat() : []
  const addNotice = addErrors.length ? (
    <Notice tone="error" title={t('addRefusedTitle')}>
      {addErrors
        .filter((error): error is string => Boolean(error))
        .map(translate)
        .join(' ')}
    </Notice>
  ) : null

  if (!cart.lines.length) {
    return (
      <div className="mx-auto max-w-xl py-12 text-center">
        {addNotice}
        <h1 className="text-3xl font-bold tracking-tight">{t('empty.title')}</h1>
        <p className="mt-4 text-stone-600">{t('empty.body')}</p>
        <Link to={lp('/')} className="mt-8 btn-primary">
          {t('continueShopping')}
        </Link>
      </div>
    )
  }

  const signIn = lp(`/login?${new URLSearchParams({ redirectTo: lp('/checkout') })}`)
  const totals = promoTotals(cart.itemsTotal, promo, 0)
  const promoError =
    actionData && 'promoError' in actionData ? translate(actionData.promoError) : null
  return (
    <div>
      {addNotice}
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-stone-600">{t('itemCount', { count: cart.itemCount })}</p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="cart-lines-heading" className="space-y-4">
          <h2 id="cart-lines-heading" className="sr-only">
            {t('itemsHeading')}
          </h2>
          {cart.hasPriceChanges ? <PriceChangeNotice /> : null}
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {cart.lines.map((line) => (
              <CartLineRow
                key={line.variantId}
                line={line}
                photo={photos[linePhotoKey(line.productId, line.colorId)]}
                currency={currency}
                promo={promo}
              />
            ))}
          </ul>
          <Link to={lp('/')} className="inline-flex items-center gap-1 text-sm link">
            <DirectionArrow to="back" /> {t('continueShopping')}
          </Link>
        </section>

        <aside
          aria-labelledby="cart-summary-heading"
          className="h-fit space-y-4 card lg:sticky lg:top-4"
        >
          <h2 id="cart-summary-heading" className="text-lg font-semibold">
            {t('summary.title')}
          </h2>
          <PromoCodeBox promo={promo} error={promoError} currency={currency} />
          <PriceBreakdown
            currency={currency}
            itemsRegular={cart.itemsRegular}
            itemsTotal={cart.itemsTotal}
            promo={promo?.applied ? { code: promo.code, ...totals } : null}
            total={totals.total}
            totalLabel={t('summary.subtotal')}
          />
          <p className="text-xs text-stone-500">
            {toFreeShipping === null
              ? t('summary.freeDelivery')
              : t('summary.toFreeDelivery', { amount: money(toFreeShipping) })}
          </p>
          {!cart.canCheckout ? (
            <>
              <button
                type="button"
                className="btn-primary w-full"
                disabled
                aria-describedby="cart-blocked"
              >
                {t('checkout.go')}
              </button>
              <p id="cart-blocked" className="text-sm text-red-700">
                {t('checkout.blocked')}
              </p>
            </>
          ) : signedIn ? (
            <Link to={lp('/checkout')} className="btn-primary w-full">
              {t('checkout.go')}
            </Link>
          ) : (
            <div className="space-y-3">
              <Link to={lp('/checkout')} className="btn-primary w-full">
                {t('checkout.asGuest')}
              </Link>
              <p className="text-xs text-stone-500">{t('checkout.guestHelp')}</p>
              <Link to={signIn} className="btn-secondary w-full">
                {t('checkout.signIn')}
              </Link>
            </div>
          )}
        </aside>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

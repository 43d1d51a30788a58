// Over 400 lines: to become a folder route with its sections as pieces beside it (not yet done).
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useValidationMessage } from '~/components/forms.tsx'
import {
  LineThumbnail,
  Money,
  Notice,
  PriceBreakdown,
  UnitPrice,
  useMoney,
} from '~/components/orders/commerce.tsx'
import { DirectionArrow } from '~/components/direction-arrow.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { message } from '~/i18n/validation.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
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
  type CartLine,
} from '~/services/orders/cart.server.ts'
import { getCartOwner, requireCartOwner } from '~/services/orders/cart-owner.server.ts'
import {
  AddToCartSchema,
  RemoveCartLineSchema,
  UpdateCartLineSchema,
} from '~/services/orders/schemas.ts'
import { MAX_LINE_QUANTITY } from '~/services/orders/limits.ts'
import { SHIPPING_METHODS, amountToFreeShipping } from '~/services/orders/shipping.ts'
import { listLinePhotos } from '~/services/media/product-images.server.ts'
import { LinePromoNote, PromoCodeBox } from '~/components/orders/promo-code.tsx'
import { promoRefusalText } from '~/http/promo.server.ts'
import {
  applyPromoCode,
  getCartPromo,
  removePromoCode,
} from '~/services/orders/cart-codes.server.ts'
import { promoTotals, type CartPromo } from '~/services/promos/totals.ts'
import { PromoCodeSchema } from '~/services/promos/schemas.ts'
import { linePhotoKey, type ProductImageView } from '~/services/media/views.ts'

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

function promoError(intent: string, message: string) {
  return data({ intent, variantId: null, error: null, promoError: message }, { status: 400 })
}

/** The first schema message of a line's form (a `validation:` key the page translates). */
function issueText(issues: Array<{ message: string }>) {
  return issues[0]?.message ?? message('cart.quantity')
}

function lineError(intent: string, variantId: unknown, message: string, status = 400) {
  return data(
    { intent, variantId: typeof variantId === 'string' ? variantId : null, error: message },
    { status },
  )
}

/** Runs a change to one line; a refusal comes back as that line's error (the cart page shows it beside the line). */
async function lineCommand(
  request: Request,
  intent: string,
  variantId: string,
  run: () => Promise<void>,
) {
  try {
    await run()
  } catch (error) {
    const refusal = cartRefusal(request, error)
    return lineError(intent, variantId, refusal.message, refusal.status)
  }
  return { intent, variantId, error: null }
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

function PriceChangeNotice() {
  const { t } = useTranslation('cart')
  return (
    <Notice tone="info" title={t('priceChanges.title')}>
      <p>{t('priceChanges.body')}</p>
      <Form method="post" className="mt-2">
        <input type="hidden" name="intent" value="accept-prices" />
        <button type="submit" className="btn-secondary">
          {t('priceChanges.accept')}
        </button>
      </Form>
    </Notice>
  )
}

function CartLineRow({
  line,
  photo,
  currency,
  promo,
}: {
  line: CartLine
  photo: ProductImageView | undefined
  currency: string
  promo: CartPromo | null
}) {
  const { t } = useTranslation('cart')
  const f = useFormat()
  const lp = useLocalePath()
  const translate = useValidationMessage()
  const fetcher = useFetcher<typeof action>()
  const busy = fetcher.state !== 'idle'
  const error =
    fetcher.data && 'error' in fetcher.data && fetcher.data.variantId === line.variantId
      ? fetcher.data.error
      : null
  const unavailable = line.problem?.kind === 'unavailable'
  const maxQuantity = Math.min(MAX_LINE_QUANTITY, Math.max(line.stock, line.quantity))
  const item = t('line.describe', {
    title: line.title,
    color: line.colorName,
    size: line.sizeLabel,
  })
  return (
    <li className={`flex gap-4 p-4 ${busy ? 'opacity-60' : ''}`} data-testid="cart-line">
      <LineThumbnail photo={photo} hex={line.colorHex} size={line.sizeLabel} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            {unavailable ? (
              <p className="font-medium">{line.title}</p>
            ) : (
              <Link to={lp(`/p/${line.slug}`)} className="font-medium hover:underline">
                {line.title}
              </Link>
            )}
            <p className="text-sm text-stone-600">
              {t('line.details', { color: line.colorName, size: line.sizeLabel })} ·{' '}
              <bdi className="text-stone-500">{line.shopName}</bdi>
            </p>
          </div>
          <div className="text-end">
            {line.unitPrice !== null && line.regularPrice !== null && !unavailable ? (
              <UnitPrice
                regular={line.regularPrice}
                effective={line.unitPrice}
                currency={currency}
                percentOff={line.percentOff}
              />
            ) : null}
          </div>
        </div>

        <LineNotices line={line} currency={currency} />

        <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
          {unavailable ? (
            <span />
          ) : (
            <fetcher.Form
              method="post"
              className="flex items-center rounded-md border border-stone-300 bg-white"
              aria-label={t('line.quantityOf', { item })}
            >
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="variantId" value={line.variantId} />
              <button
                type="submit"
                name="quantity"
                value={line.quantity - 1}
                disabled={line.quantity <= 1 || busy}
                className="px-3 py-1.5 text-lg leading-none disabled:opacity-40"
                aria-label={t('line.fewer', { item })}
              >
                {'\u2212'}
              </button>
              <output
                className="min-w-8 text-center text-sm font-medium"
                aria-live="polite"
                aria-label={t('line.quantity', { quantity: f.number(line.quantity) })}
              >
                {f.number(line.quantity)}
              </output>
              <button
                type="submit"
                name="quantity"
                value={line.quantity + 1}
                disabled={line.quantity >= maxQuantity || busy}
                className="px-3 py-1.5 text-lg leading-none disabled:opacity-40"
                aria-label={t('line.more', { item })}
              >
                {'+'}
              </button>
            </fetcher.Form>
          )}
          <div className="flex items-center gap-4">
            {!unavailable ? (
              <span className="text-end">
                <Money amount={line.lineTotal} currency={currency} className="font-semibold" />
                <LinePromoNote promo={promo} variantId={line.variantId} />
              </span>
            ) : null}
            <fetcher.Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="variantId" value={line.variantId} />
              <button
                type="submit"
                className="text-sm font-medium text-stone-600 underline-offset-2 hover:text-red-700 hover:underline"
                aria-label={t('line.removeItem', { item })}
                disabled={busy}
              >
                {t('line.remove')}
              </button>
            </fetcher.Form>
          </div>
        </div>
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {translate(error)}
          </p>
        ) : null}
      </div>
    </li>
  )
}

function LineNotices({ line, currency }: { line: CartLine; currency: string }) {
  const { t } = useTranslation('cart')
  const f = useFormat()
  const money = useMoney(currency)
  const fetcher = useFetcher<typeof action>()
  const notices = []
  if (line.problem?.kind === 'unavailable') {
    notices.push(
      <p key="gone" className="text-red-700">
        {t('notices.unavailable')}
      </p>,
    )
  } else if (line.problem?.kind === 'sold-out') {
    notices.push(
      <p key="sold" className="text-red-700">
        {t('notices.soldOut')}
      </p>,
    )
  } else if (line.problem?.kind === 'not-enough') {
    const available = line.problem.available
    notices.push(
      <div key="short" className="flex flex-wrap items-center gap-2 text-red-700">
        <span>{t('notices.notEnough', { count: available })}</span>
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="variantId" value={line.variantId} />
          <input type="hidden" name="quantity" value={available} />
          <button type="submit" className="font-medium underline underline-offset-2">
            {t('notices.changeTo', { quantity: f.number(available) })}
          </button>
        </fetcher.Form>
      </div>,
    )
  }
  if (line.priceChange) {
    const { direction, from, to } = line.priceChange
    const values = { now: money(to), was: money(from) }
    notices.push(
      <p key="price" className={direction === 'cheaper' ? 'text-green-700' : 'text-amber-800'}>
        {direction === 'cheaper' ? t('notices.cheaper', values) : t('notices.dearer', values)}
      </p>,
    )
  }
  return notices.length ? <div className="mt-2 space-y-1 text-sm">{notices}</div> : null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

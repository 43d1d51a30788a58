// Over 400 lines: to become a folder route with its sections as pieces beside it (not yet done).
import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import type { z } from 'zod'
import { Trans, useTranslation } from 'react-i18next'
import { BackArrowIcon } from '~/components/direction-arrow.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field } from '~/components/forms.tsx'
import { AddressBlock, AddressFields } from '~/components/orders/address-fields.tsx'
import {
  LineThumbnail,
  Money,
  Notice,
  PriceBreakdown,
  useOrderLabels,
} from '~/components/orders/commerce.tsx'
import { checkoutRefusal } from '~/http/checkout.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { listLinePhotos } from '~/services/media/product-images.server.ts'
import { linePhotoKey } from '~/services/media/views.ts'
import { CartEmptyError } from '~/services/orders/checkout-errors.server.ts'
import { getCartOwner } from '~/services/orders/cart-owner.server.ts'
import { getCheckout } from '~/services/orders/checkout-page.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { placeGuestOrder } from '~/services/orders/guest-checkout.server.ts'
import { guestOrderPath } from '~/services/orders/order-access.server.ts'
import {
  CheckoutSchema,
  GuestCheckoutSchema,
  UpdateTotalSchema,
} from '~/services/orders/schemas.ts'
import { LinePromoNote, PromoCodeBox } from '~/components/orders/promo-code.tsx'
import { useValidationMessage } from '~/components/forms.tsx'
import { promoRefusalText } from '~/http/promo.server.ts'
import { applyPromoCode, removePromoCode } from '~/services/orders/cart-codes.server.ts'
import { PromoCodeSchema } from '~/services/promos/schemas.ts'
import { promoTotals } from '~/services/promos/totals.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: 'robots', content: 'noindex' },
]

// An account checks out its cart with its saved addresses; a guest (no account) checks out the
// cart of their cart cookie with only an email, and is sent to the order's signed page.

export async function loader({ request }: LoaderFunctionArgs) {
  const owner = await getCartOwner(request)
  const checkout = await getCheckout(owner, new Date(), getLocale(request))
  if (!checkout.cart.lines.length) throw redirect(localeRedirectPath(request, '/cart'))
  const photos = await listLinePhotos(checkout.cart.lines)
  return { ...checkout, photos, title: getT(request, 'orders')('checkout.meta') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const owner = await getCartOwner(request)
  const formData = await readFormData(request)
  // "Update total" (the way without JavaScript to see what a delivery choice costs): the page
  // again with the choices kept and the summary for them; nothing is checked or placed.
  if (formData.get('intent') === 'update')
    return data(parseWithZod(formData, { schema: UpdateTotalSchema }).reply())
  const locale = getLocale(request)
  // The code field: the page again with the choices kept and the summary with (or without) it.
  const intent = formData.get('intent')
  if (intent === 'apply-code' || intent === 'remove-code') {
    const submission = parseWithZod(formData, { schema: UpdateTotalSchema })
    if (intent === 'remove-code') {
      await removePromoCode(owner)
      return data(submission.reply())
    }
    const refuse = (text: string) =>
      data(submission.reply({ fieldErrors: { promoCode: [text] } }), { status: 400 })
    const parsed = PromoCodeSchema.safeParse(formData.get('promoCode') ?? '')
    if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? '')
    try {
      await applyPromoCode(owner, parsed.data, new Date(), locale)
    } catch (error) {
      return refuse(promoRefusalText(request, error))
    }
    return data(submission.reply())
  }
  if (owner && 'userId' in owner) {
    const submission = parseWithZod(formData, { schema: CheckoutSchema })
    if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
    try {
      const order = await placeOrder(owner.userId, submission.value, new Date(), locale)
      return redirect(
        order.paymentRedirect ?? localeRedirectPath(request, `/orders/${order.number}?placed=1`),
      )
    } catch (error) {
      return checkoutRefusal(request, submission, error)
    }
  }
  const submission = parseWithZod(formData, { schema: GuestCheckoutSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  try {
    // A guest without a cart cookie has nothing to check out.
    if (!owner) throw new CartEmptyError()
    const { email, ...input } = submission.value
    const order = await placeGuestOrder(
      { guestToken: owner.guestToken, email, clientIp: context.clientIp },
      input,
      { locale },
    )
    return redirect(
      order.paymentRedirect ??
        localeRedirectPath(request, `${guestOrderPath(order.number, order.id)}&placed=1`),
    )
  } catch (error) {
    return checkoutRefusal(request, submission, error)
  }
}

// A refused order (a 400 or 409) must show the cart as it is now: Remix skips reloading after an
// action's error status unless told, and the summary would keep the old prices.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
}) => formMethod === 'POST' || defaultShouldRevalidate

export default function CheckoutPage() {
  const { email, cart, photos, addresses, shippingMethods, paymentMethods, currency, promo } =
    useLoaderData<typeof loader>()
  const translate = useValidationMessage()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('orders')
  const labels = useOrderLabels()
  const f = useFormat()
  const lp = useLocalePath()
  const placing = navigation.state !== 'idle' && navigation.formMethod === 'POST'
  const guest = email === null
  const defaultAddress = addresses.find((address) => address.isDefault) ?? addresses[0]
  // One form for both: a guest's has the email field too.
  const [form, fields] = useForm<z.input<typeof GuestCheckoutSchema>, unknown>({
    id: 'checkout',
    lastResult,
    defaultValue: {
      addressId: defaultAddress?.id ?? 'new',
      shippingMethod: shippingMethods[0]?.id,
      paymentMethod: paymentMethods[0]?.id,
      saveAddress: 'on',
    },
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: guest ? GuestCheckoutSchema : CheckoutSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  // The summary's delivery: the one chosen (with JavaScript, as it is clicked; without, as the
  // last submission left it). The form carries the total shown, and the server places the order
  // only at that total.
  const [methodId, setMethodId] = useState(
    fields.shippingMethod.initialValue ?? shippingMethods[0]?.id,
  )
  const method =
    shippingMethods.find((candidate) => candidate.id === methodId) ?? shippingMethods[0]!
  const totals = promoTotals(cart.itemsTotal, promo, method.price)
  const total = totals.total
  const promoError = form.allErrors['promoCode']?.[0]
  const signIn = lp(`/login?${new URLSearchParams({ redirectTo: lp('/checkout') })}`)

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('checkout.title')}</h1>
        <Link to={lp('/cart')} className="text-sm link">
          <BackArrowIcon className="inline h-4 w-4" /> {t('checkout.backToCart')}
        </Link>
      </div>

      <Form
        method="post"
        className="group/checkout mt-8 grid gap-8 lg:grid-cols-[1fr_24rem]"
        {...getFormProps(form)}
      >
        {/* The cart's checkout token: submitting this form twice places one order. */}
        <input type="hidden" name="idempotencyKey" value={cart.checkoutToken ?? ''} />
        <input type="hidden" name="expectedTotal" value={total} />

        <div className="space-y-6">
          {form.errors?.length ? (
            <Notice tone="error" title={t('checkout.refusedTitle')}>
              <ErrorList id={form.errorId} errors={form.errors} />
              <p className="mt-2">
                <Link to={lp('/cart')} className="font-medium underline">
                  {t('checkout.reviewCart')}
                </Link>
              </p>
            </Notice>
          ) : null}
          <ErrorList errors={fields.idempotencyKey.errors} />

          <Step number={1} title={t('checkout.steps.contact')}>
            {guest ? (
              <div className="space-y-2">
                <Field
                  label={t('checkout.emailLabel')}
                  inputProps={{
                    ...getInputProps(fields.email, { type: 'email' }),
                    autoComplete: 'email',
                    dir: 'auto',
                  }}
                  errors={fields.email.errors}
                  help={t('checkout.emailHelp')}
                />
                <p className="text-sm text-stone-700">
                  <Trans
                    t={t}
                    i18nKey="checkout.signInPrompt"
                    components={{ signIn: <Link to={signIn} className="link" /> }}
                  />
                </p>
              </div>
            ) : (
              <p className="text-sm text-stone-700">
                <Trans
                  t={t}
                  i18nKey="checkout.contactAccount"
                  components={{
                    email: (
                      <strong>
                        <bdi>{email}</bdi>
                      </strong>
                    ),
                  }}
                />
              </p>
            )}
          </Step>

          <Step number={2} title={t('checkout.steps.address')}>
            <fieldset
              className="group space-y-3"
              aria-describedby={fields.addressId.errors?.length ? 'address-error' : undefined}
            >
              <legend className="sr-only">{t('checkout.addressLegend')}</legend>
              {addresses.length ? (
                <>
                  {addresses.map((address) => (
                    <RadioCard
                      key={address.id}
                      name="addressId"
                      value={address.id}
                      defaultChecked={fields.addressId.initialValue === address.id}
                    >
                      <AddressBlock address={address} className="text-sm text-stone-700" />
                      {address.isDefault ? (
                        <span className="mt-1 inline-block rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium">
                          {t('checkout.defaultAddress')}
                        </span>
                      ) : null}
                    </RadioCard>
                  ))}
                  <RadioCard
                    id="address-new"
                    name="addressId"
                    value="new"
                    defaultChecked={fields.addressId.initialValue === 'new'}
                  >
                    <span className="font-medium">{t('checkout.newAddress')}</span>
                  </RadioCard>
                </>
              ) : (
                <input type="hidden" name="addressId" value="new" />
              )}
              <ErrorList id="address-error" errors={fields.addressId.errors} />
              {/* Shown while "A new address" is chosen; CSS does it, so it works before JavaScript loads. */}
              <div
                className={
                  addresses.length
                    ? 'hidden space-y-4 pt-2 group-has-[#address-new:checked]:block'
                    : 'space-y-4'
                }
              >
                <AddressFields fields={fields} />
                {guest ? null : (
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="saveAddress"
                      defaultChecked={fields.saveAddress.initialValue === 'on'}
                      className="h-4 w-4 accent-brand-600"
                    />
                    {t('checkout.saveAddress')}
                  </label>
                )}
              </div>
            </fieldset>
          </Step>

          <Step number={3} title={t('checkout.steps.delivery')}>
            <fieldset className="space-y-3">
              <legend className="sr-only">{t('checkout.deliveryLegend')}</legend>
              {shippingMethods.map((option) => (
                <RadioCard
                  key={option.id}
                  name="shippingMethod"
                  value={option.id}
                  defaultChecked={fields.shippingMethod.initialValue === option.id}
                  // Checking an option the summary was not worked out for (possible only without
                  // JavaScript) swaps "Place order" for "Update total" by CSS.
                  inputClassName={option.id === method.id ? undefined : 'summary-stale'}
                  onChange={() => setMethodId(option.id)}
                  aside={
                    <span className="font-semibold">
                      {option.price === 0 ? (
                        t('money.free')
                      ) : (
                        <Money amount={option.price} currency={currency} />
                      )}
                    </span>
                  }
                >
                  <span className="font-medium">{labels.shippingMethod(option.id)}</span>
                  <span className="block text-sm text-stone-600">
                    {labels.shippingMethodDescription(option.id)}
                  </span>
                </RadioCard>
              ))}
              <FieldErrors field={fields.shippingMethod} />
            </fieldset>
          </Step>

          <Step number={4} title={t('checkout.steps.payment')}>
            <fieldset className="space-y-3">
              <legend className="sr-only">{t('checkout.paymentLegend')}</legend>
              {paymentMethods.map((option) => (
                <RadioCard
                  key={option.id}
                  name="paymentMethod"
                  value={option.id}
                  defaultChecked={fields.paymentMethod.initialValue === option.id}
                >
                  <span className="font-medium">{labels.paymentMethod(option.id)}</span>
                  <span className="block text-sm text-stone-600">
                    {labels.paymentMethodDescription(option.id)}
                  </span>
                </RadioCard>
              ))}
              <FieldErrors field={fields.paymentMethod} />
            </fieldset>
          </Step>
        </div>

        <aside
          aria-labelledby="summary-heading"
          className="h-fit space-y-4 card lg:sticky lg:top-4"
        >
          <h2 id="summary-heading" className="text-lg font-semibold">
            {t('checkout.summary')}
          </h2>
          <ul className="divide-y divide-stone-100" data-testid="checkout-lines">
            {cart.lines.map((line) => (
              <li key={line.variantId} className="flex gap-3 py-3 text-sm">
                <LineThumbnail
                  photo={photos[linePhotoKey(line.productId, line.colorId)]}
                  hex={line.colorHex}
                  size={line.sizeLabel}
                  className="h-14 w-11"
                />
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{line.title}</p>
                  <p className="text-stone-600">
                    {t('checkout.lineDetails', {
                      color: line.colorName,
                      size: line.sizeLabel,
                      quantity: f.number(line.quantity),
                      price: line.unitPrice !== null ? f.money(line.unitPrice) : '—',
                    })}
                  </p>
                  {line.problem ? (
                    <p className="text-red-700">{t('checkout.lineProblem')}</p>
                  ) : null}
                </div>
                <span className="text-end">
                  <Money amount={line.lineTotal} currency={currency} className="font-medium" />
                  <LinePromoNote promo={promo} variantId={line.variantId} />
                </span>
              </li>
            ))}
          </ul>
          <PromoCodeBox
            promo={promo}
            error={promoError ? translate(promoError) : null}
            currency={currency}
            inCheckoutForm
          />
          <PriceBreakdown
            currency={currency}
            itemsRegular={cart.itemsRegular}
            itemsTotal={cart.itemsTotal}
            delivery={{ label: labels.shippingMethod(method.id), amount: totals.delivery }}
            promo={promo?.applied ? { code: promo.code, ...totals } : null}
            total={total}
            totalTestId="checkout-total"
            className="space-y-2 border-t border-stone-200 pt-3 text-sm"
          />
          <div className="space-y-4 group-has-[.summary-stale:checked]/checkout:hidden">
            <button
              type="submit"
              name="intent"
              value="place"
              className="btn-primary w-full py-3 text-base"
              disabled={placing || !cart.canCheckout}
            >
              {placing ? t('checkout.placing') : t('checkout.place', { total: f.money(total) })}
            </button>
            {!cart.canCheckout ? (
              <p className="text-sm text-red-700">
                {t('checkout.needsAttention')}{' '}
                <Link to={lp('/cart')} className="underline">
                  {t('checkout.goToCart')}
                </Link>
              </p>
            ) : (
              <p className="text-xs text-stone-500">
                {t('checkout.agreement', { total: f.money(total) })}
              </p>
            )}
          </div>
          <div className="hidden space-y-2 group-has-[.summary-stale:checked]/checkout:block">
            <p className="text-sm text-stone-700" role="status">
              {t('checkout.staleSummary')}
            </p>
            <button
              type="submit"
              name="intent"
              value="update"
              formNoValidate
              className="btn-secondary w-full py-3 text-base"
            >
              {t('checkout.updateTotal')}
            </button>
          </div>
        </aside>
      </Form>
    </div>
  )
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`step-${number}`}>
      <h2 id={`step-${number}`} className="flex items-center gap-3 text-lg font-semibold">
        <span
          aria-hidden
          className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-sm text-white"
        >
          {number}
        </span>
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  )
}

function RadioCard({
  id,
  name,
  value,
  defaultChecked,
  inputClassName,
  onChange,
  aside,
  children,
}: {
  id?: string
  name: string
  value: string
  defaultChecked: boolean
  inputClassName?: string | undefined
  onChange?: () => void
  aside?: ReactNode
  children: ReactNode
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-stone-200 p-4 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-200">
      <input
        id={id}
        type="radio"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        onChange={onChange}
        className={`mt-1 h-4 w-4 accent-brand-600 ${inputClassName ?? ''}`}
      />
      <span className="min-w-0 flex-1">{children}</span>
      {aside}
    </label>
  )
}

function FieldErrors({ field }: { field: FieldMetadata<string | undefined> }) {
  return <ErrorList id={field.errorId} errors={field.errors} />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import { getFormProps, getInputProps, useForm } from '@conform-to/react'
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
import { useState } from 'react'
import type { z } from 'zod'
import { Trans, useTranslation } from 'react-i18next'
import { BackArrowIcon } from '~/components/direction-arrow.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field } from '~/components/forms.tsx'
import { Notice } from '~/components/orders/commerce.tsx'
import { checkoutRefusal } from '~/http/checkout.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { AddressStep, DeliveryStep, PaymentStep, Step } from './checkout-steps.tsx'
import { OrderSummary } from './order-summary.tsx'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { listLinePhotos } from '~/services/media/product-images.server.ts'
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
  const data = useLoaderData<typeof loader>()
  const { email, cart, addresses, shippingMethods, paymentMethods, currency, promo } = data
  const translate = useValidationMessage()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('orders')
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

          <AddressStep fields={fields} addresses={addresses} guest={guest} />

          <DeliveryStep
            fields={fields}
            shippingMethods={shippingMethods}
            chosenId={method.id}
            onChoose={setMethodId}
            currency={currency}
          />

          <PaymentStep fields={fields} paymentMethods={paymentMethods} />
        </div>

        <OrderSummary
          data={data}
          methodId={method.id}
          totals={totals}
          promoError={promoError ? translate(promoError) : null}
          placing={placing}
        />
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

// Over 400 lines: a folder route now, so its sections can become pieces beside it (not yet done).
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
  useSearchParams,
} from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { AddressBlock } from '~/components/orders/address-fields.tsx'
import {
  LineThumbnail,
  Money,
  Notice,
  OrderHeading,
  PriceBreakdown,
  StatusBadge,
  TrackingNumber,
  useMoney,
  useOrderLabels,
} from '~/components/orders/commerce.tsx'
import { ReturnRequestForm, ReturnState } from '~/components/orders/returns.tsx'
import { parseWithZod } from '@conform-to/zod/v4'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { getOrderReturns, requestReturn } from '~/services/orders/item-returns.server.ts'
import { ReturnRequestSchema } from '~/services/orders/return-schemas.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { listLinePhotos } from '~/services/media/product-images.server.ts'
import { linePhotoKey } from '~/services/media/views.ts'
import { ACCESS_PARAM } from '~/services/orders/order-access.server.ts'
import { cancelOrder, getOrder, type OrderViewer } from '~/services/orders/orders.server.ts'
import { payAgain } from '~/services/orders/payments/pay-again.server.ts'
import { PaymentNotice } from './payment-notice.tsx'
import { LineDiscounts } from '~/components/orders/promo-code.tsx'
import { requireOrderNumber } from '~/services/orders/schemas.ts'
import { invariantResponse } from '~/utils/http.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { orderHeadline, paymentHeadline } from '~/services/orders/status.ts'
import { settlesOnDelivery } from '~/services/orders/payments/index.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { listReviewableProducts } from '~/services/reviews/invitations.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

/**
 * Who is looking: the holder of the signed link from the order's emails (`?access=`, that order
 * only, no account needed), else the signed-in buyer.
 */
async function requireViewer(request: Request): Promise<OrderViewer> {
  const accessToken = new URL(request.url).searchParams.get(ACCESS_PARAM)
  if (accessToken !== null) return { accessToken }
  return { userId: (await requireUser(request)).id }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request)
  const order = await getOrder(viewer, requireOrderNumber(params))
  invariantResponse(order, 'Order not found')
  const t = getT(request, 'orders')
  const returns = await getOrderReturns(order)
  // "Review this item" on delivered lines the signed-in buyer has not reviewed yet.
  const delivered = order.shipments
    .filter((shipment) => shipment.status === 'DELIVERED')
    .flatMap((shipment) => shipment.lines.flatMap((line) => line.productId ?? []))
  const [photos, reviewable] = await Promise.all([
    listLinePhotos(order.shipments.flatMap((shipment) => shipment.lines)),
    'userId' in viewer
      ? listReviewableProducts(viewer.userId, delivered)
      : Promise.resolve<string[]>([]),
  ])
  return {
    title: t('detail.meta', { number: order.number }),
    order,
    returns: {
      requests: returns.requests,
      returnable: Object.fromEntries(
        Object.entries(returns.returnable).map(([lineId, open]) => [
          lineId,
          { units: open.units, until: open.until.toISOString() },
        ]),
      ),
    },
    paysOnDelivery: settlesOnDelivery(order.paymentMethod),
    byLink: 'accessToken' in viewer,
    /** The invoice, with the guest's signed link carried along. */
    invoicePath:
      `/orders/${order.number}/invoice` +
      ('accessToken' in viewer
        ? `?${new URLSearchParams({ [ACCESS_PARAM]: viewer.accessToken })}`
        : ''),
    photos,
    reviewable,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request)
  const number = requireOrderNumber(params)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const t = getT(request, 'orders')
  const { search } = new URL(request.url)
  const again = 'accessToken' in viewer ? `/orders/${number}${search}` : `/orders/${number}`
  if (intent === 'return') {
    const lineId = String(formData.get('lineId') ?? '')
    const submission = parseWithZod(formData, { schema: ReturnRequestSchema })
    if (submission.status !== 'success')
      return data({ intent, lineId, result: submission.reply() }, { status: 400 })
    try {
      await requestReturn(viewer, number, submission.value)
    } catch (error) {
      const refusal = localizedRefusal(t, error)
      throwIfNotFound(refusal)
      const { formErrors, fieldErrors } = refusal
      return data(
        { intent, lineId, result: submission.reply({ formErrors, fieldErrors }) },
        { status: refusal.status },
      )
    }
    return redirectWithToast(localeRedirectPath(request, again), {
      message: t('returns.requestedToast'),
    })
  }
  if (intent === 'pay') {
    const url = await payAgain(viewer, number)
    if (url) return redirect(url, { status: 303 })
    const query = new URLSearchParams(search)
    query.set('payment', 'expired')
    return redirect(localeRedirectPath(request, `/orders/${number}?${query}`), { status: 303 })
  }
  if (intent !== 'cancel')
    return data({ intent: null, error: t('detail.unknownAction') }, { status: 400 })
  try {
    await cancelOrder(viewer, number)
  } catch (error) {
    const refusal = toRefusal(error)
    throwIfNotFound(refusal)
    const message = refusal.code === 'cannot-cancel' ? t('detail.cannotCancel') : refusal.message
    return data({ intent, error: message }, { status: refusal.status })
  }
  return redirectWithToast(localeRedirectPath(request, again), {
    message: t('detail.cancelledToast'),
  })
}

export default function OrderPage() {
  const { order, photos, byLink, paysOnDelivery, returns, reviewable, invoicePath } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const justPlaced = searchParams.get('placed') === '1' && order.status !== 'CANCELLED'
  const { t } = useTranslation('orders')
  const { t: tc } = useTranslation('common')
  const labels = useOrderLabels()
  const f = useFormat()
  const lp = useLocalePath()
  const money = useMoney(order.currency)
  const refunded = returns.requests.reduce((sum, request) => sum + (request.refund?.amount ?? 0), 0)

  return (
    <div className="mx-auto max-w-5xl space-y-8">
      {justPlaced ? (
        <Notice tone="success" title={t('detail.placedTitle')}>
          <Trans
            t={t}
            i18nKey="detail.placedBody"
            components={{ email: <bdi>{order.email}</bdi> }}
          />
        </Notice>
      ) : null}

      {byLink && !justPlaced ? (
        <Notice tone="info">
          <Trans
            t={t}
            i18nKey="detail.guestNote"
            components={{ email: <bdi>{order.email}</bdi> }}
          />
        </Notice>
      ) : null}

      <div className="flex flex-wrap items-start justify-between gap-4">
        <OrderHeading
          back={
            // A guest's signed link opens this order only: their way on is the shop, not a list
            // of orders that needs an account.
            byLink
              ? { to: lp('/'), label: tc('errors.back') }
              : { to: lp('/orders'), label: t('list.title') }
          }
          number={order.number}
          status={order.status}
          statusLabel={labels.orderStatus(orderHeadline(order.status, order.shipments))}
        >
          {t('detail.placedAt', { date: f.dateTime(order.placedAt) })}
          {order.cancelledAt
            ? ` · ${t('detail.cancelledAt', { date: f.dateTime(order.cancelledAt) })}`
            : ''}
        </OrderHeading>
        <div className="flex flex-wrap items-start gap-2">
          <Link to={lp(invoicePath)} className="btn-secondary">
            {t('invoice.link')}
          </Link>
          {order.canCancel ? (
            <CancelOrder
              submitting={navigation.state === 'submitting'}
              refund={order.paymentStatus === 'PAID' ? money(order.total) : null}
            />
          ) : null}
        </div>
      </div>
      {actionData && 'error' in actionData ? (
        <Notice tone="error">{actionData.error}</Notice>
      ) : null}
      <PaymentNotice
        outcome={searchParams.get('payment')}
        heldUntil={order.paymentHeldUntil}
        submitting={navigation.state === 'submitting'}
      />

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="shipments-heading" className="space-y-4">
          <h2 id="shipments-heading" className="text-xl font-semibold">
            {t('detail.parcels', { count: order.shipments.length })}
          </h2>
          {order.shipments.map((shipment) => (
            <article
              key={shipment.id}
              className="card p-0"
              aria-label={t('detail.parcelFrom', { shop: shipment.shopName })}
              data-testid="shipment"
            >
              <header className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 px-5 py-4">
                <div>
                  <p className="font-semibold">
                    <Trans
                      t={t}
                      i18nKey="detail.from"
                      values={{ shop: shipment.shopName }}
                      components={{ bdi: <bdi /> }}
                    />
                  </p>
                  <ShipmentProgress shipment={shipment} />
                </div>
                <StatusBadge
                  status={shipment.status}
                  label={labels.shipmentStatus(shipment.status)}
                />
              </header>
              <ul className="divide-y divide-stone-100 px-5">
                {shipment.lines.map((line) => (
                  <li key={line.id} className="py-4">
                    <div className="flex gap-4">
                      <LineThumbnail
                        photo={photos[linePhotoKey(line.productId, line.colorId)]}
                        hex={line.colorHex ?? '#e7e5e4'}
                        size={line.sizeLabel}
                        className="h-16 w-12"
                      />
                      <div className="min-w-0 flex-1">
                        <Link
                          to={lp(`/p/${line.productSlug}`)}
                          className="font-medium hover:underline"
                        >
                          {line.title}
                        </Link>
                        <p className="text-sm text-stone-600">
                          {line.colorName} · <bdi>{line.sizeLabel}</bdi> · {t('detail.sku')}{' '}
                          <bdi>{line.sku}</bdi>
                        </p>
                        <p className="text-sm text-stone-600">
                          {f.number(line.quantity)} × {money(line.unitPrice)}
                          {line.unitPrice < line.regularPrice ? (
                            <s className="ms-2 text-stone-500">{money(line.regularPrice)}</s>
                          ) : null}
                        </p>
                        {shipment.status === 'DELIVERED' &&
                        line.productId &&
                        reviewable.includes(line.productId) ? (
                          <Link
                            to={lp(`/p/${line.productSlug}#reviews`)}
                            className="mt-1 inline-block text-sm link font-medium"
                            data-testid="review-item"
                            aria-label={t('detail.reviewItemLabel', { title: line.title })}
                          >
                            {t('detail.reviewItem')}
                          </Link>
                        ) : null}
                      </div>
                      <div className="text-end">
                        <Money
                          amount={line.lineTotal}
                          currency={order.currency}
                          className="font-medium"
                        />
                        <LineDiscounts discounts={line.discounts} currency={order.currency} />
                      </div>
                    </div>
                    <LineReturns
                      lineId={line.id}
                      currency={order.currency}
                      requests={returns.requests.filter(
                        (request) => request.orderLineId === line.id,
                      )}
                      open={returns.returnable[line.id] ?? null}
                      lastResult={
                        actionData && 'lineId' in actionData && actionData.lineId === line.id
                          ? actionData.result
                          : null
                      }
                    />
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </section>

        <aside className="space-y-4">
          <section className="card p-5" aria-labelledby="totals-heading">
            <h2 id="totals-heading" className="font-semibold">
              {t('detail.total')}
            </h2>
            <PriceBreakdown
              currency={order.currency}
              itemsRegular={order.itemsRegular}
              itemsTotal={order.itemsTotal}
              delivery={{
                label: labels.shippingMethod(order.shippingMethod),
                amount: order.shippingCost,
              }}
              promo={
                order.promoCodes.length
                  ? {
                      code: order.promoCodes.join(', '),
                      itemsDiscount: order.promoDiscount,
                      shippingDiscount: order.shippingDiscount,
                    }
                  : null
              }
              total={order.total}
              className="mt-3 space-y-2 text-sm"
            />
          </section>
          <section className="card p-5" aria-labelledby="payment-heading">
            <h2 id="payment-heading" className="font-semibold">
              {t('detail.payment')}
            </h2>
            <p className="mt-2 text-sm">{labels.paymentMethod(order.paymentMethod)}</p>
            <p className="text-sm text-stone-600">
              {labels.paymentStatus(
                paymentHeadline(order.paymentStatus, {
                  paysOnDelivery,
                  shipments: order.shipments,
                }),
              )}
            </p>
            {refunded > 0 ? (
              <p className="mt-1 text-sm font-medium text-emerald-800" data-testid="refunded">
                {t('returns.refundedTotal', { amount: money(refunded) })}
              </p>
            ) : null}
          </section>
          <section className="card p-5" aria-labelledby="address-heading">
            <h2 id="address-heading" className="font-semibold">
              {t('detail.deliveringTo')}
            </h2>
            <AddressBlock address={order.address} className="mt-2 text-sm text-stone-700" />
          </section>
        </aside>
      </div>
    </div>
  )
}

type ShipmentData = ReturnType<typeof useLoaderData<typeof loader>>['order']['shipments'][number]

function ShipmentProgress({ shipment }: { shipment: ShipmentData }) {
  const { t } = useTranslation('orders')
  const labels = useOrderLabels()
  const f = useFormat()
  if (shipment.status === 'PENDING')
    return <p className="text-sm text-stone-600">{t('detail.preparing')}</p>
  if (shipment.status === 'CANCELLED')
    return <p className="text-sm text-stone-600">{t('detail.cancelled')}</p>
  const carrier = labels.carrier(shipment.carrier)
  return (
    <div className="text-sm text-stone-600">
      <p>
        {shipment.status === 'DELIVERED' && shipment.deliveredAt
          ? t('detail.deliveredWith', { date: f.date(shipment.deliveredAt), carrier })
          : t('detail.shippedWith', {
              date: shipment.shippedAt ? f.date(shipment.shippedAt) : '',
              carrier,
            })}
      </p>
      <p>
        {t('detail.trackingNumber')}{' '}
        <TrackingNumber number={shipment.trackingNumber} url={shipment.trackingUrl} />
      </p>
    </div>
  )
}

type LoaderReturns = ReturnType<typeof useLoaderData<typeof loader>>['returns']

function LineReturns({
  lineId,
  currency,
  requests,
  open,
  lastResult,
}: {
  lineId: string
  currency: string
  requests: LoaderReturns['requests']
  open: { units: number; until: string } | null
  lastResult: Parameters<typeof ReturnRequestForm>[0]['lastResult']
}) {
  if (!requests.length && !open) return null
  return (
    <div className="mt-3 space-y-2 ps-16">
      {requests.map((request) => (
        <ReturnState key={request.id} request={request} currency={currency} audience="shopper" />
      ))}
      {open ? (
        <ReturnRequestForm
          lineId={lineId}
          units={open.units}
          until={open.until}
          lastResult={lastResult}
        />
      ) : null}
    </div>
  )
}

function CancelOrder({ submitting, refund }: { submitting: boolean; refund: string | null }) {
  const { t } = useTranslation('orders')
  return (
    // <details> asks for confirmation with or without JavaScript, and works with the keyboard.
    <details className="group relative">
      <summary className="btn-danger cursor-pointer list-none">{t('detail.cancel')}</summary>
      <div className="absolute end-0 z-10 mt-2 w-72 rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-lg">
        <p>
          {refund
            ? t('detail.cancelQuestionRefund', { amount: refund })
            : t('detail.cancelQuestionFree')}
        </p>
        <Form method="post" className="mt-3 flex gap-2">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="btn-danger" disabled={submitting}>
            {t('detail.cancelConfirm')}
          </button>
        </Form>
      </div>
    </details>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

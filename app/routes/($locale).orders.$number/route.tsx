import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Notice, OrderHeading, useMoney, useOrderLabels } from '~/components/orders/commerce.tsx'
import { parseWithZod } from '@conform-to/zod/v4'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { getOrderReturns, requestReturn } from '~/services/orders/item-returns.server.ts'
import { ReturnRequestSchema } from '~/services/orders/return-schemas.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { listLinePhotos } from '~/services/media/product-images.server.ts'
import { ACCESS_PARAM } from '~/services/orders/order-access.server.ts'
import { cancelOrder, getOrder, type OrderViewer } from '~/services/orders/orders.server.ts'
import { payAgain } from '~/services/orders/payments/pay-again.server.ts'
import { PaymentNotice } from './payment-notice.tsx'
import { CancelOrder, OrderSummary } from './order-summary.tsx'
import { ShipmentCard } from './shipment-card.tsx'
import { requireOrderNumber } from '~/services/orders/schemas.ts'
import { invariantResponse } from '~/utils/http.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { orderHeadline } from '~/services/orders/status.ts'
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
            <ShipmentCard
              key={shipment.id}
              shipment={shipment}
              currency={order.currency}
              photos={photos}
              reviewable={reviewable}
              returns={returns}
            />
          ))}
        </section>

        <OrderSummary order={order} paysOnDelivery={paysOnDelivery} refunded={refunded} />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import {
  data,
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
} from '~/components/orders/commerce.tsx'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { carrierName } from '~/services/orders/carriers.ts'
import { listLinePhotos } from '~/services/media/product-images.server.ts'
import { linePhotoKey } from '~/services/media/views.ts'
import { cancelOrder, getOrder } from '~/services/orders/orders.server.ts'
import { requireOrderNumber } from '~/services/orders/schemas.ts'
import { shippingMethodLabel } from '~/services/orders/shipping.ts'
import {
  ORDER_STATUS_LABELS,
  PAYMENT_STATUS_LABELS,
  SHIPMENT_STATUS_LABELS,
} from '~/services/orders/status.ts'
import { invariantResponse } from '~/utils/http.ts'
import { formatMoney } from '~/utils/money.ts'
import { formatUtcDate, formatUtcDateTime } from '~/utils/dates.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Order ${data.order.number} · Shikposh` : 'Order · Shikposh' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const order = await getOrder(user.id, requireOrderNumber(params))
  invariantResponse(order, 'Order not found')
  return {
    order,
    photos: await listLinePhotos(order.shipments.flatMap((shipment) => shipment.lines)),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const number = requireOrderNumber(params)
  const intent = (await readFormData(request)).get('intent')
  if (intent !== 'cancel') return data({ error: 'Unknown action.' }, { status: 400 })
  try {
    await cancelOrder(user.id, number)
  } catch (error) {
    const refusal = toRefusal(error)
    throwIfNotFound(refusal)
    return data({ error: refusal.message }, { status: refusal.status })
  }
  return redirectWithToast(`/orders/${number}`, { message: 'Your order is cancelled.' })
}

export default function OrderPage() {
  const { order, photos } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const justPlaced = searchParams.get('placed') === '1' && order.status !== 'CANCELLED'
  const money = (amount: number) => formatMoney(amount, order.currency)

  return (
    <div className="mx-auto max-w-5xl space-y-8">
      {justPlaced ? (
        <Notice tone="success" title="Thank you! Your order is placed.">
          We sent a confirmation to {order.email}. Each shop ships its part and we will email you as
          parcels leave.
        </Notice>
      ) : null}

      <div className="flex flex-wrap items-start justify-between gap-4">
        <OrderHeading
          back={{ to: '/orders', label: 'Your orders' }}
          number={order.number}
          status={order.status}
          statusLabel={ORDER_STATUS_LABELS[order.status]}
        >
          Placed {formatUtcDateTime(order.placedAt)}
          {order.cancelledAt ? ` · cancelled ${formatUtcDateTime(order.cancelledAt)}` : ''}
        </OrderHeading>
        {order.canCancel ? (
          <CancelOrder
            submitting={navigation.state === 'submitting'}
            refund={order.paymentStatus === 'PAID' ? money(order.total) : null}
          />
        ) : null}
      </div>
      {actionData?.error ? <Notice tone="error">{actionData.error}</Notice> : null}

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="shipments-heading" className="space-y-4">
          <h2 id="shipments-heading" className="text-xl font-semibold">
            {order.shipments.length > 1
              ? `${order.shipments.length} parcels, one from each shop`
              : 'Your parcel'}
          </h2>
          {order.shipments.map((shipment) => (
            <article
              key={shipment.id}
              className="card p-0"
              aria-label={`Parcel from ${shipment.shopName}`}
              data-testid="shipment"
            >
              <header className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 px-5 py-4">
                <div>
                  <p className="font-semibold">From {shipment.shopName}</p>
                  <ShipmentProgress shipment={shipment} />
                </div>
                <StatusBadge
                  status={shipment.status}
                  label={SHIPMENT_STATUS_LABELS[shipment.status]}
                />
              </header>
              <ul className="divide-y divide-stone-100 px-5">
                {shipment.lines.map((line) => (
                  <li key={line.id} className="flex gap-4 py-4">
                    <LineThumbnail
                      photo={photos[linePhotoKey(line.productId, line.colorId)]}
                      hex={line.colorHex ?? '#e7e5e4'}
                      size={line.sizeLabel}
                      className="h-16 w-12"
                    />
                    <div className="min-w-0 flex-1">
                      <Link to={`/p/${line.productSlug}`} className="font-medium hover:underline">
                        {line.title}
                      </Link>
                      <p className="text-sm text-stone-600">
                        {line.colorName} · {line.sizeLabel} · SKU {line.sku}
                      </p>
                      <p className="text-sm text-stone-600">
                        {line.quantity} × {money(line.unitPrice)}
                        {line.unitPrice < line.regularPrice ? (
                          <s className="ms-2 text-stone-400">{money(line.regularPrice)}</s>
                        ) : null}
                      </p>
                    </div>
                    <Money
                      amount={line.lineTotal}
                      currency={order.currency}
                      className="font-medium"
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
              Total
            </h2>
            <PriceBreakdown
              currency={order.currency}
              itemsRegular={order.itemsRegular}
              itemsTotal={order.itemsTotal}
              delivery={{
                label: shippingMethodLabel(order.shippingMethod),
                amount: order.shippingCost,
              }}
              total={order.total}
              className="mt-3 space-y-2 text-sm"
            />
          </section>
          <section className="card p-5" aria-labelledby="payment-heading">
            <h2 id="payment-heading" className="font-semibold">
              Payment
            </h2>
            <p className="mt-2 text-sm">{order.paymentLabel}</p>
            <p className="text-sm text-stone-600">{PAYMENT_STATUS_LABELS[order.paymentStatus]}</p>
          </section>
          <section className="card p-5" aria-labelledby="address-heading">
            <h2 id="address-heading" className="font-semibold">
              Delivering to
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
  if (shipment.status === 'PENDING')
    return <p className="text-sm text-stone-600">The shop is preparing it.</p>
  if (shipment.status === 'CANCELLED') return <p className="text-sm text-stone-600">Cancelled.</p>
  return (
    <div className="text-sm text-stone-600">
      <p>
        {shipment.status === 'DELIVERED' && shipment.deliveredAt
          ? `Delivered ${formatUtcDate(shipment.deliveredAt)}`
          : `Shipped ${shipment.shippedAt ? formatUtcDate(shipment.shippedAt) : ''}`}{' '}
        with {carrierName(shipment.carrier)}
      </p>
      <p>
        Tracking number{' '}
        <TrackingNumber number={shipment.trackingNumber} url={shipment.trackingUrl} />
      </p>
    </div>
  )
}

function CancelOrder({ submitting, refund }: { submitting: boolean; refund: string | null }) {
  return (
    // <details> asks for confirmation with or without JavaScript, and works with the keyboard.
    <details className="group relative">
      <summary className="btn-danger cursor-pointer list-none">Cancel order</summary>
      <div className="absolute end-0 z-10 mt-2 w-72 rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-lg">
        <p>
          Cancel the whole order? Nothing has shipped yet
          {refund ? `, and we will refund ${refund}.` : ', so you pay nothing.'}
        </p>
        <Form method="post" className="mt-3 flex gap-2">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="btn-danger" disabled={submitting}>
            Yes, cancel it
          </button>
        </Form>
      </div>
    </details>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import { Form, type useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AddressBlock } from '~/components/orders/address-fields.tsx'
import { PriceBreakdown, useMoney, useOrderLabels } from '~/components/orders/commerce.tsx'
import { paymentHeadline } from '~/services/orders/status.ts'
import type { loader } from './route.tsx'

// Beside an order's parcels: its totals, its payment (and what was refunded) and its address;
// and the button that cancels it.

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export function OrderSummary({
  order,
  paysOnDelivery,
  refunded,
}: {
  order: PageData['order']
  paysOnDelivery: boolean
  refunded: number
}) {
  const { t } = useTranslation('orders')
  const labels = useOrderLabels()
  const money = useMoney(order.currency)
  return (
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
  )
}

export function CancelOrder({
  submitting,
  refund,
}: {
  submitting: boolean
  refund: string | null
}) {
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

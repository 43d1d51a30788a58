import { Link, useActionData, type useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import {
  LineThumbnail,
  Money,
  StatusBadge,
  TrackingNumber,
  useMoney,
  useOrderLabels,
} from '~/components/orders/commerce.tsx'
import { LineDiscounts } from '~/components/orders/promo-code.tsx'
import { ReturnRequestForm, ReturnState } from '~/components/orders/returns.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { linePhotoKey } from '~/services/media/views.ts'
import type { action, loader } from './route.tsx'

// One parcel of an order: its shop, where it is, and its lines, each with its returns and, once
// delivered, a way to review the product.

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export function ShipmentCard({
  shipment,
  currency,
  photos,
  reviewable,
  returns,
}: {
  shipment: PageData['order']['shipments'][number]
  currency: string
  photos: PageData['photos']
  reviewable: PageData['reviewable']
  returns: PageData['returns']
}) {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('orders')
  const labels = useOrderLabels()
  const f = useFormat()
  const lp = useLocalePath()
  const money = useMoney(currency)
  return (
    <article
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
        <StatusBadge status={shipment.status} label={labels.shipmentStatus(shipment.status)} />
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
                <Link to={lp(`/p/${line.productSlug}`)} className="font-medium hover:underline">
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
                <Money amount={line.lineTotal} currency={currency} className="font-medium" />
                <LineDiscounts discounts={line.discounts} currency={currency} />
              </div>
            </div>
            <LineReturns
              lineId={line.id}
              currency={currency}
              requests={returns.requests.filter((request) => request.orderLineId === line.id)}
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

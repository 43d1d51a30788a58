import { Link } from '@remix-run/react'
import { useMemo, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { BackArrowIcon } from '~/components/direction-arrow.tsx'
import { ResponsiveImage } from '~/components/media/responsive-image.tsx'
import { createFormatter } from '~/i18n/format.ts'
import { useFormat, usePageLocale } from '~/i18n/use-locale.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import { orderLabels } from '~/services/orders/labels.ts'
import { STATUS_TONES, type OrderState, type ShipmentState } from '~/services/orders/status.ts'

// Small pieces the cart, checkout, order and seller pages share.

/**
 * Names of order, shipment and payment states, carriers, delivery options and payment methods
 * in the page's language: `const labels = useOrderLabels(); labels.orderStatus(order.status)`.
 */
export function useOrderLabels() {
  const { t } = useTranslation('orders')
  return useMemo(() => orderLabels(t), [t])
}

/**
 * Money in the page's language, in `currency` (an order keeps the currency it was placed in),
 * shown as the store shows it (Toman for IRR when the store says so).
 */
export function useMoney(currency: string) {
  const { locale, store } = usePageLocale()
  const formatter = createFormatter({ locale, ...store, currency })
  return formatter.money
}

export function Money({
  amount,
  currency,
  className,
}: {
  amount: number
  currency: string
  className?: string
}) {
  const money = useMoney(currency)
  return <span className={className}>{money(amount)}</span>
}

/** The unit price, with the regular price struck through while a discount runs. */
export function UnitPrice({
  regular,
  effective,
  currency,
  percentOff,
}: {
  regular: number
  effective: number
  currency: string
  percentOff?: number | null
}) {
  const { t } = useTranslation('orders')
  const money = useMoney(currency)
  const f = useFormat()
  if (effective >= regular)
    return <Money amount={effective} currency={currency} className="font-medium" />
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <Money amount={effective} currency={currency} className="font-semibold text-brand-700" />
      <s className="text-sm text-stone-500">
        <span className="sr-only">{t('money.was')} </span>
        {money(regular)}
      </s>
      {percentOff ? (
        <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-700">
          −{f.percent(percentOff / 100)}
        </span>
      ) : null}
    </span>
  )
}

export function StatusBadge({
  status,
  label,
}: {
  status: OrderState | ShipmentState
  label: string
}) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_TONES[status]}`}
    >
      {label}
    </span>
  )
}

/**
 * A line's picture in the cart, the checkout summary and the order page: the product's photo
 * in the line's colour, or the colour as a tile when there is no photo; the size on top, so
 * lines of one product are told apart at a glance.
 */
export function LineThumbnail({
  photo,
  hex,
  size,
  className = 'h-20 w-16',
}: {
  photo?: ProductImageView | null
  hex: string
  size: string
  className?: string
}) {
  return (
    <div
      aria-hidden
      className={`relative shrink-0 overflow-hidden rounded-md border border-stone-200 ${className}`}
      style={{ backgroundColor: hex }}
    >
      {photo ? (
        <ResponsiveImage
          image={photo.image}
          alt=""
          sizes="80px"
          fit="cover"
          className="h-full w-full"
        />
      ) : null}
      <span className="absolute end-1 bottom-1 rounded bg-white/85 px-1 text-[10px] font-semibold text-stone-800">
        {size}
      </span>
    </div>
  )
}

export function Notice({
  tone,
  children,
  title,
}: {
  tone: 'info' | 'warning' | 'error' | 'success'
  title?: string
  children: ReactNode
}) {
  const tones = {
    info: 'border-sky-200 bg-sky-50 text-sky-950',
    warning: 'border-amber-200 bg-amber-50 text-amber-950',
    error: 'border-red-200 bg-red-50 text-red-900',
    success: 'border-green-200 bg-green-50 text-green-950',
  }
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? 'mt-1' : undefined}>{children}</div>
    </div>
  )
}

/**
 * What an order costs, line by line: items at their regular price, the discounts, delivery
 * (once chosen) and the total. The cart (a subtotal, before delivery), the checkout summary and
 * the order page all show it.
 */
export function PriceBreakdown({
  currency,
  itemsRegular,
  itemsTotal,
  delivery,
  promo,
  total,
  totalLabel,
  totalTestId,
  className = 'space-y-2 text-sm',
}: {
  currency: string
  itemsRegular: number
  itemsTotal: number
  /** The delivery line: its label and cost (0 shows "Free"); leave out before it is chosen. */
  delivery?: { label: string; amount: number }
  /** A promo code's line: what it takes off the items (and the delivery, for free delivery). */
  promo?: { code: string; itemsDiscount: number; shippingDiscount: number } | null
  total: number
  totalLabel?: string
  totalTestId?: string
  className?: string
}) {
  const { t } = useTranslation('orders')
  const money = useMoney(currency)
  const savings = itemsRegular - itemsTotal
  return (
    <dl className={className}>
      <div className="flex justify-between">
        <dt>{t('money.items')}</dt>
        <dd>
          <Money amount={itemsRegular} currency={currency} />
        </dd>
      </div>
      {savings > 0 ? (
        <div className="flex justify-between text-green-700">
          <dt>{t('money.discounts')}</dt>
          <dd>−{money(savings)}</dd>
        </div>
      ) : null}
      {promo && promo.itemsDiscount > 0 ? (
        <div className="flex justify-between text-green-700" data-testid="promo-discount">
          <dt>{t('money.promo', { code: promo.code })}</dt>
          <dd>−{money(promo.itemsDiscount)}</dd>
        </div>
      ) : null}
      {delivery ? (
        <div className="flex justify-between">
          <dt>{delivery.label}</dt>
          <dd>
            {promo && promo.shippingDiscount > 0 ? (
              <s className="me-1 text-stone-500">{money(promo.shippingDiscount)}</s>
            ) : null}
            {delivery.amount === 0 ? t('money.free') : money(delivery.amount)}
          </dd>
        </div>
      ) : null}
      <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
        <dt>{totalLabel ?? t('money.total')}</dt>
        <dd data-testid={totalTestId}>
          <Money amount={total} currency={currency} />
        </dd>
      </div>
    </dl>
  )
}

/** The top of an order page, for the shopper and for the seller: the way back, the number with its status, and a line of facts. */
export function OrderHeading({
  back,
  number,
  status,
  statusLabel,
  children,
}: {
  back: { to: string; label: string }
  number: string
  status: OrderState | ShipmentState
  statusLabel: string
  /** The line under the title (when it was placed …). */
  children: ReactNode
}) {
  const { t } = useTranslation('orders')
  return (
    <div>
      <p className="text-sm">
        <Link to={back.to} className="inline-flex items-center gap-1 link">
          <BackArrowIcon />
          {back.label}
        </Link>
      </p>
      <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight sm:text-3xl">
        <span>
          <Trans t={t} i18nKey="order.title" values={{ number }} components={{ bdi: <bdi /> }} />
        </span>
        <StatusBadge status={status} label={statusLabel} />
      </h1>
      <p className="mt-1 text-stone-600">{children}</p>
    </div>
  )
}

/** A tracking number, linked to the carrier's tracking page when there is one. */
export function TrackingNumber({ number, url }: { number: string | null; url: string | null }) {
  const { t } = useTranslation('orders')
  if (!url)
    return (
      <bdi className="font-medium text-stone-800" dir="ltr">
        {number}
      </bdi>
    )
  return (
    <a href={url} className="link" target="_blank" rel="noreferrer noopener">
      <bdi dir="ltr">{number}</bdi>
      <span className="sr-only"> {t('order.trackingOpensCarrier')}</span>
    </a>
  )
}

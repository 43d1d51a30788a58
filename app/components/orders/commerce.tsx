/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { Link } from '@remix-run/react'
import { ResponsiveImage } from '~/components/media/responsive-image.tsx'
import type { ProductImageView } from '~/services/media/views.ts'
import type { ReactNode } from 'react'
import { formatMoney } from '~/utils/money.ts'
import { STATUS_TONES, type OrderState, type ShipmentState } from '~/services/orders/status.ts'

// Small pieces the cart, checkout, order and seller pages share.

export function Money({
  amount,
  currency,
  className,
}: {
  amount: number
  currency: string
  className?: string
}) {
  return <span className={className}>{formatMoney(amount, currency)}</span>
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
  if (effective >= regular)
    return <Money amount={effective} currency={currency} className="font-medium" />
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <Money amount={effective} currency={currency} className="font-semibold text-brand-700" />
      <s className="text-sm text-stone-500">
        <span className="sr-only">was </span>
        {formatMoney(regular, currency)}
      </s>
      {percentOff ? (
        <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-700">
          −{percentOff}%
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
  total,
  totalLabel = 'Total',
  totalTestId,
  className = 'space-y-2 text-sm',
}: {
  currency: string
  itemsRegular: number
  itemsTotal: number
  /** The delivery line: its label and cost (0 shows "Free"); leave out before it is chosen. */
  delivery?: { label: string; amount: number }
  total: number
  totalLabel?: string
  totalTestId?: string
  className?: string
}) {
  const savings = itemsRegular - itemsTotal
  return (
    <dl className={className}>
      <div className="flex justify-between">
        <dt>Items</dt>
        <dd>
          <Money amount={itemsRegular} currency={currency} />
        </dd>
      </div>
      {savings > 0 ? (
        <div className="flex justify-between text-green-700">
          <dt>Discounts</dt>
          <dd>−{formatMoney(savings, currency)}</dd>
        </div>
      ) : null}
      {delivery ? (
        <div className="flex justify-between">
          <dt>{delivery.label}</dt>
          <dd>{delivery.amount === 0 ? 'Free' : formatMoney(delivery.amount, currency)}</dd>
        </div>
      ) : null}
      <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
        <dt>{totalLabel}</dt>
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
  return (
    <div>
      <p className="text-sm">
        <Link to={back.to} className="link">
          ← {back.label}
        </Link>
      </p>
      <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight sm:text-3xl">
        Order {number}
        <StatusBadge status={status} label={statusLabel} />
      </h1>
      <p className="mt-1 text-stone-600">{children}</p>
    </div>
  )
}

/** A tracking number, linked to the carrier's tracking page when there is one. */
export function TrackingNumber({ number, url }: { number: string | null; url: string | null }) {
  if (!url) return <span className="font-medium text-stone-800">{number}</span>
  return (
    <a href={url} className="link" target="_blank" rel="noreferrer noopener">
      {number}
      <span className="sr-only"> (opens the carrier’s site)</span>
    </a>
  )
}

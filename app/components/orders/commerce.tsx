import type { ReactNode } from 'react'
import { formatMoney } from '~/utils/money.ts'
import { STATUS_TONES, type OrderState, type ShipmentState } from '~/services/orders/status.ts'

// Small pieces the cart, checkout, order and seller pages share.

export function Money({ amount, currency, className }: { amount: number; currency: string; className?: string }) {
  return <span className={className}>{formatMoney(amount, currency)}</span>
}

/** The unit price, with the regular price struck through while a discount runs. */
export function UnitPrice({ regular, effective, currency, percentOff }: { regular: number; effective: number; currency: string; percentOff?: number | null }) {
  if (effective >= regular) return <Money amount={effective} currency={currency} className="font-medium" />
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <Money amount={effective} currency={currency} className="font-semibold text-brand-700" />
      <s className="text-sm text-stone-500">
        <span className="sr-only">was </span>
        {formatMoney(regular, currency)}
      </s>
      {percentOff ? <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-700">−{percentOff}%</span> : null}
    </span>
  )
}

export function StatusBadge({ status, label }: { status: OrderState | ShipmentState; label: string }) {
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_TONES[status]}`}>{label}</span>
}

/**
 * Stands in for the product photo (images arrive with the media work): the variant's colour
 * as a tile with the size on it, so lines are told apart at a glance.
 */
export function SwatchTile({ hex, size, className = 'h-20 w-16' }: { hex: string; size: string; className?: string }) {
  return (
    <div aria-hidden className={`flex shrink-0 items-end justify-end rounded-md border border-stone-200 p-1 ${className}`} style={{ backgroundColor: hex }}>
      <span className="rounded bg-white/85 px-1 text-[10px] font-semibold text-stone-800">{size}</span>
    </div>
  )
}

export function Notice({ tone, children, title }: { tone: 'info' | 'warning' | 'error' | 'success'; title?: string; children: ReactNode }) {
  const tones = {
    info: 'border-sky-200 bg-sky-50 text-sky-950',
    warning: 'border-amber-200 bg-amber-50 text-amber-950',
    error: 'border-red-200 bg-red-50 text-red-900',
    success: 'border-green-200 bg-green-50 text-green-950',
  }
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? 'mt-1' : undefined}>{children}</div>
    </div>
  )
}

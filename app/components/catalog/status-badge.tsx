import { useTranslation } from 'react-i18next'

const PRODUCT: Record<string, { label: string; className: string }> = {
  ACTIVE: { label: 'status.product.ACTIVE', className: 'bg-green-100 text-green-800' },
  DRAFT: { label: 'status.product.DRAFT', className: 'bg-stone-200 text-stone-800' },
  ARCHIVED: { label: 'status.product.ARCHIVED', className: 'bg-amber-100 text-amber-900' },
  HIDDEN: { label: 'status.product.HIDDEN', className: 'bg-red-100 text-red-800' },
}

const SHOP: Record<string, { label: string; className: string }> = {
  ACTIVE: { label: 'status.shop.ACTIVE', className: 'bg-green-100 text-green-800' },
  SUSPENDED: { label: 'status.shop.SUSPENDED', className: 'bg-red-100 text-red-800' },
}

/** A product's or shop's status as a small coloured label, in the page's language. */
export function StatusBadge({
  status,
  of = 'product',
}: {
  status: string
  of?: 'product' | 'shop'
}) {
  const { t } = useTranslation('seller')
  const say = t as unknown as (key: string, options?: { defaultValue: string }) => string
  const style = (of === 'shop' ? SHOP : PRODUCT)[status]
  const label = style ? say(style.label) : status.toLowerCase()
  return (
    <span
      className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${style?.className ?? 'bg-stone-100 text-stone-700'}`}
    >
      {label}
    </span>
  )
}

const PRODUCT: Record<string, { label: string; className: string }> = {
  ACTIVE: { label: 'Published', className: 'bg-green-100 text-green-800' },
  DRAFT: { label: 'Draft', className: 'bg-stone-200 text-stone-800' },
  ARCHIVED: { label: 'Archived', className: 'bg-amber-100 text-amber-900' },
  HIDDEN: { label: 'Hidden (shop suspended)', className: 'bg-red-100 text-red-800' },
}

const SHOP: Record<string, { label: string; className: string }> = {
  ACTIVE: { label: 'Open', className: 'bg-green-100 text-green-800' },
  SUSPENDED: { label: 'Suspended', className: 'bg-red-100 text-red-800' },
}

/** A product's or shop's status as a small coloured label. */
export function StatusBadge({
  status,
  of = 'product',
}: {
  status: string
  of?: 'product' | 'shop'
}) {
  const style = (of === 'shop' ? SHOP : PRODUCT)[status] ?? {
    label: status.toLowerCase(),
    className: 'bg-stone-100 text-stone-700',
  }
  return (
    <span
      className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${style.className}`}
    >
      {style.label}
    </span>
  )
}

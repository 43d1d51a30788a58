// Pricing rules, the same in the browser and on the server. Prices are integers in the store
// currency's minor unit. A discount is a percentage that applies from its start (inclusive) to
// its end (exclusive); either bound may be open.

export type DiscountWindow = {
  discountPercent: number | null
  discountStartsAt: Date | string | null
  discountEndsAt: Date | string | null
}

const time = (value: Date | string) =>
  typeof value === 'string' ? Date.parse(value) : value.getTime()

export function isDiscountActive(discount: DiscountWindow, now: Date = new Date()): boolean {
  const { discountPercent: percent, discountStartsAt: startsAt, discountEndsAt: endsAt } = discount
  if (!percent || percent <= 0) return false
  const at = now.getTime()
  if (startsAt && at < time(startsAt)) return false
  if (endsAt && at >= time(endsAt)) return false
  return true
}

/** The price after a percentage off, rounded to the nearest minor unit. */
export function applyDiscount(price: number, percent: number): number {
  return Math.round((price * (100 - percent)) / 100)
}

export type PriceQuote = {
  /** Before any discount. */
  regular: number
  /** What the shopper pays now. */
  effective: number
  onSale: boolean
  percentOff: number | null
}

/** The price of one variant (its override, else the product's base price) at `now`; null when unpriced. */
export function quote(
  product: DiscountWindow & { price: number | null },
  variant: { price: number | null } | null = null,
  now: Date = new Date(),
): PriceQuote | null {
  const regular = variant?.price ?? product.price
  if (regular == null) return null
  const onSale = isDiscountActive(product, now)
  return {
    regular,
    effective: onSale ? applyDiscount(regular, product.discountPercent!) : regular,
    onSale,
    percentOff: onSale ? product.discountPercent : null,
  }
}

/** The cheapest quote among the variants (what a product card shows as "from"). */
export function lowestQuote(
  product: DiscountWindow & { price: number | null },
  variants: Array<{ price: number | null }>,
  now: Date = new Date(),
): PriceQuote | null {
  const quotes = (variants.length ? variants : [null])
    .map((variant) => quote(product, variant, now))
    .filter((q) => q !== null)
  if (!quotes.length) return null
  return quotes.reduce((best, q) => (q.effective < best.effective ? q : best))
}

/** The next moment after `now` at which the discount starts or ends (when prices change by themselves). */
export function nextPriceChange(discount: DiscountWindow, now: Date = new Date()): Date | null {
  if (!discount.discountPercent) return null
  const moments = [discount.discountStartsAt, discount.discountEndsAt]
    .filter((value): value is Date | string => value != null)
    .map(time)
    .filter((at) => at > now.getTime())
  return moments.length ? new Date(Math.min(...moments)) : null
}

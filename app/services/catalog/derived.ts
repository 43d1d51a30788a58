import { type DiscountWindow, nextPriceChange, quote } from './pricing.ts'

// The columns the catalog keeps derived from a product and its variants, computed in one place
// for the services, the search job, the seed and the bulk generator.

export type DerivedPricing = {
  /** Cheapest variant before any discount; null when no variant has a price. */
  minPrice: number | null
  /** What the cheapest variant costs at `now`. */
  effectivePrice: number | null
  onSale: boolean
}

export function derivePricing(
  product: DiscountWindow & { price: number | null },
  variants: Array<{ price: number | null }>,
  now: Date = new Date(),
): DerivedPricing {
  const prices = variants
    .map((variant) => variant.price ?? product.price)
    .filter((price): price is number => price != null)
  if (!prices.length) return { minPrice: null, effectivePrice: null, onSale: false }
  const minPrice = Math.min(...prices)
  const cheapest = quote({ ...product, price: minPrice }, null, now)!
  return { minPrice, effectivePrice: cheapest.effective, onSale: cheapest.onSale }
}

/** Shown in the store: published, and the shop is open. */
export function isListed(status: string, shopStatus: string) {
  return status === 'ACTIVE' && shopStatus === 'ACTIVE'
}

export function hasPricedVariant(
  product: { price: number | null },
  variants: Array<{ price: number | null }>,
) {
  return variants.some((variant) => (variant.price ?? product.price) != null)
}

export { nextPriceChange }

// What the cart and checkout pages show for a promo code, and the sums both the page and the
// server make from it (the page's total is the total charged: the checkout's guard compares them).

export type PromoReason =
  | 'unknown'
  | 'not-started'
  | 'expired'
  | 'min-not-met'
  | 'used-up'
  | 'already-used'
  | 'not-for-these-items'

export const PROMO_REASONS: readonly PromoReason[] = [
  'unknown',
  'not-started',
  'expired',
  'min-not-met',
  'used-up',
  'already-used',
  'not-for-these-items',
]

export type AppliedPromo = {
  promoCodeId: string
  shopId: string | null
  kind: 'PERCENT' | 'FIXED' | 'FREE_DELIVERY'
  value: number
  /** Taken off the items in all: the sum of `lines`. */
  itemsDiscount: number
  freeDelivery: boolean
  /** What it takes off each line it applies to (lines it leaves alone are not listed). */
  lines: Array<{ variantId: string; amount: number }>
}

/** The cart's code: applied, or refused with the reason. */
export type CartPromo = {
  code: string
  applied: AppliedPromo | null
  refusal: { reason: PromoReason; minOrder: number | null } | null
}

/** The order's sums with the code: items after it, what delivery still costs, the total. */
export function promoTotals(itemsTotal: number, promo: CartPromo | null, delivery: number) {
  const applied = promo?.applied ?? null
  const itemsDiscount = applied?.itemsDiscount ?? 0
  const shippingDiscount = applied?.freeDelivery ? delivery : 0
  return {
    itemsDiscount,
    shippingDiscount,
    delivery: delivery - shippingDiscount,
    total: itemsTotal - itemsDiscount + delivery - shippingDiscount,
  }
}

/** What the code takes off one line (0 when none). */
export function lineDiscount(promo: CartPromo | null, variantId: string) {
  return promo?.applied?.lines.find((line) => line.variantId === variantId)?.amount ?? 0
}

// What a promo code takes off, in integer minor units, and how that is shared across the lines
// it applies to. The rules (docs/decisions/025):
// - a percentage is of the eligible lines' total, rounded DOWN to the minor unit (a code never
//   gives more than it says), then capped at `maxDiscount`;
// - a fixed amount is at most the eligible lines' total (a code never makes items negative);
// - the discount is shared across the eligible lines in proportion to their totals, each line's
//   share rounded down, and the minor units left over go one each to the lines with the largest
//   remainders (ties: the earlier line). The shares always add up to the discount exactly, and
//   no line gets more than its own total.

export type PromoRule =
  | { kind: 'PERCENT'; value: number; maxDiscount: number | null }
  | { kind: 'FIXED'; value: number }
  | { kind: 'FREE_DELIVERY' }

/** What the rule takes off items worth `eligibleTotal` (minor units); 0 for free delivery. */
export function itemsDiscount(rule: PromoRule, eligibleTotal: number): number {
  if (eligibleTotal <= 0) return 0
  switch (rule.kind) {
    case 'PERCENT': {
      // Integer arithmetic: no float error at the boundary of a minor unit.
      const off = Math.floor((eligibleTotal * rule.value) / 100)
      return Math.min(off, rule.maxDiscount ?? off, eligibleTotal)
    }
    case 'FIXED':
      return Math.min(rule.value, eligibleTotal)
    case 'FREE_DELIVERY':
      return 0
  }
}

/**
 * Shares `amount` across `weights` (each line's total) by the largest-remainder rule above.
 * Returns one share per weight, in the same order; they sum to `amount` exactly.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  if (!Number.isInteger(amount) || amount < 0)
    throw new RangeError('amount must be a whole minor unit ≥ 0')
  if (weights.some((weight) => !Number.isInteger(weight) || weight < 0))
    throw new RangeError('weights must be whole minor units ≥ 0')
  if (amount > total) throw new RangeError('cannot take off more than the lines are worth')
  if (amount === 0 || total === 0) return weights.map(() => 0)
  // amount × weight fits a double exactly for any realistic cart (below 2^53).
  const shares = weights.map((weight) => Math.floor((amount * weight) / total))
  const remainders = weights.map((weight, index) => ({
    index,
    rest: (amount * weight) % total,
  }))
  let left = amount - shares.reduce((sum, share) => sum + share, 0)
  remainders.sort((a, b) => b.rest - a.rest || a.index - b.index)
  for (const { index } of remainders) {
    if (left === 0) break
    shares[index]! += 1
    left -= 1
  }
  return shares
}

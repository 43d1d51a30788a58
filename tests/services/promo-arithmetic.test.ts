import { describe, expect, test } from 'vitest'
import { allocate, itemsDiscount } from '~/services/promos/arithmetic.ts'
import { lineDiscount, promoTotals, type CartPromo } from '~/services/promos/totals.ts'

describe('what a code takes off', () => {
  test('a percentage is of the eligible total, rounded down to the minor unit', () => {
    expect(itemsDiscount({ kind: 'PERCENT', value: 10, maxDiscount: null }, 10_000)).toBe(1_000)
    // 15% of 3,333 is 499.95: the shopper gets 499, never 500.
    expect(itemsDiscount({ kind: 'PERCENT', value: 15, maxDiscount: null }, 3_333)).toBe(499)
    // 33% of 1 minor unit is nothing.
    expect(itemsDiscount({ kind: 'PERCENT', value: 33, maxDiscount: null }, 1)).toBe(0)
    expect(itemsDiscount({ kind: 'PERCENT', value: 100, maxDiscount: null }, 4_321)).toBe(4_321)
  })

  test('a percentage stops at its cap', () => {
    const rule = { kind: 'PERCENT', value: 20, maxDiscount: 1_500 } as const
    expect(itemsDiscount(rule, 5_000)).toBe(1_000)
    expect(itemsDiscount(rule, 7_500)).toBe(1_500)
    expect(itemsDiscount(rule, 100_000)).toBe(1_500)
  })

  test('a fixed amount never exceeds what the items are worth', () => {
    expect(itemsDiscount({ kind: 'FIXED', value: 500 }, 2_000)).toBe(500)
    expect(itemsDiscount({ kind: 'FIXED', value: 500 }, 499)).toBe(499)
    expect(itemsDiscount({ kind: 'FIXED', value: 500 }, 0)).toBe(0)
  })

  test('free delivery takes nothing off the items', () => {
    expect(itemsDiscount({ kind: 'FREE_DELIVERY' }, 9_000)).toBe(0)
  })

  test('large rial amounts stay exact (no float error)', () => {
    // 12% of 987,654,321 rials = 118,518,518.52 → 118,518,518.
    expect(itemsDiscount({ kind: 'PERCENT', value: 12, maxDiscount: null }, 987_654_321)).toBe(
      118_518_518,
    )
  })
})

describe('sharing a discount across lines', () => {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

  test('in proportion to the lines, exactly', () => {
    expect(allocate(1_000, [3_000, 7_000])).toEqual([300, 700])
  })

  test('leftover minor units go to the largest remainders, ties to the earlier line', () => {
    // 100 over three equal lines: 33.33 each, the one unit left goes to the first.
    expect(allocate(100, [1_000, 1_000, 1_000])).toEqual([34, 33, 33])
    // 10 over 1/6, 2/6, 3/6: 1.67, 3.33, 5 → 1, 3, 5 and the unit left to the 0.67 remainder.
    expect(allocate(10, [100, 200, 300])).toEqual([2, 3, 5])
  })

  test('the shares always add up and never exceed a line', () => {
    // A deterministic spread of carts (no randomness in tests).
    for (let seed = 1; seed <= 500; seed++) {
      const weights = Array.from(
        { length: (seed % 7) + 1 },
        (_, i) => ((seed * 7919 + i * 104_729) % 9_973) + 1,
      )
      const total = sum(weights)
      for (const amount of [0, 1, seed % total, Math.floor(total / 3), total]) {
        const shares = allocate(amount, weights)
        expect(sum(shares)).toBe(amount)
        shares.forEach((share, i) => {
          expect(share).toBeGreaterThanOrEqual(0)
          expect(share).toBeLessThanOrEqual(weights[i]!)
        })
      }
    }
  })

  test('the whole of every line, when the discount is the total', () => {
    expect(allocate(1_234, [1_000, 234])).toEqual([1_000, 234])
  })

  test('refuses what cannot be', () => {
    expect(() => allocate(101, [50, 50])).toThrow(RangeError)
    expect(() => allocate(1.5, [50, 50])).toThrow(RangeError)
    expect(() => allocate(10, [-5, 50])).toThrow(RangeError)
  })
})

describe('the order sums with a code', () => {
  const applied = (over: Partial<NonNullable<CartPromo['applied']>>): CartPromo => ({
    code: 'X',
    refusal: null,
    applied: {
      promoCodeId: 'p',
      shopId: null,
      kind: 'FIXED',
      value: 300,
      itemsDiscount: 300,
      freeDelivery: false,
      lines: [{ variantId: 'v1', amount: 300 }],
      ...over,
    },
  })

  test('items discount comes off, delivery stays', () => {
    expect(promoTotals(5_000, applied({}), 495)).toEqual({
      itemsDiscount: 300,
      shippingDiscount: 0,
      delivery: 495,
      total: 5_195,
    })
    expect(lineDiscount(applied({}), 'v1')).toBe(300)
    expect(lineDiscount(applied({}), 'v2')).toBe(0)
  })

  test('free delivery takes the delivery off, whatever it costs', () => {
    const free = applied({
      kind: 'FREE_DELIVERY',
      value: 0,
      itemsDiscount: 0,
      freeDelivery: true,
      lines: [],
    })
    expect(promoTotals(5_000, free, 1_495)).toEqual({
      itemsDiscount: 0,
      shippingDiscount: 1_495,
      delivery: 0,
      total: 5_000,
    })
  })

  test('a refused code changes nothing', () => {
    const refused: CartPromo = {
      code: 'X',
      applied: null,
      refusal: { reason: 'expired', minOrder: null },
    }
    expect(promoTotals(5_000, refused, 495).total).toBe(5_495)
    expect(promoTotals(5_000, null, 495).total).toBe(5_495)
  })
})

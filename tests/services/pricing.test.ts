import { describe, expect, test } from 'vitest'
import {
  applyDiscount,
  isDiscountActive,
  lowestQuote,
  nextPriceChange,
  quote,
} from '~/services/catalog/pricing.ts'
import { formatMoney, minorUnitFactor, parseMoney } from '~/utils/money.ts'

const start = new Date('2026-06-01T00:00:00Z')
const end = new Date('2026-06-08T00:00:00Z')
const at = (iso: string) => new Date(iso)
const product = { price: 5000, discountPercent: 20, discountStartsAt: start, discountEndsAt: end }

describe('discount window', () => {
  test('starts exactly at its start and ends exactly at its end', () => {
    expect(isDiscountActive(product, at('2026-05-31T23:59:59.999Z'))).toBe(false)
    expect(isDiscountActive(product, start)).toBe(true)
    expect(isDiscountActive(product, at('2026-06-07T23:59:59.999Z'))).toBe(true)
    expect(isDiscountActive(product, end)).toBe(false)
  })

  test('open bounds and missing percentages', () => {
    expect(
      isDiscountActive({ discountPercent: 10, discountStartsAt: null, discountEndsAt: null }),
    ).toBe(true)
    expect(
      isDiscountActive(
        { discountPercent: 10, discountStartsAt: null, discountEndsAt: end },
        at('2020-01-01T00:00:00Z'),
      ),
    ).toBe(true)
    expect(
      isDiscountActive(
        { discountPercent: 10, discountStartsAt: start, discountEndsAt: null },
        at('2099-01-01T00:00:00Z'),
      ),
    ).toBe(true)
    expect(
      isDiscountActive({ discountPercent: null, discountStartsAt: null, discountEndsAt: null }),
    ).toBe(false)
    expect(
      isDiscountActive({ discountPercent: 0, discountStartsAt: null, discountEndsAt: null }),
    ).toBe(false)
  })

  test('accepts dates serialised as strings (loader data)', () => {
    const serialised = {
      discountPercent: 20,
      discountStartsAt: start.toISOString(),
      discountEndsAt: end.toISOString(),
    }
    expect(isDiscountActive(serialised, start)).toBe(true)
    expect(isDiscountActive(serialised, end)).toBe(false)
  })
})

describe('quotes', () => {
  test('the variant override wins over the base price, and the discount applies to it', () => {
    expect(quote(product, { price: 7999 }, start)).toEqual({
      regular: 7999,
      effective: 6399,
      onSale: true,
      percentOff: 20,
    })
    expect(quote(product, { price: null }, end)).toEqual({
      regular: 5000,
      effective: 5000,
      onSale: false,
      percentOff: null,
    })
    expect(quote({ ...product, price: null }, { price: null }, start)).toBeNull()
  })

  test('rounds to the nearest minor unit', () => {
    expect(applyDiscount(999, 15)).toBe(849) // 849.15
    expect(applyDiscount(1001, 50)).toBe(501) // 500.5 rounds half up
  })

  test('the lowest quote is the cheapest effective price among variants', () => {
    expect(
      lowestQuote(product, [{ price: 9000 }, { price: null }, { price: 6000 }], start),
    ).toMatchObject({ regular: 5000, effective: 4000 })
    expect(lowestQuote({ ...product, price: null }, [{ price: null }])).toBeNull()
  })

  test('the next price change is the next bound still ahead', () => {
    expect(nextPriceChange(product, at('2026-05-01T00:00:00Z'))).toEqual(start)
    expect(nextPriceChange(product, start)).toEqual(end)
    expect(nextPriceChange(product, end)).toBeNull()
    expect(nextPriceChange({ ...product, discountPercent: null })).toBeNull()
  })
})

describe('money', () => {
  test('formats in the currency with its own minor unit', () => {
    expect(formatMoney(129999, 'USD')).toBe('$1,299.99')
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500')
    expect(minorUnitFactor('KWD')).toBe(1000)
  })

  test('parses what sellers type, refusing nonsense and extra decimals', () => {
    expect(parseMoney('19.99', 'USD')).toBe(1999)
    expect(parseMoney(' 1,299.5 ', 'USD')).toBe(129950)
    expect(parseMoney('20', 'USD')).toBe(2000)
    expect(parseMoney('19.999', 'USD')).toBeNull()
    expect(parseMoney('-5', 'USD')).toBeNull()
    expect(parseMoney('abc', 'USD')).toBeNull()
    expect(parseMoney('1500', 'JPY')).toBe(1500)
    expect(parseMoney('15.5', 'JPY')).toBeNull()
  })
})

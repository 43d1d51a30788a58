// Prices as sellers type and read them in forms, in the unit shoppers see: the store's currency
// (dollars and cents as "49.90"), or Toman when an IRR store shows Toman (rials ÷ 10). In either
// language and in any digits: "۱۲۰٬۰۰۰", "120,000" and "١٢٠٠٠٠" are the same amount. Prices are
// stored as integers in the currency's minor unit (app/utils/money.ts).
import { toAsciiDigits, type PriceDisplay } from './format.ts'
import { INTL_LOCALE, type Locale } from './locales.ts'
import { minorUnitFactor } from '~/utils/money.ts'

export type MoneyInputUnit = {
  /** Minor units per unit typed: 100 cents a dollar, 10 rials a Toman, 1 yen a yen. */
  factor: number
  /** Decimals a typed amount may have, so that every stored amount can be typed exactly. */
  fractionDigits: number
  /** Decimals always shown: "49.90" for dollars; none for Toman ("۱۲۰٬۰۰۰", or "۱۲۰٬۰۰۰٫۵" for 1,200,005 rials). */
  minimumFractionDigits: number
}

export function moneyInputUnit(currency: string, priceDisplay: PriceDisplay): MoneyInputUnit {
  if (currency === 'IRR' && priceDisplay === 'toman')
    return { factor: 10, fractionDigits: 1, minimumFractionDigits: 0 }
  const factor = minorUnitFactor(currency)
  const digits = Math.round(Math.log10(factor))
  return { factor, fractionDigits: digits, minimumFractionDigits: digits }
}

// Grouping marks a person may type: the ASCII comma (also what "٬" becomes), the Arabic comma,
// and spaces of any width; direction marks are dropped.
const IGNORED = /[\s\u00a0\u202f\u2009\u200e\u200f\u061c]/g
// Either no grouping at all, or groups of exactly three digits: "12,50" is refused rather than
// read as 1250, since some people write it for twelve and a half.
const AMOUNT = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/

/** What a seller typed, in minor units; null when it is not an amount in this unit. */
export function parseMoneyInput(text: string, unit: MoneyInputUnit): number | null {
  const cleaned = toAsciiDigits(text).replace(/،/g, ',').replace(IGNORED, '')
  const match = AMOUNT.exec(cleaned)
  if (!match) return null
  const whole = match[1]!.replace(/,/g, '')
  const fraction = match[2] ?? ''
  if (fraction.length > unit.fractionDigits) return null
  // Digits, not floating point: "0.29" is 29 cents exactly.
  const minor = Number(whole) * unit.factor + Number(fraction.padEnd(unit.fractionDigits, '0') || 0)
  return Number.isSafeInteger(minor) ? minor : null
}

const formats = new Map<string, Intl.NumberFormat>()

/** Minor units as a seller reads them back in a form: "1,299.50", "۱۲۰٬۰۰۰". */
export function formatMoneyInput(minor: number, unit: MoneyInputUnit, locale: Locale): string {
  const key = `${locale}:${unit.minimumFractionDigits}:${unit.fractionDigits}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: unit.minimumFractionDigits,
      maximumFractionDigits: unit.fractionDigits,
    })
    formats.set(key, format)
  }
  return format.format(minor / unit.factor)
}

/** A whole number (stock, a percentage) as a form shows it: "12" or "۱۲", without grouping. */
export function formatWholeInput(value: number, locale: Locale): string {
  return locale === 'fa'
    ? value.toLocaleString(INTL_LOCALE.fa, { useGrouping: false })
    : String(value)
}

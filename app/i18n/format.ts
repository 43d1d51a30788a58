// One place that turns numbers, money and dates into text, the same on the server and in the
// browser. In Persian: Persian digits and separators, Solar Hijri dates, Toman when the store
// sells in rials and shows Toman. Dates are shown in the store's time zone, so the server and
// every browser render the same text (no hydration mismatch).
import { INTL_LOCALE, type Locale } from './locales.ts'

export type PriceDisplay = 'currency' | 'toman'

export type FormatSettings = {
  locale: Locale
  /** ISO 4217 code of the store's currency; amounts are integers in its minor unit. */
  currency: string
  timeZone: string
  /** `toman` shows IRR amounts divided by ten and labelled Toman. */
  priceDisplay: PriceDisplay
}

const cache = new Map<string, Formatter>()

/** Formatting functions for one language and store; built once per setting and reused. */
export function createFormatter(settings: FormatSettings): Formatter {
  const key = `${settings.locale}|${settings.currency}|${settings.timeZone}|${settings.priceDisplay}`
  let formatter = cache.get(key)
  if (!formatter) {
    formatter = buildFormatter(settings)
    cache.set(key, formatter)
  }
  return formatter
}

export type Formatter = ReturnType<typeof buildFormatter>

/** A value made the first time it is asked for, then kept. */
function once<T>(make: () => T) {
  let value: T | undefined
  return () => (value ??= make())
}

function buildFormatter({ locale, currency, timeZone, priceDisplay }: FormatSettings) {
  const tag = INTL_LOCALE[locale]
  const toman = currency === 'IRR' && priceDisplay === 'toman'
  const moneyFormat = toman
    ? new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })
    : new Intl.NumberFormat(tag, { style: 'currency', currency })
  const fractionDigits = toman ? 0 : (moneyFormat.resolvedOptions().maximumFractionDigits ?? 2)
  /** Minor units per unit shown: 10 rials make a Toman, 100 cents a dollar. */
  const factor = toman ? 10 : 10 ** fractionDigits
  // The others are made on first use: making one costs a browser milliseconds during hydration
  // (in Chromium a DateTimeFormat about 4 ms, a RelativeTimeFormat up to 12 ms), and most pages
  // use one or two.
  const numberFormat = once(() => new Intl.NumberFormat(tag))
  const yearFormat = once(() => new Intl.NumberFormat(tag, { useGrouping: false }))
  const decimalFormat = once(
    () => new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  )
  const percentFormat = once(
    () => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }),
  )
  const smallPercentFormat = once(
    () => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }),
  )
  const dateFormat = once(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone }))
  const dateTimeFormat = once(
    () => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  )
  const relativeFormat = once(() => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }))
  const tomanLabel = locale === 'fa' ? 'تومان' : 'Toman'

  return {
    locale,
    /** The unit prices are typed and shown in: 10 for Toman over rials, else the minor unit factor. */
    factor,
    fractionDigits,
    /** "$12.50", "‎$۱۲٫۵۰", "۱۲۳٬۴۵۰ تومان" */
    money(minor: number) {
      if (!toman) return moneyFormat.format(minor / factor)
      const amount = moneyFormat.format(Math.round(minor / factor))
      return `${amount} ${tomanLabel}`
    },
    /** "1,234" or "۱٬۲۳۴" */
    number(value: number) {
      return numberFormat().format(value)
    },
    /** One decimal, always shown: an average rating of 4 is "4.0" or "۴٫۰". */
    decimal(value: number) {
      return decimalFormat().format(value)
    },
    /** A year without grouping: "2026" or "۲۰۲۶", never "2,026". */
    year(value: number) {
      return yearFormat().format(value)
    },
    /** 0.15 → "15%" or "۱۵٪" */
    percent(ratio: number) {
      return percentFormat().format(ratio)
    },
    /** A rate that is often small: 0.0047 → "0.5%" (not "0%"), 0.15 → "15%". */
    rate(ratio: number) {
      return (ratio > 0 && ratio < 0.1 ? smallPercentFormat() : percentFormat()).format(ratio)
    },
    /** "Dec 5, 2026" or "۱۴ آذر ۱۴۰۵" */
    date(value: Date | string | number) {
      return dateFormat().format(new Date(value))
    },
    /** "Dec 5, 2026, 1:30 PM" or its Solar Hijri twin */
    dateTime(value: Date | string | number) {
      return dateTimeFormat().format(new Date(value))
    },
    /** "3 days ago", "۳ روز پیش"; `now` is passed in so server and browser agree. */
    relative(value: Date | string | number, now: Date | string | number) {
      const seconds = (new Date(value).getTime() - new Date(now).getTime()) / 1000
      const steps: [Intl.RelativeTimeFormatUnit, number][] = [
        ['year', 31_536_000],
        ['month', 2_592_000],
        ['week', 604_800],
        ['day', 86_400],
        ['hour', 3_600],
        ['minute', 60],
      ]
      for (const [unit, size] of steps) {
        if (Math.abs(seconds) >= size)
          return relativeFormat().format(Math.round(seconds / size), unit)
      }
      return relativeFormat().format(Math.round(seconds), 'second')
    },
  }
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹'
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩'

/** ASCII digits as the reader writes them: Persian digits in Persian ("1234" → "۱۲۳۴"). */
export function localDigits(input: string, locale: Locale) {
  if (locale !== 'fa') return input
  return input.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]!)
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits, and their separators, to ASCII: "۱۲٬۵۰۰٫۵" → "12,500.5". */
export function toAsciiDigits(input: string) {
  return input.replace(/[۰-۹٠-٩٬٫]/g, (char) => {
    if (char === '٬') return ','
    if (char === '٫') return '.'
    const persian = PERSIAN_DIGITS.indexOf(char)
    return String(persian >= 0 ? persian : ARABIC_DIGITS.indexOf(char))
  })
}

/**
 * What a person typed in a numeric field, ready to parse: ASCII digits, no grouping separators
 * ("," "٬" "،") or direction marks, "." for decimals. "۱۲٬۵۰۰" → "12500", "٣٫٥" → "3.5".
 */
export function normaliseNumberInput(input: string) {
  return toAsciiDigits(input)
    .replace(/[,،\s\u200e\u200f\u061c]/g, '')
    .trim()
}

/** A zod preprocess step for numeric form fields: `z.preprocess(numberInput, z.number())`. */
export function numberInput(value: unknown) {
  return typeof value === 'string' ? normaliseNumberInput(value) : value
}

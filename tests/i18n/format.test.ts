import { describe, expect, test } from 'vitest'
import { createFormatter, normaliseNumberInput, toAsciiDigits } from '~/i18n/format.ts'
import { i18nFor } from '~/i18n/i18n.server.ts'

// The one formatting module (app/i18n/format.ts): Persian digits and separators, Toman over
// rials, Solar Hijri dates in the store's time zone, and the plural forms of both languages.

const TEHRAN = 'Asia/Tehran'
const faToman = createFormatter({
  locale: 'fa',
  currency: 'IRR',
  timeZone: TEHRAN,
  priceDisplay: 'toman',
})
const enToman = createFormatter({
  locale: 'en',
  currency: 'IRR',
  timeZone: TEHRAN,
  priceDisplay: 'toman',
})
const enUsd = createFormatter({
  locale: 'en',
  currency: 'USD',
  timeZone: 'UTC',
  priceDisplay: 'currency',
})
const faUsd = createFormatter({
  locale: 'fa',
  currency: 'USD',
  timeZone: 'UTC',
  priceDisplay: 'currency',
})

describe('numbers', () => {
  test('Persian digits and separators in fa, ASCII in en', () => {
    expect(faToman.number(1_234_567)).toBe('۱٬۲۳۴٬۵۶۷')
    expect(faToman.number(0)).toBe('۰')
    expect(enToman.number(1_234_567)).toBe('1,234,567')
    expect(faToman.percent(0.15)).toBe('۱۵٪')
    // A small rate keeps a decimal instead of rounding to nothing.
    expect(enToman.rate(0.0047)).toBe('0.5%')
    expect(faToman.rate(0.0047)).toBe('۰٫۵٪')
    expect(enToman.rate(0.15)).toBe('15%')
    expect(enToman.rate(0)).toBe('0%')
    expect(faToman.year(2026)).toBe('۲۰۲۶')
    expect(enToman.year(2026)).toBe('2026')
  })

  test('Persian and Arabic-Indic digits come back to ASCII', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789')
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789')
    expect(normaliseNumberInput('۱۲٬۵۰۰')).toBe('12500')
    expect(normaliseNumberInput('٣٫٥')).toBe('3.5')
    expect(normaliseNumberInput('\u200e۱۲۳ ۴۵۶')).toBe('123456')
  })
})

describe('money', () => {
  test('rials shown as Toman: divided by ten, labelled in the page’s language', () => {
    expect(faToman.money(1_234_500)).toBe('۱۲۳٬۴۵۰ تومان')
    expect(enToman.money(1_234_500)).toBe('123,450 Toman')
    expect(faToman.factor).toBe(10)
    expect(faToman.fractionDigits).toBe(0)
  })

  test('Toman rounds half a Toman up, and never shows a fraction', () => {
    expect(faToman.money(14)).toBe('۱ تومان')
    expect(faToman.money(15)).toBe('۲ تومان')
    expect(faToman.money(25)).toBe('۳ تومان')
    expect(faToman.money(4)).toBe('۰ تومان')
    expect(enToman.money(99_999)).toBe('10,000 Toman')
  })

  test('rials without the Toman display stay rials', () => {
    const rials = createFormatter({
      locale: 'en',
      currency: 'IRR',
      timeZone: TEHRAN,
      priceDisplay: 'currency',
    })
    expect(rials.factor).toBe(1)
    expect(rials.money(1_234_500)).toMatch(/^IRR\s1,234,500$/)
  })

  test('dollars: cents in en, Persian digits with the symbol kept left-to-right in fa', () => {
    expect(enUsd.money(1250)).toBe('$12.50')
    expect(faUsd.money(1250)).toBe('\u200e$۱۲٫۵۰')
    expect(enUsd.factor).toBe(100)
  })

  test('round trip: an amount shown (or typed back in either script) parses to the same minor units', () => {
    for (const f of [faToman, enToman, faUsd, enUsd]) {
      for (const minor of [0, 10, 1_230, 99_990, 1_234_500, 987_654_320]) {
        // What a price field shows and accepts: the amount in the unit shown.
        const shown = f.number(minor / f.factor)
        const parsed = Math.round(Number(normaliseNumberInput(shown)) * f.factor)
        expect(parsed, `${f.locale} ${shown}`).toBe(minor)
        // The money text holds the same number, whatever its label.
        const digits = normaliseNumberInput(f.money(minor)).replace(/[^0-9.]/g, '')
        expect(Math.round(Number(digits) * f.factor)).toBe(minor)
      }
    }
  })
})

describe('dates in the store’s time zone', () => {
  test('Solar Hijri in fa: Nowruz begins at midnight in Tehran, not in UTC', () => {
    // 20:29 UTC on 20 March 2026 is 23:59 in Tehran, the last minute of 1404.
    expect(faToman.date('2026-03-20T20:29:00Z')).toBe('۲۹ اسفند ۱۴۰۴')
    expect(faToman.date('2026-03-20T20:31:00Z')).toBe('۱ فروردین ۱۴۰۵')
    expect(enToman.date('2026-03-20T20:31:00Z')).toBe('Mar 21, 2026')
  })

  test('date and time, and relative times, in Persian', () => {
    expect(faToman.dateTime('2026-12-05T21:00:00Z')).toBe('۱۵ آذر ۱۴۰۵، ۰:۳۰')
    expect(enToman.dateTime('2026-12-05T21:00:00Z')).toBe('Dec 6, 2026, 12:30 AM')
    const now = '2026-12-05T12:00:00Z'
    expect(faToman.relative('2026-12-02T12:00:00Z', now)).toBe('۳ روز پیش')
    expect(enToman.relative('2026-12-02T12:00:00Z', now)).toBe('3 days ago')
    expect(faToman.relative('2026-12-05T11:59:30Z', now)).toBe('۳۰ ثانیه پیش')
  })

  test('the same instant is the same text whatever the process’s own time zone', () => {
    const before = process.env.TZ
    try {
      process.env.TZ = 'America/Los_Angeles'
      const fresh = createFormatter({
        locale: 'fa',
        currency: 'IRR',
        timeZone: TEHRAN,
        priceDisplay: 'toman',
      })
      expect(fresh.date('2026-03-20T20:31:00Z')).toBe('۱ فروردین ۱۴۰۵')
    } finally {
      process.env.TZ = before
    }
  })
})

describe('plural forms through the catalogues', () => {
  test('English has one and other; Persian counts with Persian digits and one form for nouns', () => {
    const en = i18nFor('en').getFixedT('en', 'cart')
    const fa = i18nFor('fa').getFixedT('fa', 'cart')
    expect(en('itemCount', { count: 1 })).toBe('1 item')
    expect(en('itemCount', { count: 3 })).toBe('3 items')
    expect(en('itemCount', { count: 1200 })).toBe('1,200 items')
    expect(fa('itemCount', { count: 1 })).toBe('۱ کالا')
    expect(fa('itemCount', { count: 3 })).toBe('۳ کالا')
    expect(fa('itemCount', { count: 1200 })).toBe('۱٬۲۰۰ کالا')
  })

  test('the plural categories i18next picks are CLDR’s for each language', () => {
    expect(new Intl.PluralRules('fa-IR').select(0)).toBe('one')
    expect(new Intl.PluralRules('fa-IR').select(2)).toBe('other')
    expect(new Intl.PluralRules('en-US').select(0)).toBe('other')
    const en = i18nFor('en').getFixedT('en', 'cart')
    expect(en('errors.not-enough-in-cart', { available: '3', count: 1 })).toBe(
      'Only 3 left, and 1 is already in your cart.',
    )
    expect(en('errors.not-enough-in-cart', { available: '3', count: 2 })).toBe(
      'Only 3 left, and 2 are already in your cart.',
    )
  })
})

import { describe, expect, test } from 'vitest'
import { createFormatter } from '~/i18n/format.ts'

// Relative times ("3 days ago") and one-decimal numbers (an average rating) in both languages,
// counted from a `now` passed in, so the server and the browser print the same words.

const store = { currency: 'USD', timeZone: 'Asia/Tehran', priceDisplay: 'currency' } as const
const en = createFormatter({ locale: 'en', ...store })
const fa = createFormatter({ locale: 'fa', ...store })
const now = new Date('2026-12-06T12:00:00Z')
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000)

describe('relative times', () => {
  test('pick the largest whole unit, in the past and the future', () => {
    expect(en.relative(ago(3 * 86_400), now)).toBe('3 days ago')
    expect(en.relative(ago(86_400), now)).toBe('yesterday')
    expect(en.relative(ago(2 * 3_600), now)).toBe('2 hours ago')
    expect(en.relative(ago(5 * 60), now)).toBe('5 minutes ago')
    expect(en.relative(ago(14 * 86_400), now)).toBe('2 weeks ago')
    expect(en.relative(ago(400 * 86_400), now)).toBe('last year')
    expect(en.relative(ago(-2 * 86_400), now)).toBe('in 2 days')
    expect(en.relative(now, now)).toBe('now')
  })

  test('in Persian words and Persian digits, never Latin ones', () => {
    expect(fa.relative(ago(3 * 86_400), now)).toBe('۳ روز پیش')
    expect(fa.relative(ago(86_400), now)).toBe('دیروز')
    expect(fa.relative(ago(2 * 3_600), now)).toBe('۲ ساعت پیش')
    expect(fa.relative(ago(14 * 86_400), now)).toBe('۲ هفته پیش')
    expect(fa.relative(ago(-3 * 86_400), now)).toBe('۳ روز دیگر')
    for (const seconds of [30, 600, 7_200, 200_000, 3_000_000, 40_000_000])
      expect(fa.relative(ago(seconds), now)).not.toMatch(/[0-9]/)
  })

  test('take dates as Date, ISO text or milliseconds alike', () => {
    const then = ago(3 * 86_400)
    expect(fa.relative(then.toISOString(), now.toISOString())).toBe(fa.relative(then, now))
    expect(en.relative(then.getTime(), now.getTime())).toBe('3 days ago')
  })
})

describe('one decimal', () => {
  test('always shows it, in the page’s digits and decimal separator', () => {
    expect(en.decimal(4)).toBe('4.0')
    expect(en.decimal(4.25)).toBe('4.3')
    expect(fa.decimal(4)).toBe('۴٫۰')
    expect(fa.decimal(3.5)).toBe('۳٫۵')
  })
})

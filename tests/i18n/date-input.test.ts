import { describe, expect, test } from 'vitest'
import {
  formatDateInput,
  formatDateTimeInput,
  parseDateTimeInput,
  typedToGregorianLocal,
} from '~/i18n/date-input.ts'

describe('date-times typed in either calendar', () => {
  test('a Solar Hijri date in any digits reads as the Gregorian day it names', () => {
    // Nowruz 1405 is 21 March 2026, the last day of 1404 (Esfand 29) the day before; 1403 was a
    // leap year, its Esfand 30 was 20 March 2025.
    expect(typedToGregorianLocal('۱۴۰۵/۰۱/۰۱ ۰۹:۳۰')).toBe('2026-03-21T09:30')
    expect(typedToGregorianLocal('١٤٠٤/١٢/٢٩ ٢٣:٥٩')).toBe('2026-03-20T23:59')
    expect(typedToGregorianLocal('۱۴۰۳/۱۲/۳۰')).toBe('2025-03-20T00:00')
    expect(typedToGregorianLocal('1405/1/1')).toBe('2026-03-21T00:00')
    expect(typedToGregorianLocal('\u200f۱۴۰۵-۰۷-۰۱ ۸:۰۵')).toBe('2026-09-23T08:05')
  })

  test('a Gregorian date-time from the browser picker passes unchanged', () => {
    expect(typedToGregorianLocal('2026-12-01T09:30')).toBe('2026-12-01T09:30')
    expect(typedToGregorianLocal('2026/12/01 09:30')).toBe('2026-12-01T09:30')
  })

  test('what is not a date is refused, not guessed', () => {
    for (const typed of [
      '',
      'tomorrow',
      '۱۴۰۴/۱۲/۳۰', // 1404 is not a leap year: its Esfand has 29 days
      '۱۴۰۵/۱۳/۰۱',
      '۱۴۰۵/۰۱/۰۱ ۲۴:۰۰',
      '۱۴۰۵/۰۱/۰۱ ۰۹:۶۰',
      '14050101',
    ])
      expect(typedToGregorianLocal(typed), typed).toBeNull()
    expect(parseDateTimeInput('2026-02-31T10:00', 'Asia/Tehran')).toBeNull()
  })

  test("the instant is read on the store's clock", () => {
    expect(parseDateTimeInput('۱۴۰۵/۰۱/۰۱ ۰۹:۳۰', 'Asia/Tehran')?.toISOString()).toBe(
      '2026-03-21T06:00:00.000Z',
    )
    expect(parseDateTimeInput('2026-12-01T09:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-12-01T08:30:00.000Z',
    )
  })

  test('a saved schedule shows in the Solar Hijri calendar and Persian digits on a Persian page', () => {
    expect(formatDateTimeInput('2026-03-21T09:30', 'fa')).toBe('۱۴۰۵/۰۱/۰۱ ۰۹:۳۰')
    expect(formatDateTimeInput('2026-03-21T09:30', 'en')).toBe('2026-03-21T09:30')
    expect(formatDateTimeInput('', 'fa')).toBe('')
    // And reads back as what it was.
    expect(typedToGregorianLocal(formatDateTimeInput('2027-01-15T18:45', 'fa'))).toBe(
      '2027-01-15T18:45',
    )
  })

  test("a date field's value: the browser picker's yyyy-MM-dd, or Solar Hijri text on a Persian page", () => {
    expect(formatDateInput('2026-03-21', 'en')).toBe('2026-03-21')
    expect(formatDateInput('2026-03-21', 'fa')).toBe('۱۴۰۵/۰۱/۰۱')
  })
})

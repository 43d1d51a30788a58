import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js'
import { zonedLocalToUtc } from '~/utils/zoned-time.ts'
import { localDigits, toAsciiDigits } from './format.ts'
import type { Locale } from './locales.ts'

// Date-times sellers type (discount schedules), in either calendar. English pages use the
// browser's date-time picker, which sends `2026-03-21T09:30`; Persian pages take a Solar Hijri
// date as Iranians write it, `۱۴۰۵/۰۱/۰۱ ۹:۳۰`, in any digits. Both read on the store's wall
// clock. A year below 1700 can only be Solar Hijri, so the parser needs no hint of the page.

const TYPED = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[T\s،,]+(\d{1,2}):(\d{2}))?$/

const pad = (value: number) => String(value).padStart(2, '0')

/** Whether a page in this language types dates in the Solar Hijri calendar, as text. */
export function typesSolarHijri(locale: Locale) {
  return locale === 'fa'
}

/**
 * What was typed, as `YYYY-MM-DDTHH:mm` in the Gregorian calendar (a datetime-local value), or
 * null when it is not a date: "۱۴۰۵/۰۱/۰۱ ۰۹:۳۰" → "2026-03-21T09:30". No time means midnight.
 */
export function typedToGregorianLocal(typed: string): string | null {
  const match = TYPED.exec(
    toAsciiDigits(typed)
      .replace(/[\u200e\u200f\u061c]/g, '')
      .trim(),
  )
  if (!match) return null
  const [year, month, day, hour = 0, minute = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[]
  if (hour! > 23 || minute! > 59) return null
  let date = { year: year!, month: month!, day: day! }
  if (year! < 1700) {
    if (!isValidJalaaliDate(year!, month!, day!)) return null
    const { gy, gm, gd } = toGregorian(year!, month!, day!)
    date = { year: gy, month: gm, day: gd }
  }
  return `${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(hour!)}:${pad(minute!)}`
}

/** The instant a typed date-time names on the store's clock; null when it is not one. */
export function parseDateTimeInput(typed: string, timeZone: string): Date | null {
  const local = typedToGregorianLocal(typed)
  return local ? zonedLocalToUtc(local, timeZone) : null
}

/**
 * A datetime-local value (`2026-03-21T09:30`) as the page's field shows it: unchanged for the
 * browser's picker, `۱۴۰۵/۰۱/۰۱ ۰۹:۳۰` on a Persian page.
 */
export function formatDateTimeInput(local: string, locale: Locale): string {
  if (!local || !typesSolarHijri(locale)) return local
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local)
  if (!match) return local
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number]
  const { jy, jm, jd } = toJalaali(year, month, day)
  return localDigits(`${jy}/${pad(jm)}/${pad(jd)} ${match[4]}:${match[5]}`, locale)
}

/** A date (`2026-03-21`) as the page's date field shows it: unchanged, or `۱۴۰۵/۰۱/۰۱` in Persian. */
export function formatDateInput(isoDate: string, locale: Locale): string {
  if (!typesSolarHijri(locale)) return isoDate
  return formatDateTimeInput(`${isoDate}T00:00`, locale).replace(/\s.*$/, '')
}

/** What was typed in a date field, as `YYYY-MM-DD` (Gregorian), in either calendar; or null. */
export function parseDateInput(typed: string): string | null {
  const local = typedToGregorianLocal(typed)
  if (!local) return null
  const isoDate = local.slice(0, 10)
  // 2026-02-31 matches the pattern but is no day: it must survive a round trip through Date.
  return new Date(`${isoDate}T00:00:00Z`).toISOString().startsWith(isoDate) ? isoDate : null
}

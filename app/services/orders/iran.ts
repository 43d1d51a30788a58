import type { Locale } from '~/i18n/locales.ts'
import { toAsciiDigits } from '~/i18n/format.ts'

// The Iranian address format: one of the 31 provinces (stored by a stable id, named in either
// language), a 10-digit postal code and a mobile number starting 09. Shared with the browser.

/** [id, English name, Persian name], in Persian alphabetical order. */
export const IRAN_PROVINCES = [
  ['east-azerbaijan', 'East Azerbaijan', 'آذربایجان شرقی'],
  ['west-azerbaijan', 'West Azerbaijan', 'آذربایجان غربی'],
  ['ardabil', 'Ardabil', 'اردبیل'],
  ['isfahan', 'Isfahan', 'اصفهان'],
  ['alborz', 'Alborz', 'البرز'],
  ['ilam', 'Ilam', 'ایلام'],
  ['bushehr', 'Bushehr', 'بوشهر'],
  ['tehran', 'Tehran', 'تهران'],
  ['chaharmahal-bakhtiari', 'Chaharmahal and Bakhtiari', 'چهارمحال و بختیاری'],
  ['south-khorasan', 'South Khorasan', 'خراسان جنوبی'],
  ['razavi-khorasan', 'Razavi Khorasan', 'خراسان رضوی'],
  ['north-khorasan', 'North Khorasan', 'خراسان شمالی'],
  ['khuzestan', 'Khuzestan', 'خوزستان'],
  ['zanjan', 'Zanjan', 'زنجان'],
  ['semnan', 'Semnan', 'سمنان'],
  ['sistan-baluchestan', 'Sistan and Baluchestan', 'سیستان و بلوچستان'],
  ['fars', 'Fars', 'فارس'],
  ['qazvin', 'Qazvin', 'قزوین'],
  ['qom', 'Qom', 'قم'],
  ['kurdistan', 'Kurdistan', 'کردستان'],
  ['kerman', 'Kerman', 'کرمان'],
  ['kermanshah', 'Kermanshah', 'کرمانشاه'],
  ['kohgiluyeh-boyer-ahmad', 'Kohgiluyeh and Boyer-Ahmad', 'کهگیلویه و بویراحمد'],
  ['golestan', 'Golestan', 'گلستان'],
  ['gilan', 'Gilan', 'گیلان'],
  ['lorestan', 'Lorestan', 'لرستان'],
  ['mazandaran', 'Mazandaran', 'مازندران'],
  ['markazi', 'Markazi', 'مرکزی'],
  ['hormozgan', 'Hormozgan', 'هرمزگان'],
  ['hamadan', 'Hamadan', 'همدان'],
  ['yazd', 'Yazd', 'یزد'],
] as const

/** Provinces as [id, name] in a language, in that language's alphabetical order. */
export function provinceOptions(locale: Locale): Array<[id: string, name: string]> {
  const options = IRAN_PROVINCES.map(([id, en, fa]): [string, string] => [
    id,
    locale === 'fa' ? fa : en,
  ])
  return locale === 'fa' ? options : options.sort((a, b) => (a[1] < b[1] ? -1 : 1))
}

export function provinceName(id: string, locale: Locale) {
  const province = IRAN_PROVINCES.find((row) => row[0] === id)
  if (!province) return id
  return locale === 'fa' ? province[2] : province[1]
}

/** Folds the ways people type a name (Arabic yeh and kaf, spaces, ZWNJ, "استان", case) together. */
function fold(text: string) {
  return text
    .toLowerCase()
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/^(استان|province of)\s*|\s*(province|استان)$/g, '')
    .replace(/\s+(and|&|و)\s+/g, ' ')
    .replace(/[\s\u200c\-_.]+/g, '')
}

/** A province's id from its id or its name in either language, as typed; null when none matches. */
export function findProvince(input: string): string | null {
  const folded = fold(input.trim())
  if (!folded) return null
  const match = IRAN_PROVINCES.find(
    ([id, en, fa]) => fold(id) === folded || fold(en) === folded || fold(fa) === folded,
  )
  return match?.[0] ?? null
}

/** "۱۲۳۴۵-۶۷۸۹۰" → "1234567890"; null unless ten digits. */
export function normaliseIranPostalCode(input: string): string | null {
  const digits = toAsciiDigits(input).replace(/[\s-]/g, '')
  return /^\d{10}$/.test(digits) ? digits : null
}

/** "۰۹۱۲ ۳۴۵ ۶۷۸۹", "+98 912 345 6789", "00989123456789" → "09123456789"; null unless a mobile number. */
export function normaliseIranMobile(input: string): string | null {
  let digits = toAsciiDigits(input).replace(/[\s()./-]/g, '')
  if (digits.startsWith('+98')) digits = `0${digits.slice(3)}`
  else if (digits.startsWith('0098')) digits = `0${digits.slice(4)}`
  return /^09\d{9}$/.test(digits) ? digits : null
}

import { describe, expect, test } from 'vitest'
import {
  formatMoneyInput,
  formatWholeInput,
  moneyInputUnit,
  parseMoneyInput,
} from '~/i18n/money-input.ts'
import { MAX_PRICE } from '~/services/catalog/schemas.ts'

const TOMAN = moneyInputUnit('IRR', 'toman')
const DOLLARS = moneyInputUnit('USD', 'currency')
const UNITS = {
  'IRR in Toman': TOMAN,
  'IRR in rials': moneyInputUnit('IRR', 'currency'),
  USD: DOLLARS,
  EUR: moneyInputUnit('EUR', 'toman'),
  JPY: moneyInputUnit('JPY', 'currency'),
  KWD: moneyInputUnit('KWD', 'currency'),
}

describe('money inputs', () => {
  test('the unit typed is the unit shoppers see', () => {
    expect(TOMAN).toMatchObject({ factor: 10 })
    expect(UNITS['IRR in rials']).toMatchObject({ factor: 1, fractionDigits: 0 })
    expect(DOLLARS).toMatchObject({ factor: 100, fractionDigits: 2 })
    // `toman` only changes an IRR store.
    expect(UNITS.EUR).toEqual(DOLLARS)
    expect(UNITS.KWD).toMatchObject({ factor: 1000, fractionDigits: 3 })
  })

  test('every amount reads back as itself, in both languages and every unit', () => {
    const amounts: number[] = []
    for (let minor = 0; minor <= 20_000; minor++) amounts.push(minor)
    for (let minor = 20_000; minor <= MAX_PRICE; minor += 99_991) amounts.push(minor)
    amounts.push(MAX_PRICE - 1, MAX_PRICE)
    for (const [name, unit] of Object.entries(UNITS)) {
      for (const locale of ['en', 'fa'] as const) {
        const wrong = amounts.filter(
          (minor) => parseMoneyInput(formatMoneyInput(minor, unit, locale), unit) !== minor,
        )
        expect(wrong, `${name} in ${locale}`).toEqual([])
      }
    }
  })

  test('forms show the page’s digits and separators', () => {
    expect(formatMoneyInput(1_200_000, TOMAN, 'fa')).toBe('۱۲۰٬۰۰۰')
    expect(formatMoneyInput(1_200_000, TOMAN, 'en')).toBe('120,000')
    expect(formatMoneyInput(1_200_005, TOMAN, 'fa')).toBe('۱۲۰٬۰۰۰٫۵')
    expect(formatMoneyInput(3990, DOLLARS, 'en')).toBe('39.90')
    expect(formatMoneyInput(3990, DOLLARS, 'fa')).toBe('۳۹٫۹۰')
    expect(formatMoneyInput(123_456_789, DOLLARS, 'en')).toBe('1,234,567.89')
    expect(formatWholeInput(1200, 'fa')).toBe('۱۲۰۰')
    expect(formatWholeInput(1200, 'en')).toBe('1200')
  })

  test('a Persian seller types Toman in Persian, Arabic-Indic or Latin digits, with or without separators', () => {
    for (const typed of [
      '۱۲۰٬۰۰۰',
      '۱۲۰۰۰۰',
      '120,000',
      '120000',
      '١٢٠٬٠٠٠',
      '۱۲۰،۰۰۰',
      ' ۱۲۰ ۰۰۰ ',
      '\u200f۱۲۰٬۰۰۰',
      '120\u00a0000',
    ])
      expect(parseMoneyInput(typed, TOMAN), typed).toBe(1_200_000)
    expect(parseMoneyInput('۴۹٫۹۰', DOLLARS)).toBe(4990)
    expect(parseMoneyInput('1,299.5', DOLLARS)).toBe(129_950)
    expect(parseMoneyInput('0.29', DOLLARS)).toBe(29)
  })

  test('what cannot be read as an amount in the unit is refused, never guessed', () => {
    for (const [typed, unit] of [
      ['', TOMAN],
      ['ten dollars', DOLLARS],
      ['12,50', DOLLARS], // a decimal comma, or a broken group: ambiguous
      ['1,2,3', DOLLARS],
      ['۱۲۰.۰۰۰', TOMAN], // a dot for thousands would be 120 Toman
      ['19.999', DOLLARS],
      ['-5', DOLLARS],
      ['1e5', DOLLARS],
      ['5.', DOLLARS],
      ['.5', DOLLARS],
      ['0x10', DOLLARS],
      ['۱۲۰٬۰۰۰ تومان', TOMAN],
      ['$5', DOLLARS],
      ['9'.repeat(40), DOLLARS],
    ] as const)
      expect(parseMoneyInput(typed, unit), typed).toBeNull()
  })
})

import { z } from 'zod'
import { message } from '~/i18n/validation.ts'

// What shoppers type in the code field: spaces and case do not matter ("summer 10" is SUMMER10).
// Persian and Arabic-Indic digits count as digits.

const toLatinDigits = (text: string) =>
  text
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))

/** What shoppers type, as codes are stored: upper-case Latin digits and letters, no spaces. */
export function normalizeCode(typed: string) {
  return toLatinDigits(typed.normalize('NFKC')).replace(/\s+/g, '').toUpperCase()
}

export const PromoCodeSchema = z
  .string({ error: message('promo.required') })
  .transform(normalizeCode)
  .pipe(
    z
      .string()
      .min(1, { error: message('promo.required') })
      .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, { error: message('promo.format') }),
  )

import { toAsciiDigits } from '~/i18n/format.ts'

// IBANs as sellers type them (with spaces, in Persian digits, lower case): an Iranian bank
// account's Sheba number is an IBAN starting IR with 24 digits. Checked by ISO 13616's mod-97
// checksum and, for the countries listed, its length.

const LENGTHS: Record<string, number> = {
  IR: 26,
  AE: 23,
  AT: 20,
  BE: 16,
  CH: 21,
  DE: 22,
  DK: 18,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  IE: 22,
  IT: 27,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  SE: 24,
  TR: 26,
}

/** " ir06 0170…" → "IR060170…" */
export function normalizeIban(text: string) {
  return toAsciiDigits(text)
    .replace(/[\s\u200e\u200f\u00a0-]/g, '')
    .toUpperCase()
}

/** ISO 13616 mod-97: the IBAN with its first four characters moved to the end, letters as 10–35. */
export function ibanChecksumValid(iban: string) {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55)
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder === 1
}

/** Why `iban` (normalized) is not an account number, or null when it is one. */
export function ibanProblem(iban: string): 'iban-format' | 'iban-length' | 'iban-checksum' | null {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return 'iban-format'
  const length = LENGTHS[iban.slice(0, 2)]
  if (length !== undefined && iban.length !== length) return 'iban-length'
  if (iban.startsWith('IR') && !/^IR\d{24}$/.test(iban)) return 'iban-format'
  return ibanChecksumValid(iban) ? null : 'iban-checksum'
}

/** "IR06 0170 0000 …" for reading. */
export function formatIban(iban: string) {
  return iban.replace(/(.{4})(?=.)/g, '$1 ')
}

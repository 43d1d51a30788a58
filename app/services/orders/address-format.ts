import { localDigits } from '~/i18n/format.ts'
import type { Locale } from '~/i18n/locales.ts'
import { countryName } from './countries.ts'
import { provinceName } from './iran.ts'
import type { AddressInput } from './schemas.ts'

// How an address reads on a page, a label or in an email, in the order the country's post
// expects the town, region and postal code, in the reader's language and digits. Shared with the browser.

/** Countries that write "Town, REGION POSTCODE" on one line. */
const TOWN_REGION_POSTCODE = new Set(['US', 'CA', 'AU', 'NZ', 'PH', 'TW'])
/** Countries that put the town and the postcode on lines of their own. */
const TOWN_THEN_POSTCODE = new Set(['GB', 'IE', 'JE', 'GG', 'IM'])

function localityLines({ city, region, postalCode, country }: AddressInput): string[] {
  if (TOWN_REGION_POSTCODE.has(country))
    return [[[city, region].filter(Boolean).join(', '), postalCode].filter(Boolean).join(' ')]
  if (TOWN_THEN_POSTCODE.has(country)) return [city, region, postalCode]
  return [[postalCode, city].filter(Boolean).join(' '), region]
}

export function addressLines(address: AddressInput, locale: Locale = 'en'): string[] {
  const country = countryName(address.country, locale)
  let lines: string[]
  if (address.country === 'IR') {
    // Iran writes from the largest place down: province, city, street, then the postal code.
    const province = provinceName(address.region, locale)
    lines =
      locale === 'fa'
        ? [address.fullName, `${province}، ${address.city}`, address.line1, address.line2]
        : [address.fullName, address.line1, address.line2, `${address.city}, ${province}`]
    lines.push(address.postalCode, country)
  } else {
    lines = [address.fullName, address.line1, address.line2, ...localityLines(address), country]
  }
  // A Persian reader reads every number in Persian digits: postal code, house and unit numbers.
  return lines.filter((line) => line.trim().length > 0).map((line) => localDigits(line, locale))
}

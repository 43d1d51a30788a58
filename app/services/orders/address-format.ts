import { countryName } from './countries.ts'
import type { AddressInput } from './schemas.ts'

// How an address reads on a page, a label or in an email. Shared with the browser.

export function addressLines(address: AddressInput): string[] {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ')
  return [
    address.fullName,
    address.line1,
    address.line2,
    [cityLine, address.region].filter(Boolean).join(', '),
    countryName(address.country),
  ].filter((line) => line.trim().length > 0)
}

export function addressOneLine(address: AddressInput) {
  return addressLines(address).slice(1).join(', ')
}

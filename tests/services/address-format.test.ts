import { describe, expect, test } from 'vitest'
import { addressLines } from '~/services/orders/address-format.ts'
import { SAMPLE_ADDRESS } from '../support/shop-fixtures.ts'

describe('addresses read the way the post expects', () => {
  test.each([
    [
      { city: 'Portland', region: 'OR', postalCode: '97205', country: 'US' },
      ['Portland, OR 97205', 'United States'],
    ],
    [
      { city: 'Portland', region: '', postalCode: '97205', country: 'US' },
      ['Portland 97205', 'United States'],
    ],
    [
      { city: 'London', region: '', postalCode: 'NW1 6XE', country: 'GB' },
      ['London', 'NW1 6XE', 'United Kingdom'],
    ],
    [
      { city: 'Berlin', region: '', postalCode: '10115', country: 'DE' },
      ['10115 Berlin', 'Germany'],
    ],
  ])('%j', (locality, expected) => {
    expect(addressLines({ ...SAMPLE_ADDRESS, line2: '', ...locality }).slice(2)).toEqual(expected)
  })
})

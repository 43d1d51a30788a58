import { describe, expect, test } from 'vitest'
import { addressLines } from '~/services/orders/address-format.ts'
import { AddressSchema } from '~/services/orders/schemas.ts'
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

describe('Iranian addresses', () => {
  const iranian = {
    fullName: 'سارا احمدی',
    line1: 'خیابان ولیعصر، کوچه ۱۲، پلاک ۴',
    line2: '',
    city: 'تهران',
    region: 'تهران',
    postalCode: '۱۴۳۶۶-۷۸۹۱۲',
    country: 'ir',
    phone: '۰۹۱۲ ۳۴۵ ۶۷۸۹',
  }

  test('Persian digits, a province typed in either language and +98 are accepted and stored plainly', () => {
    expect(AddressSchema.parse(iranian)).toMatchObject({
      country: 'IR',
      region: 'tehran',
      postalCode: '1436678912',
      phone: '09123456789',
    })
    expect(
      AddressSchema.parse({ ...iranian, region: 'Razavi  Khorasan', phone: '+98 912 345 6789' }),
    ).toMatchObject({ region: 'razavi-khorasan', phone: '09123456789' })
    expect(AddressSchema.parse({ ...iranian, region: 'كرمانشاه' }).region).toBe('kermanshah')
  })

  test('a wrong province, postal code or mobile number is refused at its field', () => {
    const result = AddressSchema.safeParse({
      ...iranian,
      region: 'Atlantis',
      postalCode: '12345',
      phone: '021 1234 5678',
    })
    expect(result.success).toBe(false)
    const issues = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    )
    expect(issues).toEqual({
      region: 'validation:address.province',
      postalCode: 'validation:address.postalCodeIran',
      phone: 'validation:address.mobileIran',
    })
  })

  test('reads from the province down in Persian digits, and in English', () => {
    const address = AddressSchema.parse({ ...iranian, line2: 'Unit 3' })
    expect(addressLines(address, 'fa')).toEqual([
      'سارا احمدی',
      'تهران، تهران',
      'خیابان ولیعصر، کوچه ۱۲، پلاک ۴',
      'Unit ۳',
      '۱۴۳۶۶۷۸۹۱۲',
      'ایران',
    ])
    expect(addressLines(address, 'en').slice(3)).toEqual(['تهران, Tehran', '1436678912', 'Iran'])
  })
})

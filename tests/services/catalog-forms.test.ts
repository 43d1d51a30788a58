import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import {
  parseTags,
  productFormSchema,
  slugify,
  suggestSku,
  variantKey,
} from '~/services/catalog/schemas.ts'
import { formatDateTime, utcToZonedLocal, zonedLocalToUtc } from '~/utils/zoned-time.ts'

describe('store-time-zone schedules', () => {
  test('wall-clock times convert to instants across daylight saving, and back', () => {
    expect(zonedLocalToUtc('2026-07-01T09:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-07-01T07:30:00.000Z',
    )
    expect(zonedLocalToUtc('2026-12-01T09:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-12-01T08:30:00.000Z',
    )
    expect(zonedLocalToUtc('2026-03-08T12:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T16:00:00.000Z',
    )
    expect(zonedLocalToUtc('2026-02-31T10:00', 'UTC')).toBeNull()
    expect(zonedLocalToUtc('tomorrow', 'UTC')).toBeNull()
    expect(utcToZonedLocal(new Date('2026-07-01T07:30:00Z'), 'Europe/Berlin')).toBe(
      '2026-07-01T09:30',
    )
    expect(formatDateTime('2026-07-01T07:30:00Z', 'Europe/Berlin')).toBe('Jul 1, 2026, 09:30')
  })

  test('the product form reads discount dates in the store time zone', () => {
    const form = new FormData()
    for (const [key, value] of Object.entries({
      intent: 'save',
      title: 'Zoned',
      categoryId: 'c',
      sizeScaleId: 's',
      discountPercent: '10',
      discountStartsAt: '2026-12-24T18:00',
      discountEndsAt: '2026-12-24T17:00',
    })) {
      form.set(key, value)
    }
    const berlin = parseWithZod(form, {
      schema: productFormSchema({
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        priceDisplay: 'currency',
      }),
    })
    expect(berlin.status).toBe('error')
    expect(berlin.status === 'error' && berlin.error?.discountEndsAt).toEqual([
      'validation:catalog.discountOrder',
    ])
    form.set('discountEndsAt', '2026-12-26T00:00')
    const ok = parseWithZod(form, {
      schema: productFormSchema({
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        priceDisplay: 'currency',
      }),
    })
    expect(ok.status === 'success' && ok.value.product).toMatchObject({
      discountStartsAt: new Date('2026-12-24T17:00:00Z'),
      discountEndsAt: new Date('2026-12-25T23:00:00Z'),
      variants: [],
    })
  })

  test('a Persian seller types the schedule in the Solar Hijri calendar, in Persian digits', () => {
    const form = new FormData()
    for (const [key, value] of Object.entries({
      intent: 'save',
      title: 'Nowruz',
      categoryId: 'c',
      sizeScaleId: 's',
      discountPercent: '۲۰',
      discountStartsAt: '۱۴۰۵/۰۱/۰۱ ۰۰:۰۰',
      discountEndsAt: '۱۴۰۵/۰۱/۱۳ ۲۳:۵۹',
    }))
      form.set(key, value)
    const schema = productFormSchema({
      currency: 'IRR',
      timeZone: 'Asia/Tehran',
      priceDisplay: 'toman',
    })
    const ok = parseWithZod(form, { schema })
    expect(ok.status === 'success' && ok.value.product).toMatchObject({
      discountPercent: 20,
      discountStartsAt: new Date('2026-03-20T20:30:00Z'),
      discountEndsAt: new Date('2026-04-02T20:29:00Z'),
    })
    form.set('discountEndsAt', '۱۴۰۴/۱۲/۳۰')
    const refused = parseWithZod(form, { schema })
    expect(refused.status === 'error' && refused.error?.discountEndsAt).toEqual([
      'validation:catalog.dateTime',
    ])
  })

  test('a currency without minor units reads prices whole', () => {
    const form = new FormData()
    for (const [key, value] of Object.entries({
      title: 'Yen Tee',
      categoryId: 'c',
      sizeScaleId: 's',
      price: '1500',
      colorIds: 'col',
      sizeIds: 'siz',
    }))
      form.set(key, value)
    form.set(`variants.${variantKey('col', 'siz')}.sku`, 'yen-1')
    form.set(`variants.${variantKey('col', 'siz')}.stock`, '3')
    const result = parseWithZod(form, {
      schema: productFormSchema({
        currency: 'JPY',
        timeZone: 'Asia/Tokyo',
        priceDisplay: 'currency',
      }),
    })
    expect(result.status === 'success' && result.value.product).toMatchObject({
      price: 1500,
      variants: [{ colorId: 'col', sizeId: 'siz', sku: 'yen-1', stock: 3, price: null }],
    })
  })
})

describe('small catalog rules', () => {
  test('slugs, tags and SKU suggestions', () => {
    expect(slugify('Été Floral Midi Dress — Black & White')).toBe(
      'ete-floral-midi-dress-black-and-white',
    )
    expect(parseTags(' Summer, linen,, summer ,Wedding  Guest')).toEqual([
      'summer',
      'linen',
      'wedding guest',
    ])
    expect(suggestSku('Linen Midi Dress', 'Denim Blue', 'XL')).toBe('LIN-MID-DRE-DENIMB-XL')
  })
})

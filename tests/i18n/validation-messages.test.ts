import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test } from 'vitest'
import { ErrorList } from '~/components/forms.tsx'
import { i18nFor } from '~/i18n/i18n.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { message, parseMessage } from '~/i18n/validation.ts'
import { AddToCartSchema, AddressSchema } from '~/services/orders/schemas.ts'

const render = (locale: Locale, errors: string[]) =>
  renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: i18nFor(locale) }, createElement(ErrorList, { errors })),
  )

describe('schema messages', () => {
  test('carry a catalogue key and its values, and read back', () => {
    expect(message('cart.quantityMax', { max: 10 })).toBe('validation:cart.quantityMax {"max":10}')
    expect(parseMessage(message('cart.quantityMax', { max: 10 }))).toEqual({
      key: 'cart.quantityMax',
      values: { max: 10 },
    })
    expect(parseMessage('validation:address.city')).toEqual({ key: 'address.city', values: {} })
    expect(parseMessage('Sorry, this one is sold out.')).toBeNull()
  })

  test('ErrorList shows them in the page language, numbers in its digits', () => {
    const errors = [message('cart.quantityMax', { max: 10 }), message('address.city')]
    expect(render('fa', errors)).toContain('<li>از هر کالا حداکثر ۱۰ عدد</li>')
    expect(render('fa', errors)).toContain('<li>شهر را وارد کنید</li>')
    expect(render('en', errors)).toContain('<li>At most 10 of one item</li>')
  })

  test('text that is not a schema message (a refusal translated on the server) is shown as it is', () => {
    expect(render('fa', ['این کالا دیگر موجود نیست.'])).toContain(
      '<li>این کالا دیگر موجود نیست.</li>',
    )
  })

  test('a zod failure says it in Persian once rendered on a Persian page', () => {
    const parsed = AddToCartSchema.safeParse({ variantId: '', quantity: '۱۲' })
    expect(parsed.success).toBe(false)
    const html = render('fa', parsed.error?.issues.map((issue) => issue.message) ?? [])
    expect(html).toContain('رنگ و اندازه را انتخاب کنید')
    expect(html).toContain('از هر کالا حداکثر ۱۰ عدد')
    expect(html).not.toContain('validation:')
  })

  test('postal codes and phones in Persian digits are stored in ASCII', () => {
    const parsed = AddressSchema.parse({
      fullName: 'سارا رضایی',
      line1: 'خیابان ولیعصر، پلاک ۱۲',
      city: 'تهران',
      region: 'تهران',
      postalCode: '۱۲۳۴۵۶۷۸۹۰',
      country: 'IR',
      phone: '۰۹۱۲ ۳۴۵ ٦٧٨٩',
    })
    expect(parsed.postalCode).toBe('1234567890')
    expect(parsed.phone).toMatch(/^09123456789$/)
  })
})

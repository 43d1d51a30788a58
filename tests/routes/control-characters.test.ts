import { describe, expect, test } from 'vitest'
import { action as accountAction } from '~/routes/($locale).account._index/route.tsx'
import { action as addressesAction } from '~/routes/($locale).account.addresses._index.tsx'
import { action as cartAction } from '~/routes/($locale).cart/route.tsx'
import { action as checkoutAction } from '~/routes/($locale).checkout/route.tsx'
import { action as productAction } from '~/routes/($locale).p.$slug/route.tsx'
import { action as registerAction } from '~/routes/($locale).register.tsx'
import { action as openShopAction } from '~/routes/($locale).sell._index/route.tsx'
import { readJsonBody } from '~/infra/uploads/json-body.server.ts'
import { ReviewFormSchema } from '~/services/reviews/schemas.ts'
import { AddressSchema } from '~/services/orders/schemas.ts'
import { RegisterSchema } from '~/services/accounts/schemas.ts'
import { hasControlCharacters } from '~/utils/text.ts'
import { databaseFingerprint } from '../support/database-fingerprint.ts'
import { createUser, signIn, uniqueEmail } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'

// A NUL (or another control character) in any field of any form is refused at the edge with a
// 400 naming the field, and nothing is stored. PostgreSQL refuses NUL in text (error 22021), so
// these were 500s.

describe('control characters', () => {
  test('are recognised: C0 but tab, LF and CR; DEL; C1', () => {
    for (const bad of ['\u0000', 'a\u0007b', '\u001b[31m', '\u007f', '\u0085', '\u009f', '\u000b'])
      expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true)
    for (const good of [
      'plain',
      'tab\there',
      'lines\r\nand\nmore',
      'شیک‌پوش',
      'emoji 👗',
      '\u00a0',
    ])
      expect(hasControlCharacters(good), JSON.stringify(good)).toBe(false)
  })

  test('the shared schemas say so at the field (what the browser shows as you type)', () => {
    const register = RegisterSchema.safeParse({
      name: 'Ada\u0000',
      email: 'ada@example.test',
      password: 'long enough password',
    })
    expect(register.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name'])
    const address = AddressSchema.safeParse({ ...SAMPLE_ADDRESS, line2: 'Flat\u00072' })
    expect(address.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['line2'])
    const review = ReviewFormSchema.safeParse({
      intent: 'review',
      rating: '4',
      title: 'Lovely coat',
      body: 'Warm and\nwell made,\ttrue to size.\u0000',
    })
    expect(review.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['body'])
  })

  test('every form named in issue 12 answers 400 naming the field, and stores nothing', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const { shop } = await createSeller()
    const coat = await createProduct(shop.id, { variants: [{ stock: 5 }] })
    await putInCart(user.id, coat.variants[0]!.id, 1, 4000)

    const cases: Array<{
      what: string
      run: (form: Record<string, string>) => ReturnType<typeof callRoute>
      form: Record<string, string>
      field: string
    }> = [
      {
        what: 'register name',
        run: (form) => callRoute(registerAction, routeRequest('/register', { form })),
        form: { name: 'Ada\u0000', email: uniqueEmail(), password: 'long enough password' },
        field: 'name',
      },
      {
        what: 'cart variantId',
        run: (form) => callRoute(cartAction, routeRequest('/cart', { cookie, form })),
        form: { intent: 'add', variantId: `${coat.variants[0]!.id}\u0000`, quantity: '1' },
        field: 'variantId',
      },
      ...['fullName', 'addressId'].map((field) => ({
        what: `checkout ${field}`,
        run: (form: Record<string, string>) =>
          callRoute(checkoutAction, routeRequest('/checkout', { cookie, form })),
        form: {
          idempotencyKey: 'k'.repeat(22),
          expectedTotal: '4495',
          shippingMethod: 'standard',
          paymentMethod: 'pay-on-delivery',
          ...SAMPLE_ADDRESS,
          addressId: 'new',
          [field]: field === 'addressId' ? '\u0000' : 'Ada\u0000Lovelace',
        },
        field,
      })),
      {
        what: 'account name',
        run: (form) => callRoute(accountAction, routeRequest('/account', { cookie, form })),
        form: { name: '\u0000', email: user.email },
        field: 'name',
      },
      ...Object.keys(SAMPLE_ADDRESS).map((field) => ({
        what: `address ${field}`,
        run: (form: Record<string, string>) =>
          callRoute(addressesAction, routeRequest('/account/addresses', { cookie, form })),
        form: { ...SAMPLE_ADDRESS, [field]: 'x\u0000' },
        field,
      })),
      {
        what: 'review body',
        run: (form) =>
          callRoute(productAction, routeRequest(`/p/${coat.slug}`, { cookie, form }), {
            params: { slug: coat.slug },
          }),
        form: { intent: 'review', rating: '5', title: 'Lovely', body: 'So good\u0000 really' },
        field: 'body',
      },
      {
        what: 'report reason',
        run: (form) =>
          callRoute(productAction, routeRequest(`/p/${coat.slug}`, { cookie, form }), {
            params: { slug: coat.slug },
          }),
        form: { intent: 'report', reviewId: 'r1', reason: 'spam\u0000' },
        field: 'reason',
      },
      {
        what: 'shop name',
        run: (form) => callRoute(openShopAction, routeRequest('/sell', { cookie, form })),
        form: { name: 'My\u0000shop', slug: 'my-shop' },
        field: 'name',
      },
      {
        what: 'a field name',
        run: (form) => callRoute(registerAction, routeRequest('/register', { form })),
        form: { 'na\u0000me': 'Ada', email: uniqueEmail(), password: 'long enough password' },
        field: 'one of the fields',
      },
    ]

    const before = await databaseFingerprint()
    for (const { what, run, form, field } of cases) {
      const result = await run(form)
      expect(result.status, what).toBe(400)
      const body = typeof result.data === 'string' ? result.data : JSON.stringify(result.data)
      expect(body, what).toContain(field.includes(' ') ? field : `“${field}”`)
    }
    expect(await databaseFingerprint()).toEqual(before)
  })

  test('a JSON body holding one is a 400 as well', async () => {
    const request = new Request('http://localhost:3000/api/x', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ alt: 'front', nested: [{ 'ke\u0000y': 1 }] }),
    })
    await expect(readJsonBody(request)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'malformed',
    })
    const fine = new Request('http://localhost:3000/api/x', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ alt: 'front\nback' }),
    })
    expect(await readJsonBody(fine)).toEqual({ alt: 'front\nback' })
  })
})

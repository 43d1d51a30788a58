import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { action as cartAction, loader as cartLoader } from '~/routes/($locale).cart/route.tsx'
import {
  action as checkoutAction,
  loader as checkoutLoader,
} from '~/routes/($locale).checkout/route.tsx'
import { getCart } from '~/services/orders/cart.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { createPromo } from '../support/promo-fixtures.ts'

// The code field of the cart and the checkout through their routes: each reason a code cannot
// apply is a 400 with its message (English and Persian), never a 500, and nothing changes.

async function shopper(price = 3000) {
  const user = await createUser()
  const { cookie } = await signIn(user.id)
  const { shop } = await createSeller()
  const dress = await createProduct(shop.id, { price, variants: [{ stock: 5 }] })
  await putInCart(user.id, dress.variants[0]!.id, 1, price)
  return { user, cookie, shop, dress }
}

const applyInCart = (cookie: string, code: string, path = '/cart') =>
  callRoute(
    cartAction,
    routeRequest(path, { cookie, form: { intent: 'apply-code', promoCode: code } }),
  )

const promoErrorOf = (result: { data: unknown }) =>
  (result.data as { promoError?: string }).promoError

describe('the cart’s code field', () => {
  test('every reason, in English, as a 400 beside the field; the cart keeps no code', async () => {
    const { user, cookie, shop } = await shopper()
    const { shop: other } = await createSeller('Other')
    const past = new Date(Date.now() - 86_400_000)
    const future = new Date(Date.now() + 86_400_000)
    await createPromo({ code: 'R-LATER', startsAt: future })
    await createPromo({ code: 'R-OVER', startsAt: new Date(past.getTime() - 1000), endsAt: past })
    await createPromo({ code: 'R-MIN', minOrder: 5000 })
    await createPromo({ code: 'R-GONE', usageLimit: 1, usedCount: 1 })
    await createPromo({ code: 'R-OTHER', shopId: other.id })
    const expected: Array<[string, string]> = [
      ['R-NOPE', 'There is no such code. Check it and try again.'],
      ['r-later', 'This code is not valid yet.'],
      ['r-over', 'This code has expired.'],
      ['r-min', 'This code needs an order of at least $50.00 of the items it applies to.'],
      ['r-gone', 'This code has been used up.'],
      ['r-other', 'This code does not apply to the items in your cart.'],
      ['', 'validation:promo.required'],
      ['a!', 'validation:promo.format'],
    ]
    for (const [code, text] of expected) {
      const result = await applyInCart(cookie, code)
      expect(result.status, code).toBe(400)
      expect(promoErrorOf(result), code).toBe(text)
    }
    expect((await getCart({ userId: user.id })).promoCode).toBeNull()

    // A shop's own code works, and the page shows what it takes off.
    await createPromo({ code: 'MYSHOP', shopId: shop.id, kind: 'FIXED', value: 500 })
    expect((await applyInCart(cookie, 'myshop')).status).toBe(200)
    const page = await callRoute(cartLoader, routeRequest('/cart', { cookie }))
    expect(page.data).toMatchObject({
      promo: { code: 'MYSHOP', refusal: null, applied: { itemsDiscount: 500 } },
    })
    const removed = await callRoute(
      cartAction,
      routeRequest('/cart', { cookie, form: { intent: 'remove-code' } }),
    )
    expect(removed.status).toBe(200)
    expect((await getCart({ userId: user.id })).promoCode).toBeNull()
  })

  test('in Persian: the reason in Persian, the minimum in Persian digits', async () => {
    const { cookie } = await shopper()
    await createPromo({ code: 'FA-MIN', minOrder: 5000 })
    const result = await applyInCart(cookie, 'fa-min', '/fa/cart')
    expect(result.status).toBe(400)
    const text = promoErrorOf(result)!
    expect(text).toContain('این کد برای سفارشی با دست‌کم')
    expect(text).toMatch(/[۰-۹]/)
    // A code typed in Persian digits is the same code.
    await createPromo({ code: 'SALE20', kind: 'PERCENT', value: 20 })
    expect((await applyInCart(cookie, 'sale۲۰', '/fa/cart')).status).toBe(200)
  })

  test('a guest without a cart gets the reason, not a 500', async () => {
    await createPromo({ code: 'GUEST1' })
    const result = await callRoute(
      cartAction,
      routeRequest('/cart', { form: { intent: 'apply-code', promoCode: 'guest1' } }),
    )
    expect(result.status).toBe(400)
    expect(promoErrorOf(result)).toBe('This code does not apply to the items in your cart.')
  })
})

describe('the checkout’s code field', () => {
  async function checkoutForm(cookie: string) {
    const page = await callRoute(checkoutLoader, routeRequest('/checkout', { cookie }))
    const data = page.data as {
      cart: { checkoutToken: string; itemsTotal: number }
      promo: { applied: { itemsDiscount: number } | null } | null
      shippingMethods: Array<{ id: string; price: number }>
    }
    return {
      idempotencyKey: data.cart.checkoutToken,
      expectedTotal: String(
        data.cart.itemsTotal -
          (data.promo?.applied?.itemsDiscount ?? 0) +
          data.shippingMethods.find((method) => method.id === 'standard')!.price,
      ),
      addressId: 'new',
      shippingMethod: 'standard',
      paymentMethod: 'pay-on-delivery',
      ...SAMPLE_ADDRESS,
    }
  }

  test('applying keeps the form’s choices; a refusal is at the promoCode field', async () => {
    const { cookie } = await shopper()
    await createPromo({
      code: 'CK-OVER',
      endsAt: new Date(Date.now() - 1000),
      startsAt: new Date(Date.now() - 5000),
    })
    const form = await checkoutForm(cookie)
    const refused = await callRoute(
      checkoutAction,
      routeRequest('/checkout', {
        cookie,
        form: { ...form, intent: 'apply-code', promoCode: 'ck-over', shippingMethod: 'express' },
      }),
    )
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({
      error: { promoCode: ['This code has expired.'] },
      initialValue: { shippingMethod: 'express', fullName: SAMPLE_ADDRESS.fullName },
    })

    await createPromo({ code: 'CK-TEN', kind: 'PERCENT', value: 10 })
    const applied = await callRoute(
      checkoutAction,
      routeRequest('/checkout', {
        cookie,
        form: { ...form, intent: 'apply-code', promoCode: 'ck-ten' },
      }),
    )
    expect(applied.status).toBe(200)
    const page = await callRoute(checkoutLoader, routeRequest('/checkout', { cookie }))
    expect(page.data).toMatchObject({ promo: { code: 'CK-TEN', applied: { itemsDiscount: 300 } } })
  })

  test('placing with a code that was used up meanwhile: the reason at the field (Persian), nothing placed', async () => {
    const { user, cookie } = await shopper()
    const code = await createPromo({ code: 'CK-LAST', kind: 'FIXED', value: 100, usageLimit: 1 })
    await callRoute(
      checkoutAction,
      routeRequest('/fa/checkout', {
        cookie,
        form: { intent: 'apply-code', promoCode: 'ck-last' },
      }),
    )
    const form = await checkoutForm(cookie)
    await prisma.promoCode.update({ where: { id: code.id }, data: { usedCount: 1 } })
    const refused = await callRoute(
      checkoutAction,
      routeRequest('/fa/checkout', { cookie, form: { ...form, intent: 'place' } }),
    )
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({
      error: { promoCode: ['ظرفیت استفاده از این کد تمام شده است.'] },
    })
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
  })

  test('places the order at the total with the code', async () => {
    const { user, cookie } = await shopper(10_000)
    await createPromo({ code: 'CK-FIX', kind: 'FIXED', value: 1234 })
    await callRoute(
      checkoutAction,
      routeRequest('/checkout', { cookie, form: { intent: 'apply-code', promoCode: 'ck-fix' } }),
    )
    const placed = await callRoute(
      checkoutAction,
      routeRequest('/checkout', {
        cookie,
        form: { ...(await checkoutForm(cookie)), intent: 'place' },
      }),
    )
    expect(placed.status).toBe(302)
    const order = await prisma.order.findFirstOrThrow({ where: { userId: user.id } })
    expect(order).toMatchObject({ itemsTotal: 10_000, promoDiscount: 1234, total: 10_000 - 1234 })
  })
})

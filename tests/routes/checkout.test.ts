import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  action as checkoutAction,
  loader as checkoutLoader,
} from '~/routes/($locale).checkout/route.tsx'
import { loader as orderLoader } from '~/routes/($locale).orders.$number/route.tsx'
import { addToCart, getCart } from '~/services/orders/cart.server.ts'
import { cartCookie } from '~/services/orders/cart-owner.server.ts'
import { orderAccessToken } from '~/services/orders/order-access.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'

function errors(result: { data: unknown }) {
  const data = result.data as { error?: Record<string, string[]> }
  return data.error ?? {}
}

async function shopperWithCart(stock = 5, quantity = 1) {
  const user = await createUser()
  const { cookie } = await signIn(user.id)
  const { shop } = await createSeller()
  const coat = await createProduct(shop.id, {
    title: 'Trench coat',
    price: 15000,
    variants: [{ color: 'Navy', size: 'M', stock }],
  })
  await putInCart(user.id, coat.variants[0]!.id, quantity, 15000)
  const cart = await getCart({ userId: user.id })
  const form = {
    idempotencyKey: cart.checkoutToken!,
    expectedTotal: String(cart.itemsTotal), // standard delivery is free from $75
    addressId: 'new',
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    saveAddress: 'on',
    ...SAMPLE_ADDRESS,
  }
  return { user, cookie, coat, form }
}

const post = (cookie: string, form: Record<string, string>) =>
  callRoute(checkoutAction, routeRequest('/checkout', { cookie, form }))

describe('/checkout', () => {
  test('sends a guest without a cart, and an empty cart, back to the cart', async () => {
    const guest = await callRoute(checkoutLoader, routeRequest('/checkout'))
    expect(guest.status).toBe(302)
    expect(guest.headers.get('Location')).toBe('/cart')
    const user = await createUser()
    const empty = await callRoute(
      checkoutLoader,
      routeRequest('/checkout', { cookie: (await signIn(user.id)).cookie }),
    )
    expect(empty.headers.get('Location')).toBe('/cart')
  })

  test('shows the cart, delivery options and payment methods', async () => {
    const { cookie } = await shopperWithCart()
    const page = await callRoute(checkoutLoader, routeRequest('/checkout', { cookie }))
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({
      cart: { itemsTotal: 15000, canCheckout: true },
      shippingMethods: [
        { id: 'standard', price: 0 },
        { id: 'express', price: 1495 },
      ],
      paymentMethods: [{ id: 'pay-on-delivery', label: 'Pay on delivery' }],
    })
  })

  test('places the order and shows its page; submitting the same form again shows the same order', async () => {
    const { user, cookie, coat, form } = await shopperWithCart(5, 2)
    const first = await post(cookie, form)
    expect(first.status).toBe(302)
    const location = first.headers.get('Location')!
    expect(location).toMatch(/^\/orders\/SP-[A-Z0-9]{4}-[A-Z0-9]{4}\?placed=1$/)
    const again = await post(cookie, form)
    expect(again.headers.get('Location')).toBe(location)
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(1)
    expect(
      (await prisma.variant.findUniqueOrThrow({ where: { id: coat.variants[0]!.id } })).stock,
    ).toBe(3)
    expect(await prisma.address.count({ where: { userId: user.id } })).toBe(1)
  })

  test('missing address fields are 400s at each field, and nothing is ordered', async () => {
    const { user, cookie, form } = await shopperWithCart()
    const result = await post(cookie, {
      ...form,
      fullName: '',
      line1: ' ',
      postalCode: 'Ω!',
      country: 'ZZ',
      phone: 'call me',
    })
    expect(result.status).toBe(400)
    expect(errors(result)).toMatchObject({
      fullName: ['validation:address.fullName'],
      line1: ['validation:address.line1'],
      postalCode: ['validation:address.postalCodeFormat'],
      country: ['validation:address.country'],
      phone: ['validation:address.phoneFormat'],
    })
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
  })

  test.each<[string, Record<string, string>, string]>([
    ['a forged idempotency key', { idempotencyKey: '<script>' }, 'idempotencyKey'],
    ['no delivery option', { shippingMethod: '' }, 'shippingMethod'],
    ['an unknown delivery option', { shippingMethod: 'drone' }, 'shippingMethod'],
    ['an unknown payment method', { paymentMethod: 'barter' }, 'paymentMethod'],
    ['another shopper’s address', { addressId: 'theirs' }, 'addressId'],
  ])('%s is a 400 at its field', async (_, change, field) => {
    const { user, cookie, form } = await shopperWithCart()
    let changed: Record<string, string> = { ...form, ...change }
    if (change.addressId) {
      const other = await createUser()
      const theirs = await prisma.address.create({
        data: { ...SAMPLE_ADDRESS, userId: other.id, defaultOf: other.id },
      })
      changed = { ...changed, addressId: theirs.id }
    }
    const result = await post(cookie, changed)
    expect(result.status).toBe(400)
    expect(errors(result)[field]).toHaveLength(1)
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
  })

  test('not enough stock is a 409 naming the line and what is left', async () => {
    const { user, cookie, coat, form } = await shopperWithCart(5, 3)
    await prisma.variant.update({ where: { id: coat.variants[0]!.id }, data: { stock: 2 } })
    const result = await post(cookie, form)
    expect(result.status).toBe(409)
    expect(errors(result)['']).toEqual(['Only 2 left of Trench coat (Navy, M); you asked for 3.'])
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
    expect(
      (await prisma.variant.findUniqueOrThrow({ where: { id: coat.variants[0]!.id } })).stock,
    ).toBe(2)
  })

  test('a price change since the page was shown is a 400 that gives the new total', async () => {
    const { user, cookie, coat, form } = await shopperWithCart()
    await prisma.product.update({ where: { id: coat.id }, data: { discountPercent: 10 } })
    const result = await post(cookie, form)
    expect(result.status).toBe(400)
    expect(errors(result)['']?.[0]).toMatch(/^The total is now \$135\.00, not the \$150\.00/)
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
  })

  test('a delivery choice the total was not shown for places nothing; the page comes back with the choice and the new total', async () => {
    const { user, cookie, coat, form } = await shopperWithCart()
    // Without JavaScript the summary still said Standard (free here) when Express was ticked.
    const result = await post(cookie, { ...form, shippingMethod: 'express', intent: 'place' })
    expect(result.status).toBe(400)
    expect(errors(result)['']).toEqual([
      'The total is now $164.95, not the $150.00 this page showed: a price, a discount or the delivery changed. Check your order and place it again.',
    ])
    expect(result.data).toMatchObject({ initialValue: { shippingMethod: 'express' } })
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
    expect(
      (await prisma.variant.findUniqueOrThrow({ where: { id: coat.variants[0]!.id } })).stock,
    ).toBe(5)
    // Placed again at the total the page now shows, it goes through at that total.
    const placed = await post(cookie, {
      ...form,
      shippingMethod: 'express',
      expectedTotal: '16495',
    })
    expect(placed.status).toBe(302)
    const order = await prisma.order.findFirstOrThrow({ where: { userId: user.id } })
    expect(order).toMatchObject({ total: 16495, shippingCost: 1495, shippingMethod: 'express' })
  })

  test('"Update total" keeps every choice, checks nothing and places nothing', async () => {
    const { user, cookie, form } = await shopperWithCart()
    const result = await post(cookie, {
      ...form,
      intent: 'update',
      shippingMethod: 'express',
      fullName: '',
    })
    expect(result.status).toBe(200)
    expect(result.data).toMatchObject({
      status: 'success',
      initialValue: { shippingMethod: 'express', line1: form.line1 },
    })
    expect(errors(result)).toEqual({})
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
  })

  test('a form without the total it showed is refused at its field', async () => {
    const { user, cookie, form } = await shopperWithCart()
    const { expectedTotal: _, ...withoutTotal } = form
    for (const body of [withoutTotal, { ...form, expectedTotal: 'lots' }]) {
      const result = await post(cookie, body)
      expect(result.status).toBe(400)
      expect(errors(result).expectedTotal).toHaveLength(1)
    }
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
  })

  test('an anonymous submission without a cart is refused at the form, nothing placed', async () => {
    const result = await callRoute(
      checkoutAction,
      routeRequest('/checkout', { form: { idempotencyKey: 'x' } }),
    )
    expect(result.status).toBe(400)
  })
})

describe('guest checkout', () => {
  async function guestWithCart() {
    const { shop } = await createSeller()
    const product = await createProduct(shop.id, { price: 6000, variants: [{ stock: 4 }] })
    const guestToken = randomBytes(32).toString('base64url')
    await addToCart({ guestToken }, { variantId: product.variants[0]!.id, quantity: 1 })
    const cookie = (await cartCookie.serialize(guestToken)).split(';')[0]!
    const cart = await getCart({ guestToken })
    return { cookie, cart, variantId: product.variants[0]!.id }
  }

  const guestForm = (cart: { checkoutToken: string | null; itemsTotal: number }) => ({
    email: 'New.Guest@Example.test',
    idempotencyKey: cart.checkoutToken!,
    addressId: 'new',
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    expectedTotal: String(orderTotal(cart.itemsTotal, 'standard', 'USD')),
    ...SAMPLE_ADDRESS,
  })

  test('the page asks a guest for an email; placing sends them to the signed order page', async () => {
    const { cookie, cart } = await guestWithCart()
    const page = await callRoute(checkoutLoader, routeRequest('/fa/checkout', { cookie }))
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ email: null, addresses: [], title: 'تسویه حساب · شیک‌پوش' })

    const placed = await callRoute(
      checkoutAction,
      routeRequest('/fa/checkout', { cookie, form: guestForm(cart) }),
    )
    expect(placed.status).toBe(302)
    const order = await prisma.order.findFirstOrThrow({
      where: { email: 'new.guest@example.test' },
    })
    expect(order).toMatchObject({ userId: null, locale: 'fa' })
    expect(placed.headers.get('Location')).toBe(
      `/fa/orders/${order.number}?access=${orderAccessToken(order.id)}&placed=1`,
    )

    const shown = await callRoute(
      orderLoader,
      routeRequest(`/fa/orders/${order.number}?access=${orderAccessToken(order.id)}`),
      { params: { number: order.number } },
    )
    expect(shown.status).toBe(200)
    const forged = await callRoute(
      orderLoader,
      routeRequest(`/orders/${order.number}?access=${'A'.repeat(43)}`),
      { params: { number: order.number } },
    )
    expect(forged.status).toBe(404)
  })

  test('a missing email is refused at its field; a changed total in the page’s language', async () => {
    const { cookie, cart } = await guestWithCart()
    const { email: _email, ...withoutEmail } = guestForm(cart)
    const noEmail = await callRoute(
      checkoutAction,
      routeRequest('/checkout', { cookie, form: withoutEmail }),
    )
    expect(noEmail.status).toBe(400)
    expect(noEmail.data).toMatchObject({ error: { email: ['validation:account.email'] } })

    const changed = await callRoute(
      checkoutAction,
      routeRequest('/fa/checkout', { cookie, form: { ...guestForm(cart), expectedTotal: '100' } }),
    )
    expect(changed.status).toBe(400)
    expect(JSON.stringify(changed.data)).toContain('جمع کل اکنون')
    expect(
      await prisma.order.count({ where: { email: 'new.guest@example.test', total: 100 } }),
    ).toBe(0)
  })
})

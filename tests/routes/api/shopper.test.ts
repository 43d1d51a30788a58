import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { getEnv } from '~/infra/env.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { callApi, userWithToken } from '../../support/api.ts'
import { createProduct, createSeller, SAMPLE_ADDRESS } from '../../support/shop-fixtures.ts'

// A shopper through /api/v1: the cart, checkout with an Idempotency-Key (replays place nothing
// more), orders, addresses and the wishlist. Every answer is also checked against the OpenAPI document.

type Problem = { status: number; code: string; errors?: Array<{ pointer: string }> }
type Cart = {
  cartToken: string | null
  itemCount: number
  itemsTotal: number
  lines: Array<{ variantId: string; quantity: number }>
}

const SCOPES = [
  'cart:write',
  'orders:read',
  'orders:write',
  'account:read',
  'account:write',
] as const
const newKey = () => randomBytes(18).toString('base64url')

async function shopperWithCart(stock = 5) {
  const { shop } = await createSeller()
  const product = await createProduct(shop.id, { price: 2500, variants: [{ stock }] })
  const { user, secret } = await userWithToken([...SCOPES])
  const variantId = product.variants[0]!.id
  const added = await callApi('/api/v1/cart/items', {
    method: 'POST',
    token: secret,
    body: { variantId, quantity: 2 },
  })
  expect(added.status).toBe(200)
  return { user, secret, variantId, cart: added.body as Cart }
}

function checkoutBody(cart: Cart) {
  return {
    cartToken: cart.cartToken,
    address: SAMPLE_ADDRESS,
    shippingMethod: 'standard',
    expectedTotal: orderTotal(cart.itemsTotal, 'standard', getEnv().STORE_CURRENCY),
  }
}

describe('cart', () => {
  test('add, change, remove; refusals at their field; another variant id is not an error to remove', async () => {
    const { secret, variantId, cart } = await shopperWithCart(3)
    expect(cart).toMatchObject({
      itemCount: 2,
      itemsTotal: 5000,
      lines: [{ variantId, quantity: 2 }],
    })
    const path = `/api/v1/cart/items/${variantId}`
    const tooMany = await callApi(path, {
      method: 'PATCH',
      token: secret,
      body: { quantity: 4 },
    })
    expect(tooMany.status).toBe(422)
    expect((tooMany.body as Problem).errors?.[0]?.pointer).toBe('/quantity')
    const zero = await callApi(path, {
      method: 'PATCH',
      token: secret,
      body: { quantity: 0 },
    })
    expect(zero.status).toBe(422)
    expect((zero.body as Problem).errors?.[0]?.pointer).toBe('/quantity')
    const changed = await callApi(path, {
      method: 'PATCH',
      token: secret,
      body: { quantity: 3 },
    })
    expect((changed.body as Cart).itemCount).toBe(3)
    const removed = await callApi(path, { method: 'DELETE', token: secret })
    expect((removed.body as Cart).lines).toEqual([])
    const read = await callApi('/api/v1/cart', { token: secret })
    expect((read.body as Cart).itemCount).toBe(0)
  })
})

describe('checkout', () => {
  test('20 concurrent requests with one Idempotency-Key place one order and all answer it', async () => {
    const { user, secret, cart } = await shopperWithCart()
    const key = newKey()
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        callApi('/api/v1/checkout', {
          method: 'POST',
          token: secret,
          headers: { 'Idempotency-Key': key },
          body: checkoutBody(cart),
        }),
      ),
    )
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(201))
    const numbers = new Set(results.map((result) => (result.body as { number: string }).number))
    expect(numbers.size).toBe(1)
    expect(results.filter((result) => result.headers.get('Idempotent-Replayed'))).toHaveLength(19)
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(1)
    const [number] = numbers
    const order = await prisma.order.findFirstOrThrow({ where: { userId: user.id } })
    expect(order.number).toBe(number)

    // A later replay (the answer was lost) is the same order; a new key finds the cart empty.
    const later = await callApi('/api/v1/checkout', {
      method: 'POST',
      token: secret,
      headers: { 'Idempotency-Key': key },
      body: checkoutBody(cart),
    })
    expect(later.status).toBe(201)
    expect(later.body).toMatchObject({ number, status: 'PLACED', total: order.total })
    const fresh = await callApi('/api/v1/checkout', {
      method: 'POST',
      token: secret,
      headers: { 'Idempotency-Key': newKey() },
      body: checkoutBody(cart),
    })
    expect(fresh.status).toBe(409)
    // Another person using the same key places their own order.
    const other = await shopperWithCart()
    const theirs = await callApi('/api/v1/checkout', {
      method: 'POST',
      token: other.secret,
      headers: { 'Idempotency-Key': key },
      body: checkoutBody(other.cart),
    })
    expect(theirs.status).toBe(201)
    expect((theirs.body as { number: string }).number).not.toBe(number)
  })

  test('no key is a 428, a bad one a 400, a stale cart token a 409, another total a 422, a bad address 422 at its field; nothing is placed', async () => {
    const { user, secret, cart } = await shopperWithCart()
    const post = (headers: Record<string, string>, body: unknown) =>
      callApi('/api/v1/checkout', { method: 'POST', token: secret, headers, body })
    expect((await post({}, checkoutBody(cart))).status).toBe(428)
    expect((await post({ 'Idempotency-Key': 'short' }, checkoutBody(cart))).status).toBe(400)
    const stale = await post(
      { 'Idempotency-Key': newKey() },
      { ...checkoutBody(cart), cartToken: 'old' },
    )
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ code: 'cart-changed', errors: [{ pointer: '/cartToken' }] })
    const total = await post(
      { 'Idempotency-Key': newKey() },
      { ...checkoutBody(cart), expectedTotal: 1 },
    )
    expect(total.body).toMatchObject({ status: 422, code: 'total-changed' })
    const address = await post(
      { 'Idempotency-Key': newKey() },
      { ...checkoutBody(cart), address: { ...SAMPLE_ADDRESS, city: '' } },
    )
    expect(address.status).toBe(422)
    expect((address.body as Problem).errors?.map((error) => error.pointer)).toEqual([
      '/address/city',
    ])
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0)
  })
})

describe('orders and addresses', () => {
  test('orders listed, read and cancelled by their owner only', async () => {
    const { secret, cart } = await shopperWithCart()
    const placed = await callApi('/api/v1/checkout', {
      method: 'POST',
      token: secret,
      headers: { 'Idempotency-Key': newKey() },
      body: checkoutBody(cart),
    })
    const number = (placed.body as { number: string }).number
    const list = await callApi('/api/v1/orders', { token: secret })
    expect(list.body).toMatchObject({ items: [{ number }], next: null })
    const stranger = await userWithToken([...SCOPES])
    expect((await callApi(`/api/v1/orders/${number}`, { token: stranger.secret })).status).toBe(404)
    expect(
      (
        await callApi(`/api/v1/orders/${number}/cancel`, {
          method: 'POST',
          token: stranger.secret,
        })
      ).status,
    ).toBe(404)
    const cancelled = await callApi(`/api/v1/orders/${number}/cancel`, {
      method: 'POST',
      token: secret,
    })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', canCancel: false })
  })

  test('addresses saved, changed and deleted; another person’s is a 404', async () => {
    const { secret } = await userWithToken([...SCOPES])
    const created = await callApi('/api/v1/addresses', {
      method: 'POST',
      token: secret,
      body: { address: SAMPLE_ADDRESS },
    })
    expect(created.status).toBe(201)
    const id = (created.body as { id: string }).id
    expect(created.body).toMatchObject({ isDefault: true, city: SAMPLE_ADDRESS.city })
    const stranger = await userWithToken([...SCOPES])
    const foreign = await callApi(`/api/v1/addresses/${id}`, {
      method: 'PUT',
      token: stranger.secret,
      body: { address: { ...SAMPLE_ADDRESS, city: 'Elsewhere' } },
    })
    expect(foreign.status).toBe(404)
    const iran = await callApi(`/api/v1/addresses/${id}`, {
      method: 'PUT',
      token: secret,
      body: { address: { ...SAMPLE_ADDRESS, country: 'IR' } },
    })
    expect(iran.status).toBe(422)
    const changed = await callApi(`/api/v1/addresses/${id}`, {
      method: 'PUT',
      token: secret,
      body: { address: { ...SAMPLE_ADDRESS, city: 'Salem' } },
    })
    expect(changed.body).toMatchObject({ city: 'Salem' })
    expect(
      (
        await callApi(`/api/v1/addresses/${id}`, {
          method: 'DELETE',
          token: secret,
        })
      ).status,
    ).toBe(204)
    const list = await callApi('/api/v1/addresses', { token: secret })
    expect(list.body).toEqual({ items: [] })
  })
})

describe('wishlist', () => {
  test('a product and a colour and size are saved once each, listed with their prices, and removed', async () => {
    const { shop } = await createSeller()
    const product = await createProduct(shop.id, {
      price: 4000,
      variants: [
        { color: 'Black', size: 'S', stock: 2 },
        { color: 'Black', size: 'M', stock: 0, price: 4500 },
      ],
    })
    const { secret } = await userWithToken([...SCOPES])
    const save = (body: unknown, headers: Record<string, string> = {}) =>
      callApi('/api/v1/wishlist', { method: 'POST', token: secret, body, headers })
    expect((await save({ productId: product.id })).status).toBe(200)
    const key = newKey()
    const variantId = product.variants[1]!.id
    const saved = await save({ productId: product.id, variantId }, { 'Idempotency-Key': key })
    expect(saved.status).toBe(200)
    const replay = await save({ productId: product.id, variantId }, { 'Idempotency-Key': key })
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await save({ productId: product.id })).status).toBe(200) // saved already
    const missing = await save({ productId: 'no-such-product' })
    expect(missing.status).toBe(404)

    const list = await callApi('/api/v1/wishlist', { token: secret })
    expect(list.status).toBe(200)
    expect((list.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ target: variantId, price: 4500, stock: 0, size: 'M' }),
      expect.objectContaining({ target: product.id, variantId: null, price: 4000, stock: 2 }),
    ])
    const stranger = await userWithToken([...SCOPES])
    expect(await callApi('/api/v1/wishlist', { token: stranger.secret })).toMatchObject({
      body: { items: [] },
    })

    const removed = await callApi(`/api/v1/wishlist/${variantId}`, {
      method: 'DELETE',
      token: secret,
    })
    expect(removed.status).toBe(200)
    expect((removed.body as { items: Array<{ target: string }> }).items).toMatchObject([
      { target: product.id },
    ])
  })
})

import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { pruneIdempotencyKeys } from '~/services/accounts/api-idempotency.server.ts'
import { scopesForRoles } from '~/services/accounts/api-token-schemas.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { callApi, userWithToken, type ApiResult } from '../../support/api.ts'
import {
  catalogBasics,
  createProduct,
  createSeller,
  createShop,
  placeTestOrder,
  SAMPLE_ADDRESS,
} from '../../support/shop-fixtures.ts'

// Idempotency-Key on the POSTs that create something (ADR 022): the same key and request is
// answered with the first answer and done once, however many arrive and however close together;
// the same key with another request is a 422; a refused request frees its key. Every answer is
// also checked against the OpenAPI document.

const newKey = () => randomBytes(18).toString('base64url')
const shopper = () => userWithToken(scopesForRoles(['SHOPPER']))
type Problem = { status: number; code: string }

async function listedVariant(stock = 50) {
  const { shop } = await createSeller()
  const product = await createProduct(shop.id, { price: 2500, variants: [{ stock }] })
  return product.variants[0]!.id
}

function post(path: string, secret: string, key: string | null, body?: unknown) {
  return callApi(path, {
    method: 'POST',
    token: secret,
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
    ...(body === undefined ? {} : { body }),
  })
}

const cartQuantity = async (userId: string, variantId: string) =>
  (
    await prisma.cartItem.findFirst({
      where: { variantId, cart: { userId } },
      select: { quantity: true },
    })
  )?.quantity ?? 0

function expectReplay(first: ApiResult, again: ApiResult) {
  expect(again.status).toBe(first.status)
  expect(again.body).toEqual(first.body)
  expect(first.headers.get('Idempotent-Replayed')).toBeNull()
  expect(again.headers.get('Idempotent-Replayed')).toBe('true')
  expect(again.headers.get('Location')).toBe(first.headers.get('Location'))
}

describe('the same key and request: the first answer, done once', () => {
  test('cart items: added once; without a key each request adds', async () => {
    const { user, secret } = await shopper()
    const variantId = await listedVariant()
    const key = newKey()
    const body = { variantId, quantity: 2 }
    const first = await post('/api/v1/cart/items', secret, key, body)
    expect(first.status).toBe(200)
    const again = await post('/api/v1/cart/items', secret, key, body)
    expectReplay(first, again)
    expect(await cartQuantity(user.id, variantId)).toBe(2)
    const other = await post('/api/v1/cart/items', secret, key, {
      variantId,
      quantity: 3,
    })
    expect(other.body).toMatchObject({ status: 422, code: 'idempotency-key-reused' })
    // No key: the old meaning, each request adds.
    await post('/api/v1/cart/items', secret, null, body)
    await post('/api/v1/cart/items', secret, null, body)
    expect(await cartQuantity(user.id, variantId)).toBe(6)
    const bad = await post('/api/v1/cart/items', secret, 'short', body)
    expect(bad.body).toMatchObject({ status: 400, code: 'invalid-header' })
  })

  test('addresses: saved once, answered 201 with its Location both times', async () => {
    const { user, secret } = await shopper()
    const key = newKey()
    const body = { address: SAMPLE_ADDRESS }
    const first = await post('/api/v1/addresses', secret, key, body)
    expect(first.status).toBe(201)
    expectReplay(first, await post('/api/v1/addresses', secret, key, body))
    expect(await prisma.address.count({ where: { userId: user.id } })).toBe(1)
    const changed = await post('/api/v1/addresses', secret, key, {
      address: { ...SAMPLE_ADDRESS, city: 'Salem' },
    })
    expect((changed.body as Problem).code).toBe('idempotency-key-reused')
    expect(await prisma.address.count({ where: { userId: user.id } })).toBe(1)
  })

  test('order cancel: a retry is the first answer; the key cannot cancel another order', async () => {
    const { user, secret } = await shopper()
    const { number } = await placeTestOrder(user.id, [
      { variantId: await listedVariant(), quantity: 1 },
    ])
    const path = `/api/v1/orders/${number}/cancel`
    const key = newKey()
    const first = await post(path, secret, key)
    expect(first.body).toMatchObject({ status: 'CANCELLED' })
    expectReplay(first, await post(path, secret, key))
    // The key is this request's: cancelling another order with it is refused.
    const { number: second } = await placeTestOrder(user.id, [
      { variantId: await listedVariant(), quantity: 1 },
    ])
    const reused = await post(`/api/v1/orders/${second}/cancel`, secret, key)
    expect((reused.body as Problem).code).toBe('idempotency-key-reused')
    expect((await prisma.order.findUniqueOrThrow({ where: { number: second } })).status).toBe(
      'PLACED',
    )
  })

  test('seller products: 20 at once with one key create one product; all answer it', async () => {
    const roles = ['SHOPPER', 'SELLER'] as const
    const seller = await userWithToken(scopesForRoles([...roles]), { roles: [...roles] })
    const shop = await createShop({ ownerId: seller.user.id })
    const { categoryId, scaleId, colors, sizes } = await catalogBasics()
    const body = {
      title: 'Wool coat',
      categoryId,
      sizeScaleId: scaleId,
      price: 12000,
      variants: [
        {
          colorId: colors.values().next().value!,
          sizeId: sizes.values().next().value!,
          sku: `COAT-${randomBytes(4).toString('hex')}`.toUpperCase(),
          stock: 3,
        },
      ],
    }
    const key = newKey()
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post('/api/v1/shop/products', seller.secret, key, body)),
    )
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((result) => JSON.stringify(result.body))).size).toBe(1)
    expect(results.filter((result) => result.headers.get('Idempotent-Replayed'))).toHaveLength(19)
    expect(await prisma.product.count({ where: { shopId: shop.id } })).toBe(1)
  })

  test('cart items: 20 at once with one key add once', async () => {
    const { user, secret } = await shopper()
    const variantId = await listedVariant()
    const key = newKey()
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        post('/api/v1/cart/items', secret, key, { variantId, quantity: 1 }),
      ),
    )
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(200))
    expect(results.filter((result) => result.headers.get('Idempotent-Replayed'))).toHaveLength(19)
    expect(await cartQuantity(user.id, variantId)).toBe(1)
  })
})

describe('what is not replayed', () => {
  test('a refused request frees its key: the same request may succeed later', async () => {
    const { user, secret } = await shopper()
    const variantId = await listedVariant(1)
    const key = newKey()
    const body = { variantId, quantity: 2 }
    const refused = await post('/api/v1/cart/items', secret, key, body)
    expect(refused.status).toBe(422)
    await prisma.variant.update({ where: { id: variantId }, data: { stock: 5 } })
    const later = await post('/api/v1/cart/items', secret, key, body)
    expect(later.status).toBe(200)
    expect(later.headers.get('Idempotent-Replayed')).toBeNull()
    expect(await cartQuantity(user.id, variantId)).toBe(2)
  })

  test('keys are each account’s own, and answers are pruned after a day', async () => {
    const variantId = await listedVariant()
    const key = newKey()
    const ann = await shopper()
    const bob = await shopper()
    const body = { variantId, quantity: 1 }
    await post('/api/v1/cart/items', ann.secret, key, body)
    const bobs = await post('/api/v1/cart/items', bob.secret, key, body)
    expect(bobs.headers.get('Idempotent-Replayed')).toBeNull()
    expect(await cartQuantity(bob.user.id, variantId)).toBe(1)
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000 + 1000)
    expect(await pruneIdempotencyKeys(tomorrow)).toBeGreaterThanOrEqual(2)
    expect(await prisma.apiIdempotencyKey.count({ where: { key } })).toBe(0)
  })

  test('checkout: the same key with another body is a 422 and places nothing', async () => {
    const { user, secret } = await shopper()
    const variantId = await listedVariant()
    const added = await post('/api/v1/cart/items', secret, null, {
      variantId,
      quantity: 1,
    })
    const cart = added.body as { cartToken: string; itemsTotal: number }
    const body = {
      cartToken: cart.cartToken,
      address: SAMPLE_ADDRESS,
      shippingMethod: 'standard',
      expectedTotal: orderTotal(cart.itemsTotal, 'standard', getEnv().STORE_CURRENCY),
    }
    const key = newKey()
    const placed = await post('/api/v1/checkout', secret, key, body)
    expect(placed.status).toBe(201)
    const other = await post('/api/v1/checkout', secret, key, {
      ...body,
      address: { ...SAMPLE_ADDRESS, city: 'Salem' },
    })
    expect((other.body as Problem).code).toBe('idempotency-key-reused')
    expectReplay(placed, await post('/api/v1/checkout', secret, key, body))
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(1)
  })
})

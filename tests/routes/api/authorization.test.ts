import { randomBytes } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { apiDocument } from '~/http/api/document.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { API_SCOPES, scopesForRoles, type ApiScope } from '~/services/accounts/api-token-schemas.ts'
import { getProductForEdit } from '~/services/catalog/products.server.ts'
import { createAddress } from '~/services/orders/addresses.server.ts'
import { CARRIERS } from '~/services/orders/carriers.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { toggleSave } from '~/services/wishlist/wishlist.server.ts'
import { multipartBody } from '../../support/images.ts'
import { callApi, userWithToken } from '../../support/api.ts'
import { createUser } from '../../support/fixtures.ts'
import {
  createProduct,
  createSeller,
  createShop,
  placeTestOrder,
  putInCart,
  SAMPLE_ADDRESS,
} from '../../support/shop-fixtures.ts'

// The authorization matrix, generated from the OpenAPI document (which the foundations test ties
// to the route files), so a new endpoint is in it without anyone adding it: every operation is
// called by anonymous, a shopper, a seller and an admin, each with every scope its roles allow.
// Public operations never ask for a token; the others answer 401 without one and 403 to a
// token whose account may not hold the scope. The second test is the ownership dimension: seller
// B against seller A's things, shopper B against shopper A's, for every operation that is
// neither public nor an admin's.

type Persona = 'anonymous' | 'shopper' | 'seller' | 'admin'
const ROLES = {
  shopper: ['SHOPPER'],
  seller: ['SHOPPER', 'SELLER'],
  admin: ['SHOPPER', 'ADMIN'],
} as const
const tokens: Partial<Record<Persona, string>> = {}

beforeAll(async () => {
  for (const persona of ['shopper', 'seller', 'admin'] as const) {
    const roles = [...ROLES[persona]]
    tokens[persona] = (await userWithToken(scopesForRoles(roles), { roles })).secret
  }
})

type Operation = { security?: Array<Record<string, string[]>> }

test('every operation answers each persona as its scope says', async () => {
  const document = apiDocument() as unknown as {
    paths: Record<string, Record<string, Operation>>
  }
  let checked = 0
  for (const [path, operations] of Object.entries(document.paths)) {
    const url = `/api/v1${path.replace(/\{\w+\}/g, 'no-such-thing')}`
    for (const [method, operation] of Object.entries(operations)) {
      const scope = operation.security?.find((item) => item.bearerAuth?.length)?.bearerAuth?.[0] as
        ApiScope | undefined
      for (const persona of ['anonymous', 'shopper', 'seller', 'admin'] as const) {
        const result = await callApi(url, {
          method: method.toUpperCase(),
          ...(tokens[persona] ? { token: tokens[persona] } : {}),
          ...(method === 'get' || method === 'delete' ? {} : { body: {} }),
        })
        const where = `${method.toUpperCase()} ${path} as ${persona}`
        if (!scope) {
          expect([401, 403], where).not.toContain(result.status)
          continue
        }
        const role = API_SCOPES[scope]
        const allowed =
          persona !== 'anonymous' &&
          (role === null || (ROLES[persona] as readonly string[]).includes(role))
        if (persona === 'anonymous') expect(result.status, where).toBe(401)
        else if (!allowed) expect(result.status, where).toBe(403)
        else expect([401, 403], where).not.toContain(result.status)
        expect(result.status, where).toBeLessThan(500)
      }
      checked++
    }
  }
  expect(checked).toBeGreaterThan(25)
})

// ---------------------------------------------------------------- A's things, B's token

type Victims = Awaited<ReturnType<typeof victims>>

/**
 * Seller A's shop with a product in shopper A's order, and shopper A's saved address, cart and
 * wishlist.
 */
async function victims() {
  const sellerA = await createSeller('Ava Seller')
  const product = await createProduct(sellerA.shop.id, { variants: [{ stock: 9 }, { stock: 9 }] })
  const shopperA = await createUser({ name: 'Ada Shopper' })
  const order = await placeTestOrder(shopperA.id, [
    { variantId: product.variants[0]!.id, quantity: 1 },
  ])
  const address = await createAddress(shopperA.id, SAMPLE_ADDRESS, { makeDefault: true })
  await putInCart(shopperA.id, product.variants[1]!.id, 2, 4000)
  await toggleSave({ userId: shopperA.id }, { productId: product.id, want: 'save' })
  const edit = (await getProductForEdit(sellerA.user.id, product.id))!
  return { sellerA, shopperA, product, order, addressId: address.id, edit }
}

/** B: a seller with a shop of their own (for shop:* operations), and a shopper with a cart. */
async function intruders() {
  const roles = [...ROLES.seller]
  const sellerB = await userWithToken(scopesForRoles(roles), { roles })
  const shop = await createShop({ ownerId: sellerB.user.id })
  const own = await createProduct(shop.id)
  const shopperB = await userWithToken(scopesForRoles(['SHOPPER']))
  await putInCart(shopperB.user.id, own.variants[0]!.id, 1, 4000)
  const cart = await getCart({ userId: shopperB.user.id })
  return { sellerB, shopperB, cartToken: cart.checkoutToken!, itemsTotal: cart.itemsTotal }
}

/** Everything of A's that B could change: it must be the same after every call B makes. */
async function stateOf(a: Victims) {
  return JSON.stringify(
    await Promise.all([
      prisma.product.findMany({
        where: { shopId: a.sellerA.shop.id },
        select: {
          id: true,
          version: true,
          status: true,
          updatedAt: true,
          variants: { select: { sku: true, stock: true, price: true }, orderBy: { sku: 'asc' } },
        },
      }),
      prisma.order.findMany({
        where: { userId: a.shopperA.id },
        select: {
          number: true,
          status: true,
          shipments: { select: { status: true, trackingNumber: true, deliveredAt: true } },
        },
      }),
      prisma.address.findMany({ where: { userId: a.shopperA.id }, orderBy: { id: 'asc' } }),
      prisma.cart.findUnique({
        where: { userId: a.shopperA.id },
        select: { items: { select: { variantId: true, quantity: true } } },
      }),
      prisma.wishlistItem.findMany({ where: { userId: a.shopperA.id }, orderBy: { id: 'asc' } }),
    ]),
  )
}

/**
 * What each path parameter of A's things is, by the path it is in. `owned`: an id of A's own
 * record, so B's call is a 404 (this API's answer for "not yours", the same as "no such thing").
 * Not owned: a catalog id anyone can see, where B's call acts on B's own record (B's cart line).
 */
const PARAMS: Array<{ path: RegExp; param: string; owned: boolean; of: (a: Victims) => string }> = [
  { path: /^\/shop\/products\/\{id\}/, param: 'id', owned: true, of: (a) => a.product.id },
  {
    path: /^\/shop\/products\/\{id\}\/images\/\{imageId\}$/,
    param: 'imageId',
    owned: true,
    of: () => 'a-photo-of-a-product-of-A',
  },
  { path: /^\/shop\/orders\/\{number\}/, param: 'number', owned: true, of: (a) => a.order.number },
  { path: /^\/orders\/\{number\}/, param: 'number', owned: true, of: (a) => a.order.number },
  { path: /^\/addresses\/\{id\}$/, param: 'id', owned: true, of: (a) => a.addressId },
  {
    path: /^\/cart\/items\/\{variantId\}$/,
    param: 'variantId',
    owned: false,
    of: (a) => a.product.variants[1]!.id,
  },
  // A's saved product: B's delete takes it out of B's own wishlist (where it is not).
  { path: /^\/wishlist\/\{target\}$/, param: 'target', owned: false, of: (a) => a.product.id },
]

type Context = { a: Victims; b: Awaited<ReturnType<typeof intruders>> }

/**
 * How each operation that writes could be pointed at A's things: a body valid in every other
 * respect (so the refusal is the ownership check's, not a schema's), its headers, and where a
 * body naming A's thing is refused. `own`: it creates in B's own account and names nothing of
 * anyone else's (a catalog id is public), so there is nothing of A's to aim at.
 */
const WRITES: Record<
  string,
  | { own: string }
  | {
      body?: (c: Context) => unknown
      /** A multipart body instead of JSON. */
      raw?: () => { body: Buffer; contentType: string }
      headers?: (c: Context) => Record<string, string>
      refusedAt?: string
    }
> = {
  addCartItem: { own: 'puts a public variant in the caller’s own cart' },
  changeCartItem: { body: () => ({ quantity: 1 }) },
  removeCartItem: {},
  createAddress: { own: 'saves an address to the caller’s own account' },
  updateAddress: { body: () => ({ address: { ...SAMPLE_ADDRESS, city: 'Elsewhere' } }) },
  deleteAddress: {},
  cancelOrder: {},
  checkout: {
    body: ({ a, b }) => ({
      cartToken: b.cartToken,
      addressId: a.addressId,
      shippingMethod: 'standard',
      expectedTotal: orderTotal(b.itemsTotal, 'standard', getEnv().STORE_CURRENCY),
    }),
    headers: () => ({ 'Idempotency-Key': randomBytes(18).toString('base64url') }),
    refusedAt: '/addressId',
  },
  createShopProduct: { own: 'adds a product to the caller’s own shop' },
  updateShopProduct: {
    body: ({ a }) => ({
      title: 'Taken over',
      categoryId: a.edit.categoryId,
      sizeScaleId: a.edit.sizeScaleId,
      price: 100,
      variants: a.edit.variants.map(({ colorId, sizeId, sku }) => ({
        colorId,
        sizeId,
        sku,
        stock: 0,
      })),
    }),
    headers: ({ a }) => ({ 'If-Match': `"${a.edit.version}"` }),
  },
  archiveShopProduct: {},
  updateShopStock: {
    body: ({ a }) => ({ items: [{ sku: a.product.variants[0]!.sku, stock: 0 }] }),
    refusedAt: '/items/0/sku',
  },
  markShopOrderShipped: {
    body: () => ({ carrier: CARRIERS[0]!.id, trackingNumber: 'TRACK123456' }),
  },
  markShopOrderDelivered: {},
  reorderShopProductImages: { body: () => ({ imageIds: [] }) },
  updateShopProductImage: { body: () => ({ alt: 'Taken over' }) },
  deleteShopProductImage: {},
  uploadShopProductImages: {
    raw: () =>
      multipartBody([
        { field: 'file', filename: 'x.jpg', contentType: 'image/jpeg', data: 'not read' },
      ]),
  },
  saveToWishlist: { own: 'saves a public product to the caller’s own wishlist' },
  removeFromWishlist: {},
}

type FullOperation = Operation & { operationId: string; requestBody?: unknown }

test('B reaches none of A’s things: seller B against seller A, shopper B against shopper A', async () => {
  const context: Context = { a: await victims(), b: await intruders() }
  const { a, b } = context
  const before = await stateOf(a)
  // What must never appear in an answer to B, unless B sent it.
  const secrets = [
    a.order.number,
    a.addressId,
    a.product.id,
    ...a.product.variants.map((v) => v.sku),
  ]
  const document = apiDocument() as unknown as {
    paths: Record<string, Record<string, FullOperation>>
  }
  const seen = new Set<string>()
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const scope = operation.security?.find((item) => item.bearerAuth?.length)?.bearerAuth?.[0]
      if (!scope || scope.startsWith('admin:')) continue // public, or an admin's (who sees all)
      const where = `${method.toUpperCase()} ${path} (${operation.operationId})`
      seen.add(operation.operationId)
      const token = scope.startsWith('shop:') ? b.sellerB.secret : b.shopperB.secret
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)
      const resolved = names.map((name) => {
        const entry = PARAMS.find((item) => item.path.test(path) && item.param === name)
        expect(entry, `${where}: say in PARAMS which of A's things {${name}} names`).toBeDefined()
        return { name, ...entry! }
      })
      const write = WRITES[operation.operationId]
      if (method !== 'get')
        expect(write, `${where}: say in WRITES how it could reach A's things`).toBeDefined()
      if (write && 'own' in write) continue
      if (operation.requestBody)
        expect(
          write?.body ?? write?.raw,
          `${where}: give WRITES a body valid but for whose it is`,
        ).toBeDefined()
      const params = Object.fromEntries(resolved.map((item) => [item.name, item.of(a)]))
      const url = `/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!)}`
      const body = write?.body?.(context)
      const result = await callApi(url, {
        method: method.toUpperCase(),
        token,
        ...(write?.headers ? { headers: write.headers(context) } : {}),
        ...(body === undefined ? {} : { body }),
        ...(write?.raw ? { raw: write.raw() } : {}),
      })
      if (resolved.some((item) => item.owned)) expect(result.status, where).toBe(404)
      else if (write?.refusedAt) {
        expect(result.status, where).toBeGreaterThanOrEqual(400)
        expect(result.status, where).toBeLessThan(500)
        const problem = result.body as { errors?: Array<{ pointer: string }> }
        expect(
          problem.errors?.map((error) => error.pointer),
          where,
        ).toContain(write.refusedAt)
      } else expect(result.status, where).toBeLessThan(500)
      // Nothing of A's B did not send: an answer may echo B's own request (a SKU in its refusal).
      const sent = `${url} ${JSON.stringify(body ?? null)}`
      const answer = JSON.stringify(result.body ?? null)
      for (const secret of secrets.filter((item) => !sent.includes(item)))
        expect(answer, `${where} shows ${secret}`).not.toContain(secret)
      expect(await stateOf(a), `${where} changed A's things`).toBe(before)
    }
  }
  // The table names no operation the document has lost.
  for (const id of Object.keys(WRITES)) expect(seen, `WRITES.${id} is no operation`).toContain(id)
})

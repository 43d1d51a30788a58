import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { createApiToken } from '~/services/accounts/api-tokens.server.ts'
import { multipartBody, photo, type Part } from '../../support/images.ts'
import { attachPhoto } from '../../support/media.ts'
import { callApi } from '../../support/api.ts'
import { databaseFingerprint, type Fingerprint } from '../../support/database-fingerprint.ts'
import { createUser } from '../../support/fixtures.ts'
import {
  catalogBasics,
  createProduct,
  createSeller,
  placeTestOrder,
} from '../../support/shop-fixtures.ts'
import { queuedKeys } from '../../support/jobs.ts'

// A seller's shop through /api/v1: products with If-Match, the stock sheet (all rows or none),
// the shop's part of orders, its photos and its sales figures. Every answer is also checked against the OpenAPI document.

type Problem = { status: number; code: string; errors?: Array<{ pointer: string; detail: string }> }
type SellerProduct = {
  id: string
  version: number
  variants: Array<{
    colorId: string
    sizeId: string
    sku: string
    stock: number
    price: number | null
  }>
}

const COLORS = ['Black', 'Ivory', 'Navy', 'Rose']
const SIZES = ['XS', 'S', 'M', 'L', 'XL']

async function sellerWithToken() {
  const seller = await createSeller()
  const { secret } = await createApiToken(seller.user, {
    name: 'tools',
    scopes: ['shop:read', 'shop:write'],
    expiresInDays: 30,
  })
  return { ...seller, secret }
}

let a: Awaited<ReturnType<typeof sellerWithToken>>
let b: Awaited<ReturnType<typeof sellerWithToken>>

beforeAll(async () => {
  a = await sellerWithToken()
  b = await sellerWithToken()
})

/** Everything but the token's own bookkeeping (each request records a use). */
async function fingerprint(): Promise<Fingerprint> {
  const { ApiTokenUse: _uses, ApiToken: _tokens, ...rest } = await databaseFingerprint()
  return rest
}

describe('the stock sheet', () => {
  test('1,000 SKUs with one bad row change nothing and name the row; without it every row applies', async () => {
    const grid = COLORS.flatMap((color) => SIZES.map((size) => ({ color, size, stock: 3 })))
    const products = []
    for (let i = 0; i < 50; i++) products.push(await createProduct(a.shop.id, { variants: grid }))
    const skus = products.flatMap((product) => product.variants.map((variant) => variant.sku))
    expect(skus).toHaveLength(1000)
    const other = await createProduct(b.shop.id, { variants: [{ stock: 4 }] })

    const rows = skus.map((sku) => ({ sku, stock: 7 }))
    const before = await fingerprint()
    for (const [index, bad] of [
      [613, { sku: 'NO-SUCH-SKU', stock: 7 }],
      [998, { sku: other.variants[0]!.sku, stock: 7 }], // another shop's SKU is not yours
    ] as const) {
      const items = rows.map((row, i) => (i === index ? bad : row))
      const refused = await callApi('/api/v1/shop/stock', {
        method: 'POST',
        token: a.secret,
        body: { items },
      })
      expect(refused.status).toBe(422)
      const problem = refused.body as Problem
      expect(problem.errors).toEqual([
        { pointer: `/items/${index}/sku`, detail: expect.stringContaining(`Row ${index + 1}`) },
      ])
    }
    // A row breaking the schema (negative stock) is named the same way.
    const negative = await callApi('/api/v1/shop/stock', {
      method: 'POST',
      token: a.secret,
      body: { items: rows.map((row, i) => (i === 5 ? { ...row, stock: -1 } : row)) },
    })
    expect(negative.status).toBe(422)
    expect((negative.body as Problem).errors?.map((error) => error.pointer)).toEqual([
      '/items/5/stock',
    ])
    expect(await fingerprint()).toEqual(before)

    const applied = await callApi('/api/v1/shop/stock', {
      method: 'POST',
      token: a.secret,
      body: { items: rows },
    })
    expect(applied.status).toBe(200)
    expect(applied.body).toEqual({ variants: 1000, products: 50 })
    const stocks = await prisma.variant.groupBy({
      by: ['stock'],
      where: { sku: { in: skus } },
      _count: { _all: true },
    })
    expect(stocks).toEqual([{ stock: 7, _count: { _all: 1000 } }])
    expect(
      (await prisma.variant.findUniqueOrThrow({ where: { id: other.variants[0]!.id } })).stock,
    ).toBe(4)
    // Search hears about every product.
    const ids = new Set(products.map((product) => product.id))
    const changed = new Set(
      (await queuedKeys('search.product')).map((item) => item.key).filter((id) => ids.has(id)),
    )
    expect(changed.size).toBe(50)
  })

  test('a price row re-prices its product and makes an edit form opened before it stale', async () => {
    const product = await createProduct(a.shop.id, {
      price: 5000,
      variants: [{ size: 'S' }, { size: 'M' }],
    })
    const result = await callApi('/api/v1/shop/stock', {
      method: 'POST',
      token: a.secret,
      body: { items: [{ sku: product.variants[1]!.sku.toLowerCase(), price: 3500 }] },
    })
    expect(result.status).toBe(200)
    const row = await prisma.product.findUniqueOrThrow({ where: { id: product.id } })
    expect(row).toMatchObject({ minPrice: 3500, version: product.version + 1 })
  })
})

describe('products', () => {
  test('create, read, update with If-Match (428 without it, 412 when stale), archive; another shop sees a 404', async () => {
    const { categoryId, scaleId, colors, sizes } = await catalogBasics()
    const variant = (size: string, sku: string) => ({
      colorId: colors.get('Navy')!,
      sizeId: sizes.get(size)!,
      sku,
      stock: 2,
    })
    const body = {
      title: 'Api Linen Shirt',
      categoryId,
      sizeScaleId: scaleId,
      price: 3900,
      variants: [variant('S', `API-S-${Date.now()}`), variant('M', `API-M-${Date.now()}`)],
    }
    const duplicate = await callApi('/api/v1/shop/products', {
      method: 'POST',
      token: a.secret,
      body: {
        ...body,
        variants: [body.variants[0], { ...body.variants[1], sku: body.variants[0]!.sku }],
      },
    })
    expect(duplicate.status).toBe(422)
    expect((duplicate.body as Problem).errors?.map((error) => error.pointer)).toEqual([
      '/variants/0/sku',
      '/variants/1/sku',
    ])

    const created = await callApi('/api/v1/shop/products', {
      method: 'POST',
      token: a.secret,
      body: { ...body, publish: true },
    })
    expect(created.status).toBe(201)
    const product = created.body as SellerProduct & { status: string; listed: boolean }
    expect(product).toMatchObject({ status: 'ACTIVE', listed: true, version: 1 })
    expect(created.headers.get('Location')).toBe(`/api/v1/shop/products/${product.id}`)
    const path = `/api/v1/shop/products/${product.id}`

    const foreign = await callApi(path, { token: b.secret })
    expect(foreign.status).toBe(404)

    const put = (headers: Record<string, string>, token = a.secret) =>
      callApi(path, {
        method: 'PUT',
        token,
        headers,
        body: { ...body, title: 'Api Linen Shirt, washed', variants: product.variants },
      })
    expect((await put({})).status).toBe(428)
    expect((await put({ 'If-Match': `"${product.version + 5}"` })).status).toBe(412)
    expect((await put({ 'If-Match': `"${product.version}"` }, b.secret)).status).toBe(404)
    const saved = await put({ 'If-Match': `"${product.version}"` })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ title: 'Api Linen Shirt, washed', version: 2 })
    expect((await put({ 'If-Match': `"${product.version}"` })).status).toBe(412)

    const listed = await callApi('/api/v1/shop/products?status=ACTIVE', {
      token: a.secret,
    })
    expect(
      (listed.body as { items: Array<{ id: string }> }).items.map((item) => item.id),
    ).toContain(product.id)
    expect((await callApi(path, { method: 'DELETE', token: b.secret })).status).toBe(404)
    expect((await callApi(path, { method: 'DELETE', token: a.secret })).status).toBe(204)
    expect(await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      status: 'ARCHIVED',
      listed: false,
    })
  })
})

describe('orders', () => {
  test('listed and shown to their shop only; shipped with carrier and tracking, then delivered', async () => {
    const product = await createProduct(a.shop.id, { variants: [{ stock: 5 }] })
    const shopper = await createUser()
    const order = await placeTestOrder(shopper.id, [
      { variantId: product.variants[0]!.id, quantity: 2 },
    ])
    const number = order.number
    const list = await callApi('/api/v1/shop/orders', { token: a.secret })
    expect(list.status).toBe(200)
    expect(list.body).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ number, status: 'PENDING', units: 2 }),
      ]),
    })
    const path = `/api/v1/shop/orders/${number}`
    expect((await callApi(path, { token: b.secret })).status).toBe(404)
    const one = await callApi(path, { token: a.secret })
    expect(one.body).toMatchObject({
      number,
      status: 'PENDING',
      lines: [expect.objectContaining({ quantity: 2 })],
    })

    const ship = (body: unknown, token = a.secret) =>
      callApi(`${path}/shipped`, { method: 'POST', token, body })
    const bad = await ship({ carrier: 'ups', trackingNumber: '12' })
    expect(bad.status).toBe(422)
    expect((bad.body as Problem).errors?.[0]?.pointer).toBe('/trackingNumber')
    expect(
      (await ship({ carrier: 'ups', trackingNumber: '1Z999AA10123456784' }, b.secret)).status,
    ).toBe(404)
    const shipped = await ship({ carrier: 'ups', trackingNumber: '1Z999AA10123456784' })
    expect(shipped.status).toBe(200)
    expect(shipped.body).toMatchObject({
      status: 'SHIPPED',
      carrier: 'ups',
      orderStatus: 'SHIPPED',
    })
    const again = await ship({ carrier: 'ups', trackingNumber: '1Z999AA10123456784' })
    expect(again.status).toBe(409)
    expect((again.body as Problem).code).toBe('shipment-state')

    const delivered = await callApi(`${path}/delivered`, {
      method: 'POST',
      token: a.secret,
    })
    expect(delivered.status).toBe(200)
    expect(delivered.body).toMatchObject({ status: 'DELIVERED', orderStatus: 'DELIVERED' })
  })
})

describe('photos and sales', () => {
  test('photos are uploaded as multipart: each file’s result, a bad file named, none added is a 422, a retry adds nothing', async () => {
    const product = await createProduct(a.shop.id, {
      variants: [{ color: 'Black', size: 'S', stock: 2 }],
    })
    const path = `/api/v1/shop/products/${product.id}/images`
    const jpeg = await photo({ width: 640, height: 800 })
    const upload = (parts: Part[], init: { token?: string; key?: string } = {}) =>
      callApi(path, {
        method: 'POST',
        token: init.token ?? a.secret,
        raw: multipartBody(parts.map((part) => ({ field: 'file', ...part }))),
        ...(init.key ? { headers: { 'Idempotency-Key': init.key } } : {}),
      })
    type Uploaded = {
      results: Array<{ file: string; ok: boolean; imageId?: string; code?: string }>
      images: Array<{ id: string; position: number; srcSet: { avif: string } }>
    }

    const key = 'photo-upload-0001-abcdef'
    const body = multipartBody([
      { field: 'file', filename: 'front.jpg', contentType: 'image/jpeg', data: jpeg },
      { field: 'file', filename: 'notes.txt', contentType: 'image/jpeg', data: 'not a photo' },
    ])
    const send = () =>
      callApi(path, {
        method: 'POST',
        token: a.secret,
        raw: body,
        headers: { 'Idempotency-Key': key },
      })
    const added = await send()
    expect(added.status).toBe(201)
    const answer = added.body as Uploaded
    expect(answer.results.map(({ file, ok }) => [file, ok])).toEqual([
      ['front.jpg', true],
      ['notes.txt', false],
    ])
    expect(answer.results[1]!.code).toBeTruthy()
    expect(answer.images).toHaveLength(1)
    expect(answer.images[0]!.id).toBe(answer.results[0]!.imageId)
    expect(answer.images[0]!.srcSet.avif).toContain('.avif')

    // The same request again (a lost answer): the first answer, and no second photo.
    const replayed = await send()
    expect(replayed.status).toBe(201)
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true')
    expect(await prisma.productImage.count({ where: { productId: product.id } })).toBe(1)

    // Nothing acceptable: a 422 naming the file, nothing added.
    const refused = await upload([
      { filename: 'broken.jpg', contentType: 'image/jpeg', data: jpeg.subarray(0, 200) },
    ])
    expect(refused.status).toBe(422)
    expect((refused.body as Problem).errors).toMatchObject([
      { pointer: '/file/0', detail: expect.stringContaining('broken.jpg') },
    ])
    const empty = await upload([])
    expect(empty.status).toBe(422)
    expect(await prisma.productImage.count({ where: { productId: product.id } })).toBe(1)

    // Another shop's product is not there; a token that may only read cannot upload.
    const other = await upload([{ filename: 'x.jpg', contentType: 'image/jpeg', data: jpeg }], {
      token: b.secret,
    })
    expect(other.status).toBe(404)
    const { secret: readOnly } = await createApiToken(a.user, {
      name: 'reader',
      scopes: ['shop:read'],
      expiresInDays: 1,
    })
    const forbidden = await upload([{ filename: 'x.jpg', contentType: 'image/jpeg', data: jpeg }], {
      token: readOnly,
    })
    expect(forbidden.status).toBe(403)
    expect(await prisma.productImage.count({ where: { productId: product.id } })).toBe(1)
  })

  test('a product’s photos are listed, reordered, given a colour and deleted; only in one’s own shop', async () => {
    const product = await createProduct(a.shop.id, {
      variants: [
        { color: 'Black', size: 'S', stock: 2 },
        { color: 'Ivory', size: 'S', stock: 2 },
      ],
    })
    const first = await attachPhoto(product.id, a.user.id)
    const second = await attachPhoto(product.id, a.user.id)
    const path = `/api/v1/shop/products/${product.id}/images`
    const listed = await callApi(path, { token: a.secret })
    expect(listed.status).toBe(200)
    expect((listed.body as { images: Array<{ id: string }> }).images.map((i) => i.id)).toEqual([
      first.id,
      second.id,
    ])
    expect((await callApi(path, { token: b.secret })).status).toBe(404)

    const reorder = (imageIds: string[], token = a.secret) =>
      callApi(`${path}/order`, {
        method: 'PUT',
        token,
        body: { imageIds },
      })
    expect((await reorder([second.id, first.id], b.secret)).status).toBe(404)
    expect((await reorder([second.id])).status).toBe(409)
    const reordered = await reorder([second.id, first.id])
    expect(reordered.status).toBe(200)
    expect(
      (reordered.body as { images: Array<{ id: string; position: number }> }).images,
    ).toMatchObject([
      { id: second.id, position: 0 },
      { id: first.id, position: 1 },
    ])

    const colorId = product.variants.find((variant) => variant.color.name === 'Ivory')!.colorId
    const patch = (body: unknown, token = a.secret) =>
      callApi(`${path}/${first.id}`, {
        method: 'PATCH',
        token,
        body,
      })
    expect((await patch({ alt: 'Back' }, b.secret)).status).toBe(404)
    const wrongColour = await patch({ colorId: 'no-such-colour' })
    expect(wrongColour.status).toBe(422)
    expect((wrongColour.body as Problem).errors?.[0]?.pointer).toBe('/colorId')
    const changed = await patch({ alt: 'The back, in ivory', colorId })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ id: first.id, alt: 'The back, in ivory', colorId })

    const remove = (token: string) => callApi(`${path}/${first.id}`, { method: 'DELETE', token })
    expect((await remove(b.secret)).status).toBe(404)
    const removed = await remove(a.secret)
    expect(removed.status).toBe(200)
    expect((removed.body as { images: Array<{ id: string }> }).images).toMatchObject([
      { id: second.id, position: 0 },
    ])
  })

  test('sales figures are the sales page’s; a bad range is a 400 at its parameter', async () => {
    const product = await createProduct(a.shop.id, { price: 2500, variants: [{ stock: 9 }] })
    const shopper = await createUser()
    await placeTestOrder(shopper.id, [{ variantId: product.variants[0]!.id, quantity: 3 }])
    const sales = await callApi('/api/v1/shop/sales?by=week', { token: a.secret })
    expect(sales.status).toBe(200)
    expect(sales.body).toMatchObject({
      by: 'week',
      totals: { units: expect.any(Number), returned: 0 },
      products: expect.arrayContaining([
        expect.objectContaining({ productId: product.id, units: 3, revenue: 7500 }),
      ]),
    })
    const theirs = await callApi('/api/v1/shop/sales', { token: b.secret })
    expect(JSON.stringify(theirs.body)).not.toContain(product.id)

    const backwards = await callApi('/api/v1/shop/sales?from=2026-03-10&to=2026-03-01', {
      token: a.secret,
    })
    expect(backwards.status).toBe(400)
    const malformed = await callApi('/api/v1/shop/sales?from=yesterday', {
      token: a.secret,
    })
    expect(malformed.status).toBe(400)
  })
})

import { message } from '~/i18n/validation.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  action as editAction,
  loader as editLoader,
} from '~/routes/($locale).sell.products.$productId/route.tsx'
import {
  action as listAction,
  loader as listLoader,
} from '~/routes/($locale).sell.products._index.tsx'
import { action as newAction } from '~/routes/($locale).sell.products.new.tsx'
import {
  action as sellAction,
  loader as sellLoader,
} from '~/routes/($locale).sell._index/route.tsx'
import { getProductForEdit } from '~/services/catalog/products.server.ts'
import { variantKey } from '~/services/catalog/schemas.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import {
  createListedProduct,
  createSeller,
  taxonomyFixture,
  type Taxonomy,
} from '../support/catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

type Reply = {
  result?: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
  conflict?: { currentVersion: number } | null
  error?: Record<string, string[]>
}
const errorsOf = (result: { data: unknown }) => {
  const reply = result.data as Reply
  return reply.result?.error ?? reply.error ?? {}
}

/** The product form as a browser posts it: two colours × three sizes. */
function productForm(t: Taxonomy, overrides: Record<string, string | string[]> = {}) {
  const form: Record<string, string | string[]> = {
    intent: 'save',
    title: 'Striped Linen Shirt',
    description: 'Cool in summer.',
    categoryId: t.categories.tops.id,
    brandId: t.brands.acme.id,
    sizeScaleId: t.letters.id,
    tags: 'linen, Summer, linen',
    price: '39.90',
    discountPercent: '',
    discountStartsAt: '',
    discountEndsAt: '',
    colorIds: [t.colors.black.id, t.colors.white.id],
    sizeIds: [t.letters.S.id, t.letters.M.id, t.letters.L.id],
  }
  const tag = Math.random().toString(36).slice(2, 7).toUpperCase()
  for (const color of [t.colors.black, t.colors.white]) {
    for (const size of [t.letters.S, t.letters.M, t.letters.L]) {
      const key = variantKey(color.id, size.id)
      form[`variants.${key}.sku`] = `SLS-${tag}-${color.slug}-${size.label}`
      form[`variants.${key}.stock`] = size.label === 'M' ? '0' : '4'
      form[`variants.${key}.price`] = ''
    }
  }
  return { ...form, ...overrides }
}

/** The id in the Location of a create (`/sell/products/<id>#photos`). */
const productIdFrom = (headers: Headers) =>
  new URL(headers.get('Location')!, 'http://localhost').pathname.split('/').pop()!

describe('/sell onboarding', () => {
  test('visitors sign in first; a user opens a shop, becomes a seller, and goes on to add a product', async () => {
    const anonymous = await callRoute(sellLoader, routeRequest('/sell'))
    expect(anonymous.headers.get('Location')).toBe('/login?redirectTo=%2Fsell')

    const user = await createUser()
    const { cookie } = await signIn(user.id)
    expect((await callRoute(sellLoader, routeRequest('/sell', { cookie }))).data).toMatchObject({
      shop: null,
    })

    const bad = await callRoute(
      sellAction,
      routeRequest('/sell', { cookie, form: { name: 'Nice Threads', slug: 'Nice Threads!' } }),
    )
    expect(bad.status).toBe(400)
    expect(errorsOf(bad).slug).toEqual([message('catalog.slugFormat')])

    const ok = await callRoute(
      sellAction,
      routeRequest('/sell', {
        cookie,
        form: { name: 'Nice Threads', slug: 'nice-threads', description: 'Hand-picked.' },
      }),
    )
    expect(ok.status).toBe(302)
    expect(ok.headers.get('Location')).toBe('/sell/products/new')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toContain(
      'SELLER',
    )

    const other = await createUser()
    const taken = await callRoute(
      sellAction,
      routeRequest('/sell', {
        cookie: (await signIn(other.id)).cookie,
        form: { name: 'Copy', slug: 'nice-threads' },
      }),
    )
    expect(taken.status).toBe(400)
    expect(errorsOf(taken).slug).toEqual(['That web address is taken. Try another.'])
  })
})

describe('the product form', () => {
  test('creates a product with two colours × three sizes and publishes it', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const result = await callRoute(
      newAction,
      routeRequest('/sell/products/new', { cookie, form: productForm(t, { intent: 'publish' }) }),
    )
    expect(result.status).toBe(302)
    // On to the new product's form, at its photos.
    expect(result.headers.get('Location')).toMatch(/^\/sell\/products\/[^/]+#photos$/)
    const id = productIdFrom(result.headers)
    const product = (await getProductForEdit(user.id, id))!
    expect(product).toMatchObject({
      title: 'Striped Linen Shirt',
      status: 'ACTIVE',
      listed: true,
      price: 3990,
      tags: ['linen', 'summer'],
    })
    expect(product.variants).toHaveLength(6)
    expect(product.variants.filter((variant) => variant.stock === 0)).toHaveLength(2)
  })

  test('errors show at their fields and cells, and nothing is created', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const blackS = variantKey(t.colors.black.id, t.letters.S.id)
    const whiteL = variantKey(t.colors.white.id, t.letters.L.id)
    const blackM = variantKey(t.colors.black.id, t.letters.M.id)
    const form = productForm(t, {
      title: '',
      price: 'ten dollars',
      discountPercent: '95',
      [`variants.${blackS}.stock`]: '-2',
      [`variants.${whiteL}.sku`]: 'bad sku!',
      [`variants.${blackM}.price`]: '0',
    })
    const result = await callRoute(newAction, routeRequest('/sell/products/new', { cookie, form }))
    expect(result.status).toBe(400)
    const errors = errorsOf(result)
    expect(errors.title).toEqual(['validation:catalog.title'])
    expect(errors.price).toEqual(['validation:catalog.amount {"example":19.99}'])
    expect(errors.discountPercent).toEqual(['validation:catalog.discountMax {"max":90}'])
    expect(errors[`variants.${blackS}.stock`]).toEqual(['validation:catalog.stockNegative'])
    expect(errors[`variants.${whiteL}.sku`]).toEqual(['validation:catalog.skuFormat'])
    expect(errors[`variants.${blackM}.price`]).toEqual(['validation:catalog.pricePositive'])
    expect(await prisma.product.count({ where: { shop: { ownerId: user.id } } })).toBe(0)
  })

  test('a SKU used by another product, or twice in the form, is refused at the cell', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const existing = await createListedProduct(user.id, t)
    const takenSku = (await prisma.variant.findFirstOrThrow({ where: { productId: existing.id } }))
      .sku
    const blackS = variantKey(t.colors.black.id, t.letters.S.id)
    const whiteS = variantKey(t.colors.white.id, t.letters.S.id)
    const whiteM = variantKey(t.colors.white.id, t.letters.M.id)

    const twice = await callRoute(
      newAction,
      routeRequest('/sell/products/new', {
        cookie,
        form: productForm(t, {
          [`variants.${whiteS}.sku`]: 'SAME-1',
          [`variants.${whiteM}.sku`]: 'same-1',
        }),
      }),
    )
    expect(twice.status).toBe(400)
    expect(errorsOf(twice)[`variants.${whiteS}.sku`]).toEqual(['validation:catalog.skuUnique'])
    expect(errorsOf(twice)[`variants.${whiteM}.sku`]).toEqual(['validation:catalog.skuUnique'])

    const taken = await callRoute(
      newAction,
      routeRequest('/sell/products/new', {
        cookie,
        form: productForm(t, { [`variants.${blackS}.sku`]: takenSku.toLowerCase() }),
      }),
    )
    expect(taken.status).toBe(400)
    expect(errorsOf(taken)).toEqual({
      [`variants.${blackS}.sku`]: [`SKU ${takenSku} is already used by another product`],
    })
    expect(await prisma.product.count({ where: { shop: { ownerId: user.id } } })).toBe(1)
  })

  test('without JavaScript, "update variant table" redraws the matrix and saves nothing; new cells must be filled before saving', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    // The seller ticked Red and XL but the table has no cells for them yet.
    const form = productForm(t, {
      colorIds: [t.colors.black.id, t.colors.white.id, t.colors.red.id],
      sizeIds: [t.letters.S.id, t.letters.M.id, t.letters.L.id, t.letters.XL.id],
    })
    const redraw = await callRoute(
      newAction,
      routeRequest('/sell/products/new', { cookie, form: { ...form, intent: 'update-matrix' } }),
    )
    expect(redraw.status).toBe(200)
    expect((redraw.data as Reply).result).toMatchObject({
      error: {},
      initialValue: { colorIds: [t.colors.black.id, t.colors.white.id, t.colors.red.id] },
    })

    const save = await callRoute(newAction, routeRequest('/sell/products/new', { cookie, form }))
    expect(save.status).toBe(400)
    const redXL = variantKey(t.colors.red.id, t.letters.XL.id)
    expect(errorsOf(save)[`variants.${redXL}.sku`]).toEqual(['validation:catalog.sku'])
    expect(errorsOf(save)[`variants.${redXL}.stock`]).toEqual(['validation:catalog.stock'])
    expect(await prisma.product.count({ where: { shop: { ownerId: user.id } } })).toBe(0)
  })

  test('an unticked colour drops its variants on save', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const created = await callRoute(
      newAction,
      routeRequest('/sell/products/new', { cookie, form: productForm(t) }),
    )
    const id = productIdFrom(created.headers)
    const page = await callRoute(editLoader, routeRequest(`/sell/products/${id}`, { cookie }), {
      params: { productId: id },
    })
    const defaults = (
      page.data as {
        defaults: {
          variants: Record<string, { sku: string; stock: string; stockWas: string }>
          version: string
        }
      }
    ).defaults
    const form: Record<string, string | string[]> = {
      ...productForm(t),
      version: defaults.version,
      colorIds: [t.colors.black.id],
    }
    for (const [key, cell] of Object.entries(defaults.variants)) {
      form[`variants.${key}.sku`] = cell.sku
      form[`variants.${key}.stock`] = cell.stock
      form[`variants.${key}.stockWas`] = cell.stockWas
    }
    const saved = await callRoute(
      editAction,
      routeRequest(`/sell/products/${id}`, { cookie, form }),
      { params: { productId: id } },
    )
    expect(saved.status).toBe(302)
    const after = (await getProductForEdit(user.id, id))!
    expect(after.variants.map((variant) => variant.colorId)).toEqual([
      t.colors.black.id,
      t.colors.black.id,
      t.colors.black.id,
    ])
  })

  test('saving a stale version answers 409 with the conflict, and overwrites nothing', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const product = await createListedProduct(user.id, t)
    await prisma.product.update({
      where: { id: product.id },
      data: { version: { increment: 1 }, title: 'Changed In Another Tab' },
    })
    const before = await prisma.product.findUniqueOrThrow({
      where: { id: product.id },
      include: { variants: true },
    })
    const form = { ...productForm(t, { title: 'My Stale Edit' }), version: String(product.version) }
    const result = await callRoute(
      editAction,
      routeRequest(`/sell/products/${product.id}`, { cookie, form }),
      { params: { productId: product.id } },
    )
    expect(result.status).toBe(409)
    const reply = result.data as Reply
    expect(reply.conflict).toEqual({ currentVersion: before.version })
    expect(reply.result?.error?.['']).toEqual([
      'This product was changed somewhere else after you opened it, so your changes were not saved.',
    ])
    expect(reply.result?.initialValue).toMatchObject({ title: 'My Stale Edit' })
    expect(
      await prisma.product.findUniqueOrThrow({
        where: { id: product.id },
        include: { variants: true },
      }),
    ).toEqual(before)
  })

  test('publishing an unpriced draft is refused with a message; the list marks low stock', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const draft = await createListedProduct(user.id, t, { price: null }, { publish: false })
    const quick = await callRoute(
      listAction,
      routeRequest('/sell/products', { cookie, form: { intent: 'publish', productId: draft.id } }),
    )
    expect(quick).toMatchObject({
      status: 400,
      data: {
        productId: draft.id,
        error: 'Add at least one variant with a price before publishing.',
      },
    })

    const low = await createListedProduct(user.id, t, { title: 'Nearly Gone' })
    await prisma.variant.updateMany({ where: { productId: low.id }, data: { stock: 2 } })
    const list = await callRoute(listLoader, routeRequest('/sell/products', { cookie }))
    const rows = (
      list.data as {
        items: Array<{ id: string; stock: number; lowStockVariants: number; status: string }>
      }
    ).items
    expect(rows.find((row) => row.id === low.id)).toMatchObject({
      stock: 12,
      lowStockVariants: 6,
      status: 'ACTIVE',
    })
    expect(rows.find((row) => row.id === draft.id)).toMatchObject({ status: 'DRAFT' })
  })
})

describe('/fa/sell: the seller dashboard in Persian', () => {
  test('titles, refusals by code, toasts and redirects stay in Persian', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const list = await callRoute(listLoader, routeRequest('/fa/sell/products', { cookie }))
    expect((list.data as { title: string }).title).toBe('محصولات · شیک‌پوش')

    const draft = await createListedProduct(user.id, t, { price: null }, { publish: false })
    const refused = await callRoute(
      listAction,
      routeRequest('/fa/sell/products', {
        cookie,
        form: { intent: 'publish', productId: draft.id },
      }),
    )
    expect(refused).toMatchObject({
      status: 400,
      data: { productId: draft.id, error: 'پیش از انتشار، دست‌کم برای یک تنوع قیمت بگذارید.' },
    })

    const form = productForm(t)
    const created = await callRoute(
      newAction,
      routeRequest('/fa/sell/products/new', { cookie, form }),
    )
    expect(created.status).toBe(302)
    expect(created.headers.get('Location')).toMatch(/^\/fa\/sell\/products\/\w+#photos$/)

    // The same SKUs again: refused at the cells, in Persian, by the service's code.
    const again = await callRoute(
      newAction,
      routeRequest('/fa/sell/products/new', { cookie, form }),
    )
    expect(again.status).toBe(400)
    const messages = Object.values(errorsOf(again)).flat()
    expect(messages.length).toBeGreaterThan(0)
    for (const message of messages) expect(message).toMatch(/کد انبار .* را محصول دیگری/)
  })
})

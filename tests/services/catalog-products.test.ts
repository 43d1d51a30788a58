import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import {
  REPRICE_TASK,
  repriceStaleProducts,
  repriceTask,
} from '~/services/catalog/changes.server.ts'
import { CatalogValidationError, VersionConflictError } from '~/services/catalog/errors.ts'
import { changeProductStatus } from '~/services/catalog/product-status.server.ts'
import {
  createProduct,
  getProductForEdit,
  updateProduct,
} from '~/services/catalog/products.server.ts'
import { variantKey } from '~/services/catalog/schemas.ts'
import { getProductCards } from '~/services/catalog/storefront.server.ts'
import { getProductPage } from '~/services/catalog/product-page.server.ts'
import {
  createListedProduct,
  createSeller,
  productInput,
  taxonomyFixture,
} from '../support/catalog.ts'
import { gridIds } from '../support/search.ts'
import { jobMomentsFor, pendingWorkCount, queuedKeys } from '../support/jobs.ts'

async function validationErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(CatalogValidationError)
  return (error as CatalogValidationError).fieldErrors
}

const snapshot = async (productId: string) =>
  prisma.product.findUniqueOrThrow({
    where: { id: productId },
    include: {
      variants: {
        orderBy: { sku: 'asc' },
        select: { id: true, sku: true, stock: true, price: true, colorId: true, sizeId: true },
      },
    },
  })

describe('creating and editing products', () => {
  test('a new product keeps its variants, upper-cased SKUs and derived prices', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const input = productInput(t)
    input.variants[5]!.price = 3990
    const created = await createProduct(user.id, input)
    const product = await snapshot(created.id)
    expect(product).toMatchObject({
      status: 'DRAFT',
      listed: false,
      version: 1,
      price: 4990,
      minPrice: 3990,
      effectivePrice: 3990,
      onSale: false,
      slug: 'linen-midi-dress',
    })
    expect(product.variants).toHaveLength(6)
    expect(product.variants.every((variant) => variant.sku === variant.sku.toUpperCase())).toBe(
      true,
    )

    // Same title again: a different slug.
    const second = await createProduct(user.id, productInput(t))
    expect(second.slug).toMatch(/^linen-midi-dress-[0-9a-f]{6}$/)
  })

  test('SKUs are unique across the store, per product and case-insensitively', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const first = await createListedProduct(user.id, t)
    const firstSku = (await snapshot(first.id)).variants[0]!

    const reused = productInput(t)
    reused.variants[2]!.sku = firstSku.sku.toLowerCase()
    const key = variantKey(reused.variants[2]!.colorId, reused.variants[2]!.sizeId)
    expect(await validationErrors(createProduct(user.id, reused))).toEqual({
      [`variants.${key}.sku`]: [`SKU ${firstSku.sku} is already used by another product`],
    })

    const twice = productInput(t)
    twice.variants[1]!.sku = twice.variants[0]!.sku
    const errors = await validationErrors(createProduct(user.id, twice))
    expect(Object.keys(errors).sort()).toEqual(
      [
        variantKey(twice.variants[0]!.colorId, twice.variants[0]!.sizeId),
        variantKey(twice.variants[1]!.colorId, twice.variants[1]!.sizeId),
      ]
        .map((k) => `variants.${k}.sku`)
        .sort(),
    )
    expect(await prisma.product.count({ where: { shop: { ownerId: user.id } } })).toBe(1)
  })

  test('one variant per colour and size, sizes from the product scale, stock >= 0, prices > 0', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()

    const duplicate = productInput(t)
    duplicate.variants.push({ ...duplicate.variants[0]!, sku: 'ANOTHER-ONE' })
    const key = variantKey(duplicate.variants[0]!.colorId, duplicate.variants[0]!.sizeId)
    expect(
      (await validationErrors(createProduct(user.id, duplicate)))[`variants.${key}.sku`],
    ).toEqual(['This colour and size is listed twice'])

    const wrongScale = productInput(t)
    wrongScale.variants[0]!.sizeId = t.eu.s38.id
    expect((await validationErrors(createProduct(user.id, wrongScale))).sizeIds).toEqual([
      'Sizes must come from the Letter sizes scale',
    ])

    const negative = productInput(t)
    negative.variants[3]!.stock = -1
    const negativeKey = variantKey(negative.variants[3]!.colorId, negative.variants[3]!.sizeId)
    expect(
      (await validationErrors(createProduct(user.id, negative)))[`variants.${negativeKey}.stock`],
    ).toEqual(['Stock must be a whole number, 0 or more'])

    const free = productInput(t, { price: 0 })
    free.variants[0]!.price = -5
    const freeErrors = await validationErrors(createProduct(user.id, free))
    expect(freeErrors.price).toEqual(['The price must be more than zero'])
    expect(
      freeErrors[
        `variants.${variantKey(free.variants[0]!.colorId, free.variants[0]!.sizeId)}.price`
      ],
    ).toEqual(['The price must be more than zero'])

    expect(await prisma.product.count({ where: { shop: { ownerId: user.id } } })).toBe(0)
  })

  test('the database refuses negative stock even past the service', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t)
    const variant = (await snapshot(product.id)).variants[0]!
    await expect(
      prisma.variant.update({ where: { id: variant.id }, data: { stock: -1 } }),
    ).rejects.toThrow(/Variant_stock_not_negative/)
  })

  test('publishing needs a variant with a price; a draft does not', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    expect(
      await validationErrors(
        createProduct(user.id, productInput(t, { price: null }), { publish: true }),
      ),
    ).toEqual({
      price: ['Add a price (for the product or a variant) before publishing'],
    })
    const draft = await createProduct(user.id, productInput(t, { price: null }))
    await expect(changeProductStatus(user.id, draft.id, 'publish')).rejects.toThrow(
      'Add at least one variant with a price before publishing.',
    )

    const current = (await getProductForEdit(user.id, draft.id))!
    const priced = productInput(t, { price: null })
    priced.variants = current.variants.map((variant, index) => ({
      ...variant,
      price: index === 0 ? 2500 : null,
    }))
    await updateProduct(user.id, draft.id, current.version, priced)
    const published = await changeProductStatus(user.id, draft.id, 'publish', {
      now: new Date('2026-05-01T10:00:00Z'),
    })
    expect(published).toMatchObject({ status: 'ACTIVE', listed: true })
    const row = await snapshot(draft.id)
    expect(row).toMatchObject({ minPrice: 2500, publishedAt: new Date('2026-05-01T10:00:00Z') })

    // A published product cannot lose its last price.
    const latest = (await getProductForEdit(user.id, draft.id))!
    const unpriced = productInput(t, { price: null })
    unpriced.variants = latest.variants.map((variant) => ({ ...variant, price: null }))
    expect(
      (await validationErrors(updateProduct(user.id, draft.id, latest.version, unpriced))).price,
    ).toEqual(['A published product needs a price: add one, or unpublish the product first'])
  })

  test('archiving hides the product from the store and keeps the row; restoring makes it a draft', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t, { title: 'Archive Me Dress' })
    expect(await getProductPage(product.slug)).not.toBeNull()

    await changeProductStatus(user.id, product.id, 'archive')
    expect(await snapshot(product.id)).toMatchObject({ status: 'ARCHIVED', listed: false })
    expect(await getProductPage(product.slug)).toBeNull()
    expect((await getProductPage(product.slug, { viewerId: user.id }))?.preview).toEqual({
      status: 'ARCHIVED',
      shopSuspended: false,
    })
    expect(await gridIds('c', 'dresses')).not.toContain(product.id)

    await changeProductStatus(user.id, product.id, 'restore')
    expect(await snapshot(product.id)).toMatchObject({ status: 'DRAFT', listed: false })
  })
})

describe('optimistic locking', () => {
  test('saving from a stale version changes nothing and says so', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t)
    const loaded = (await getProductForEdit(user.id, product.id))!

    // Another tab saves first.
    await updateProduct(
      user.id,
      product.id,
      loaded.version,
      productInput(t, {
        title: 'Saved In Another Tab',
        variants: loaded.variants.map((v) => ({ ...v })),
      }),
    )
    const before = await snapshot(product.id)
    const eventsBefore = await pendingWorkCount()

    const stale = productInput(t, {
      title: 'Stale Overwrite',
      variants: loaded.variants.map((v) => ({ ...v, stock: 99 })),
    })
    const error = await updateProduct(user.id, product.id, loaded.version, stale).catch(
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(VersionConflictError)
    expect((error as VersionConflictError).currentVersion).toBe(before.version)
    expect(await snapshot(product.id)).toEqual(before)
    expect(await pendingWorkCount()).toBe(eventsBefore)
  })

  test('two saves from the same version at once: exactly one wins', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t)
    const loaded = (await getProductForEdit(user.id, product.id))!
    const results = await Promise.allSettled(
      ['First Title', 'Second Title'].map((title) =>
        updateProduct(
          user.id,
          product.id,
          loaded.version,
          productInput(t, { title, variants: loaded.variants.map((v) => ({ ...v })) }),
        ),
      ),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((result) => result.status === 'rejected')
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError)
    expect((await snapshot(product.id)).version).toBe(loaded.version + 1)
  })

  test('variants are added, removed, re-priced and SKUs swapped; untouched stock survives a sale meanwhile', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t)
    const loaded = (await getProductForEdit(user.id, product.id))!
    const [a, b, ...rest] = loaded.variants
    // A sale happens after the form was loaded (checkout decrements stock without touching the version).
    await prisma.variant.update({ where: { id: rest[0]!.id }, data: { stock: { decrement: 2 } } })

    const input = productInput(t, {
      variants: [
        { ...a!, sku: b!.sku, stock: 10, stockWas: a!.stock, price: 5500 },
        { ...b!, sku: a!.sku, stockWas: b!.stock },
        { ...rest[0]!, stockWas: rest[0]!.stock },
        {
          colorId: t.colors.white.id,
          sizeId: t.letters.XL.id,
          sku: 'NEW-WHITE-XL',
          stock: 3,
          price: null,
        },
      ],
    })
    const saved = await updateProduct(user.id, product.id, loaded.version, input)
    expect(saved.version).toBe(loaded.version + 1)
    const after = await snapshot(product.id)
    const byId = new Map(after.variants.map((variant) => [variant.id, variant]))
    expect(byId.get(a!.id)).toMatchObject({ sku: b!.sku, stock: 10, price: 5500 })
    expect(byId.get(b!.id)).toMatchObject({ sku: a!.sku, stock: b!.stock })
    expect(byId.get(rest[0]!.id)!.stock).toBe(rest[0]!.stock - 2)
    expect(after.variants).toHaveLength(4)
    expect(after.variants.some((variant) => variant.sku === 'NEW-WHITE-XL')).toBe(true)
    expect(after.minPrice).toBe(4990)
  })
})

describe('prices at discount boundaries, through the services', () => {
  const start = new Date('2026-06-01T00:00:00Z')
  const end = new Date('2026-06-08T00:00:00Z')
  const ms = (date: Date, delta: number) => new Date(date.getTime() + delta)

  test('the product page and the home page cards show the discount from its start (inclusive) to its end (exclusive)', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const product = await createListedProduct(
      user.id,
      t,
      {
        title: 'Boundary Dress',
        categoryId: t.categories.tops.id,
        discountPercent: 25,
        discountStartsAt: start,
        discountEndsAt: end,
      },
      { now: ms(start, -86_400_000) },
    )
    const at = async (now: Date) => {
      const page = (await getProductPage(product.slug, { now }))!
      const [card] = await getProductCards([product.id], now)
      return { page: page.price, card: card!.price }
    }
    const regular = { regular: 4990, effective: 4990, onSale: false, percentOff: null }
    const discounted = { regular: 4990, effective: 3743, onSale: true, percentOff: 25 }
    expect(await at(ms(start, -1))).toEqual({ page: regular, card: regular })
    expect(await at(start)).toEqual({ page: discounted, card: discounted })
    expect(await at(ms(end, -1))).toEqual({ page: discounted, card: discounted })
    expect(await at(end)).toEqual({ page: regular, card: regular })
  })

  test('derived sort prices flip at each boundary through jobs, and search hears about it on time', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const before = ms(start, -3_600_000)
    const product = await createListedProduct(
      user.id,
      t,
      {
        title: 'Scheduled Sale Dress',
        discountPercent: 50,
        discountStartsAt: start,
        discountEndsAt: end,
      },
      { now: before },
    )
    expect(await snapshot(product.id)).toMatchObject({ effectivePrice: 4990, onSale: false })
    const mine = async (topic: string) =>
      (await queuedKeys(topic))
        .filter((row) => row.key === product.id)
        .map((row) => row.runAt.toISOString())
    expect(await mine('search.product')).toEqual([expect.any(String), start.toISOString()])
    expect(await jobMomentsFor(REPRICE_TASK, product.id)).toEqual([start.toISOString()])

    // The worker runs the re-pricing when the discount starts …
    const { refreshDerivedPricing } = await import('~/services/catalog/changes.server.ts')
    await prisma.$transaction((tx) => refreshDerivedPricing(tx, [product.id], start))
    expect(await snapshot(product.id)).toMatchObject({ effectivePrice: 2495, onSale: true })
    expect(await jobMomentsFor(REPRICE_TASK, product.id)).toEqual([
      start.toISOString(),
      end.toISOString(),
    ])
    expect((await mine('search.product')).slice(-1)).toEqual([end.toISOString()])

    // … and when it ends.
    await prisma.$transaction((tx) => refreshDerivedPricing(tx, [product.id], end))
    expect(await snapshot(product.id)).toMatchObject({ effectivePrice: 4990, onSale: false })
    expect(await jobMomentsFor(REPRICE_TASK, product.id)).toHaveLength(2)
  })

  test('the re-pricing job re-prices by the clock', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t, {
      title: 'Running Sale',
      discountPercent: 10,
      discountStartsAt: new Date(Date.now() + 60_000),
      discountEndsAt: null,
    })
    // The discount has started since: pretend by moving its start into the past, as time would.
    await prisma.product.update({
      where: { id: product.id },
      data: { discountStartsAt: new Date(Date.now() - 1000) },
    })
    await prisma.$transaction((tx) =>
      enqueueJobs(tx, { task: REPRICE_TASK, payload: { productIds: [product.id] } }),
    )
    await runDueJobs({ [REPRICE_TASK]: repriceTask })
    expect(await snapshot(product.id)).toMatchObject({ effectivePrice: 4491, onSale: true })
  })

  test('the periodic sweep re-prices what no job did (a lost or failed boundary)', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const started = await createListedProduct(user.id, t, {
      title: 'Started Sale',
      discountPercent: 10,
      discountStartsAt: new Date(Date.now() + 60_000),
      discountEndsAt: null,
    })
    const ended = await createListedProduct(user.id, t, {
      title: 'Ended Sale',
      discountPercent: 20,
      discountStartsAt: null,
      discountEndsAt: new Date(Date.now() + 60_000),
    })
    const untouched = await createListedProduct(user.id, t, { title: 'Full Price' })
    expect(await snapshot(started.id)).toMatchObject({ onSale: false })
    expect(await snapshot(ended.id)).toMatchObject({ onSale: true })
    const later = new Date(Date.now() + 2 * 60_000)
    expect(await repriceStaleProducts(later)).toBe(2)
    expect(await snapshot(started.id)).toMatchObject({ effectivePrice: 4491, onSale: true })
    expect(await snapshot(ended.id)).toMatchObject({ effectivePrice: 4990, onSale: false })
    expect(await snapshot(untouched.id)).toMatchObject({ effectivePrice: 4990, onSale: false })
    // Nothing left to fix.
    expect(await repriceStaleProducts(later)).toBe(0)
  })
})

describe('search hears about every change, in the same transaction', () => {
  test('create, edit, publish, unpublish and archive each record the product', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const count = async (id: string) => (await queuedKeys()).filter((row) => row.key === id).length
    const product = await createProduct(user.id, productInput(t))
    expect(await count(product.id)).toBe(1)
    const loaded = (await getProductForEdit(user.id, product.id))!
    await updateProduct(
      user.id,
      product.id,
      loaded.version,
      productInput(t, {
        title: 'Edited',
        variants: loaded.variants.map((v) => ({ ...v, stock: 1 })),
      }),
    )
    expect(await count(product.id)).toBe(2)
    await changeProductStatus(user.id, product.id, 'publish')
    await changeProductStatus(user.id, product.id, 'unpublish')
    await changeProductStatus(user.id, product.id, 'archive')
    expect(await count(product.id)).toBe(5)
  })

  test('a failed save queues no job', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const before = await pendingWorkCount()
    await expect(
      createProduct(user.id, productInput(t, { price: null }), { publish: true }),
    ).rejects.toBeInstanceOf(CatalogValidationError)
    expect(await pendingWorkCount()).toBe(before)
  })
})

import { beforeAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getSearchClient } from '~/infra/search/client.server.ts'
import { buildProductDocuments, excerpt } from '~/services/search/documents.server.ts'
import {
  applyProductIndexSettings,
  forgetEnsuredIndexes,
  PRODUCT_INDEX_SETTINGS,
  productIndexUid,
} from '~/services/search/settings.server.ts'
import {
  createBrand,
  createProduct,
  createShop,
  deleteProduct,
  ensureCatalogBasics,
  setShopStatus,
  updateProduct,
} from '../support/search-catalog.ts'
import { makeJobsDue } from '../support/jobs.ts'
import { runSearchJobs, indexedDocuments, pendingSearchJobs } from '../support/search.ts'

beforeAll(async () => {
  await ensureCatalogBasics()
})

describe('the product document', () => {
  test('holds what search, facets, sorting and the card need', async () => {
    const shop = await createShop('Atelier Noor')
    const brand = await createBrand('Northwind')
    const product = await createProduct({
      shopId: shop.id,
      title: 'Linen wrap dress',
      description: 'A  breezy\nlinen dress. '.repeat(40),
      category: 'dresses',
      brandId: brand.id,
      price: 5000,
      tags: ['linen', 'summer', 'linen'],
      variants: [
        { color: 'red', size: 'M', stock: 0 },
        { color: 'blue', size: 'S', stock: 3, price: 4500 },
        { color: 'red', size: 'XS', stock: 0 },
      ],
      discountPercent: 20,
      ratingCount: 3,
      ratingSum: 13,
      salesCount: 42,
      featured: true,
    })
    const { documents, hidden } = await buildProductDocuments([product.id])
    expect(hidden).toEqual([])
    expect(documents).toHaveLength(1)
    const document = documents[0]!
    expect(document).toMatchObject({
      id: product.id,
      slug: product.slug,
      title: 'Linen wrap dress',
      tags: ['linen', 'summer'],
      // The cheapest variant (4500) with 20 % off.
      price: 3600,
      regularPrice: 4500,
      onSale: true,
      percentOff: 20,
      colors: ['red', 'blue'],
      colorNames: ['Red', 'Blue'],
      swatches: [
        { slug: 'red', name: 'Red', hex: '#c0392b' },
        { slug: 'blue', name: 'Blue', hex: '#2e5fa8' },
      ],
      sizes: ['XS', 'S', 'M'],
      inStock: true,
      categories: ['clothing', 'women', 'dresses'],
      categoryLvl0: 'clothing',
      categoryLvl1: 'women',
      categoryLvl2: 'dresses',
      categoryNames: ['Clothing', 'Women', 'Dresses'],
      brand: 'northwind',
      brandName: 'Northwind',
      shop: shop.slug,
      shopName: 'Atelier Noor',
      rating: 4.3,
      ratingBucket: 4,
      ratingCount: 3,
      salesCount: 42,
      featured: true,
      publishedAt: product.publishedAt!.getTime(),
      images: [],
    })
    expect(document.categoryLvl3).toBeUndefined()
    expect(document.description.length).toBeLessThanOrEqual(301)
    expect(document.description).toMatch(/^A breezy linen dress\. A breezy/)
    expect(document.description.endsWith('…')).toBe(true)
  })

  test('drafts, archived products, suspended shops, unpriced and deleted products are hidden', async () => {
    const shop = await createShop()
    const suspended = await createShop('Closed', 'SUSPENDED')
    const draft = await createProduct({
      shopId: shop.id,
      title: 'Draft tee',
      category: 'men-t-shirts',
      status: 'DRAFT',
    })
    const archived = await createProduct({
      shopId: shop.id,
      title: 'Old tee',
      category: 'men-t-shirts',
      status: 'ARCHIVED',
    })
    const hiddenShop = await createProduct({
      shopId: suspended.id,
      title: 'Tee',
      category: 'men-t-shirts',
    })
    const unpriced = await createProduct({
      shopId: shop.id,
      title: 'No price',
      category: 'men-t-shirts',
      price: null,
    })
    const later = await createProduct({
      shopId: shop.id,
      title: 'Coming soon',
      category: 'men-t-shirts',
      publishedAt: new Date(Date.now() + 3_600_000),
    })
    const visible = await createProduct({
      shopId: shop.id,
      title: 'Visible tee',
      category: 'men-t-shirts',
    })
    const ids = [
      draft.id,
      archived.id,
      hiddenShop.id,
      unpriced.id,
      later.id,
      visible.id,
      'no-such-product',
    ]
    const { documents, hidden } = await buildProductDocuments(ids)
    expect(documents.map((document) => document.id)).toEqual([visible.id])
    expect(new Set(hidden)).toEqual(new Set(ids.filter((id) => id !== visible.id)))
  })

  test('builds a batch with a fixed number of queries, whatever its size', async () => {
    const shop = await createShop()
    const ids: string[] = []
    for (let i = 0; i < 12; i++)
      ids.push(
        (
          await createProduct({
            shopId: shop.id,
            title: `Batch tee ${i}`,
            category: 'men-t-shirts',
          })
        ).id,
      )
    // Count the statements sent to PostgreSQL while each batch is built.
    const pg = await import('pg')
    const statements = async (list: string[]) => {
      const spy = vi.spyOn(pg.default.Client.prototype, 'query')
      const built = await buildProductDocuments(list)
      const calls = spy.mock.calls.length
      spy.mockRestore()
      return { built, calls }
    }
    const one = await statements(ids.slice(0, 1))
    const twelve = await statements(ids)
    expect(one.built.documents).toHaveLength(1)
    expect(twelve.built.documents).toHaveLength(12)
    expect(one.calls).toBeGreaterThan(0)
    expect(twelve.calls).toBe(one.calls)
  })

  test('excerpts keep whole words', () => {
    expect(excerpt('short')).toBe('short')
    expect(excerpt('one two three four five', 14)).toBe('one two three…')
  })
})

describe('the search.product job', () => {
  test('applies the settings, upserts visible products and deletes hidden ones once Meilisearch confirms', async () => {
    const shop = await createShop()
    const a = await createProduct({
      shopId: shop.id,
      title: 'Canvas sneakers',
      category: 'sneakers',
      variants: [{ color: 'white', size: '40' }],
    })
    const b = await createProduct({
      shopId: shop.id,
      title: 'Leather boots',
      category: 'boots',
      variants: [{ color: 'black', size: '41' }],
    })
    expect(await pendingSearchJobs(a.id)).toHaveLength(1)
    await runSearchJobs()
    let documents = await indexedDocuments()
    expect(documents.has(a.id) && documents.has(b.id)).toBe(true)
    expect([...(await pendingSearchJobs(a.id)), ...(await pendingSearchJobs(b.id))]).toEqual([])

    const settings = await getSearchClient().index(productIndexUid()).getSettings()
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(PRODUCT_INDEX_SETTINGS.filterableAttributes),
    )
    expect(settings.synonyms?.tee).toContain('t-shirt')
    // Applying them again finds nothing to change.
    expect(await applyProductIndexSettings()).toEqual({ created: false, updated: false })

    await updateProduct(a.id, { status: 'ARCHIVED' })
    await updateProduct(b.id, { title: 'Chelsea boots' })
    await runSearchJobs()
    documents = await indexedDocuments()
    expect(documents.has(a.id)).toBe(false)
    expect(documents.get(b.id)?.title).toBe('Chelsea boots')

    await deleteProduct(b.id)
    await runSearchJobs()
    expect((await indexedDocuments()).has(b.id)).toBe(false)
  })

  test('a shop suspension hides all its products; reinstating brings them back', async () => {
    const shop = await createShop('Suspendable')
    const products = await Promise.all(
      [1, 2, 3].map((i) =>
        createProduct({ shopId: shop.id, title: `Scarf ${i}`, category: 'accessories' }),
      ),
    )
    await runSearchJobs()
    const ids = products.map((product) => product.id)
    const inIndex = async () =>
      [...(await indexedDocuments()).keys()].filter((id) => ids.includes(id)).length
    expect(await inIndex()).toBe(3)
    await setShopStatus(shop.id, 'SUSPENDED')
    await runSearchJobs()
    expect(await inIndex()).toBe(0)
    await setShopStatus(shop.id, 'ACTIVE')
    await runSearchJobs()
    expect(await inIndex()).toBe(3)
  })

  test('changes waiting in many jobs go to the index in one request, and every job is done', async () => {
    const shop = await createShop()
    const products = []
    for (const i of [1, 2, 3, 4, 5])
      products.push(
        await createProduct({ shopId: shop.id, title: `Rain jacket ${i}`, category: 'clothing' }),
      )
    await runSearchJobs()
    const ids = products.map((product) => product.id)
    // Five changes, five transactions, five jobs (one product twice).
    const { recordProductChanges } = await import('~/services/events/product-changes.server.ts')
    for (const id of [...ids.slice(0, 4), ids[0]!])
      await prisma.$transaction(async (tx) => {
        await tx.product.update({ where: { id }, data: { salesCount: { increment: 2 } } })
        await recordProductChanges(tx, [id])
      })
    expect(await pendingSearchJobs(ids[0]!)).toHaveLength(2)
    const client = getSearchClient()
    const tasks = async () =>
      (
        await client.tasks.getTasks({
          indexUids: [productIndexUid()],
          types: ['documentAdditionOrUpdate'],
          limit: 1000,
        })
      ).results.length
    const before = await tasks()
    await runSearchJobs()
    expect((await tasks()) - before).toBe(1)
    for (const id of ids) expect(await pendingSearchJobs(id)).toEqual([])
    const documents = await indexedDocuments()
    expect(ids.map((id) => documents.get(id)?.salesCount)).toEqual([4, 2, 2, 2, 0])
  })

  test('a write Meilisearch refuses leaves the events waiting, with the reason, for a retry', async () => {
    const shop = await createShop()
    const product = await createProduct({
      shopId: shop.id,
      title: 'Wool beanie',
      category: 'accessories',
    })
    const other = await createProduct({
      shopId: shop.id,
      title: 'Wool mittens',
      category: 'accessories',
    })
    const client = getSearchClient()
    const uid = productIndexUid()
    // Sabotage: the index now wants another primary key, so the next document task fails.
    await client.deleteIndex(uid).waitTask()
    await client.createIndex(uid, { primaryKey: 'slug' }).waitTask()

    await runSearchJobs()
    const [job] = await pendingSearchJobs(product.id)
    expect(job).toMatchObject({ attempts: 1, lockedAt: null })
    expect(job!.lastError).toMatch(/Meilisearch task \d+ \(documentAdditionOrUpdate\) failed/)
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now())
    // The job the failed one had taken along was given back, and failed on its own.
    const [taken] = await pendingSearchJobs(other.id)
    expect(taken).toMatchObject({ attempts: 1, lockedAt: null })

    // Repaired, the retry goes through.
    await client.deleteIndex(uid).waitTask()
    forgetEnsuredIndexes()
    await makeJobsDue([job!.id, taken!.id])
    await runSearchJobs()
    const documents = await indexedDocuments()
    expect(documents.has(product.id) && documents.has(other.id)).toBe(true)
    expect([
      ...(await pendingSearchJobs(product.id)),
      ...(await pendingSearchJobs(other.id)),
    ]).toEqual([])
  })
})

describe('discount boundaries', () => {
  test('the effective price is the one at the moment of indexing, and the next boundary is scheduled', async () => {
    const shop = await createShop()
    const startsAt = new Date(Date.now() + 60 * 60_000)
    const endsAt = new Date(Date.now() + 2 * 60 * 60_000)
    const product = await createProduct({
      shopId: shop.id,
      title: 'Silk scarf',
      category: 'accessories',
      price: 3000,
      discountPercent: 50,
      discountStartsAt: startsAt,
      discountEndsAt: endsAt,
    })
    await runSearchJobs()
    expect((await indexedDocuments()).get(product.id)).toMatchObject({
      price: 3000,
      regularPrice: 3000,
      onSale: false,
    })

    // The indexer scheduled the start itself (the writer only recorded the change).
    let waiting = await pendingSearchJobs(product.id)
    expect(waiting.map((job) => job.runAt.toISOString())).toEqual([startsAt.toISOString()])
    // Indexing again does not schedule it twice.
    await prisma.$transaction((tx) =>
      import('~/services/events/product-changes.server.ts').then(({ recordProductChanges }) =>
        recordProductChanges(tx, [product.id]),
      ),
    )
    await runSearchJobs()
    waiting = await pendingSearchJobs(product.id)
    expect(waiting).toHaveLength(1)

    // Time passes: the boundary arrives. (Move the window instead of the clock.)
    await prisma.product.update({
      where: { id: product.id },
      data: { discountStartsAt: new Date(Date.now() - 1000) },
    })
    await makeJobsDue([waiting[0]!.id])
    await runSearchJobs()
    expect((await indexedDocuments()).get(product.id)).toMatchObject({
      price: 1500,
      regularPrice: 3000,
      onSale: true,
      percentOff: 50,
    })
    // …and the end is scheduled next.
    waiting = await pendingSearchJobs(product.id)
    expect(waiting.map((job) => job.runAt.toISOString())).toEqual([endsAt.toISOString()])

    await prisma.product.update({
      where: { id: product.id },
      data: { discountEndsAt: new Date(Date.now() - 1) },
    })
    await makeJobsDue([waiting[0]!.id])
    await runSearchJobs()
    expect((await indexedDocuments()).get(product.id)).toMatchObject({
      price: 3000,
      onSale: false,
      percentOff: null,
    })
    expect(await pendingSearchJobs(product.id)).toEqual([])
  })

  test('the price flips exactly at the boundary: start inclusive, end exclusive', async () => {
    const shop = await createShop()
    const startsAt = new Date('2030-01-01T00:00:00.000Z')
    const endsAt = new Date('2030-01-02T00:00:00.000Z')
    const product = await createProduct({
      shopId: shop.id,
      title: 'Timed tee',
      category: 'men-t-shirts',
      price: 1000,
      discountPercent: 10,
      discountStartsAt: startsAt,
      discountEndsAt: endsAt,
    })
    const at = async (moment: Date) =>
      (await buildProductDocuments([product.id], { now: moment })).documents[0]!.price
    expect(await at(new Date(startsAt.getTime() - 1))).toBe(1000)
    expect(await at(startsAt)).toBe(900)
    expect(await at(new Date(endsAt.getTime() - 1))).toBe(900)
    expect(await at(endsAt)).toBe(1000)
    const scheduled = await pendingSearchJobs(product.id)
    expect(scheduled.map((job) => job.runAt.toISOString()).sort()).toEqual(
      expect.arrayContaining([startsAt.toISOString(), endsAt.toISOString()]),
    )
  })
})

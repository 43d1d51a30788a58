import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { loader as facetValuesLoader } from '~/routes/search_.facet-values.ts'
import { loader as searchLoader } from '~/routes/($locale).search.tsx'
import { changeProductStatus } from '~/services/catalog/product-status.server.ts'
import type { VariantInput } from '~/services/catalog/schemas.ts'
import { suspendShop } from '~/services/catalog/shops.server.ts'
import { getProductCards } from '~/services/catalog/storefront.server.ts'
import { invalidateCategoryTree } from '~/services/catalog/taxonomy.server.ts'
import { createCategory } from '~/services/catalog/category-admin.server.ts'
import { createBrand } from '~/services/catalog/brand-admin.server.ts'
import {
  deleteProductImage,
  reorderProductImages,
  updateProductImage,
} from '~/services/media/product-images.server.ts'
import { forgetCatalogLabels } from '~/services/search/labels.server.ts'
import type { SearchPageData } from '~/services/search/page.server.ts'
import {
  createListedProduct,
  createSeller,
  taxonomyFixture,
  type Taxonomy,
} from '../support/catalog.ts'
import { attachPhoto } from '../support/media.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import {
  runSearchJobs,
  gridIds,
  indexedDocuments,
  loadGrid,
  pendingSearchJobs,
  type GridKind,
} from '../support/search.ts'

// The category, brand and shop grids run on the search engine with a fixed scope: the same URL
// state, facets and hostile-input handling as /search, never anything outside the scope.

let t: Taxonomy
let shopA: Awaited<ReturnType<typeof createSeller>>
let shopB: Awaited<ReturnType<typeof createSeller>>
const ids: Record<string, string> = {}
const PAGED = 30

function variants(color: { id: string; slug: string }): VariantInput[] {
  const tag = randomBytes(3).toString('hex').toUpperCase()
  return [t.letters.S, t.letters.M].map((size) => ({
    colorId: color.id,
    sizeId: size.id,
    sku: `G-${tag}-${color.slug}-${size.label}`,
    stock: 3,
    price: null,
  }))
}

async function product(
  seller: typeof shopA,
  title: string,
  categoryId: string,
  price: number,
  color: { id: string; slug: string },
  brandId: string | null = t.brands.acme.id,
) {
  const created = await createListedProduct(seller.user.id, t, {
    title,
    categoryId,
    price,
    brandId,
    variants: variants(color),
  })
  ids[title] = created.id
  return created
}

beforeAll(async () => {
  t = await taxonomyFixture()
  shopA = await createSeller('grid-a')
  shopB = await createSeller('grid-b')
  // A tree of its own, so counts are exact: grid-root > grid-a, grid-b; grid-other beside it.
  const root = await createCategory({ name: 'Grid Root', slug: 'grid-root' })
  const a = await createCategory({ name: 'Grid A', slug: 'grid-a', parentId: root.id })
  const b = await createCategory({ name: 'Grid B', slug: 'grid-b', parentId: root.id })
  const other = await createCategory({ name: 'Grid Other', slug: 'grid-other' })
  const paging = await createCategory({ name: 'Grid Paging', slug: 'grid-paging' })
  const sale = await createCategory({ name: 'Grid Sale', slug: 'grid-sale' })
  const otherBrand = await createBrand({ name: 'Gridwear', slug: 'gridwear' })
  invalidateCategoryTree()
  forgetCatalogLabels()

  const { black, white, red } = t.colors
  await product(shopA, 'Root Coat', root.id, 9000, black)
  await product(shopA, 'Alpha Dress', a.id, 3000, red)
  await product(shopB, 'Alpha Skirt', a.id, 5000, black, otherBrand.id)
  await product(shopB, 'Beta Top', b.id, 6000, white)
  await product(shopA, 'Outside Scarf', other.id, 100, red)
  await product(shopA, 'Full 50', sale.id, 5000, black)
  ids.halved = (
    await createListedProduct(shopA.user.id, t, {
      title: 'Halved 80',
      categoryId: sale.id,
      price: 8000,
      discountPercent: 50,
      variants: variants(black),
    })
  ).id
  for (let i = 0; i < PAGED; i++)
    await product(shopA, `Paged ${i}`, paging.id, 1000 + i * 100, i % 2 ? white : black)

  // Never in the store: a draft, an archived product, a suspended shop's product.
  ids.draft = (
    await createListedProduct(
      shopA.user.id,
      t,
      { title: 'Draft Alpha', categoryId: a.id, variants: variants(red) },
      { publish: false },
    )
  ).id
  ids.archived = (await product(shopA, 'Archived Alpha', a.id, 3000, red)).id
  await changeProductStatus(shopA.user.id, ids.archived, 'archive')
  const closing = await createSeller('grid-closing')
  ids.suspended = (await product(closing, 'Suspended Alpha', a.id, 3000, red)).id
  await suspendShop(closing.shop.id, { reason: 'Test' })
  await runSearchJobs()
}, 120_000)

async function grid(kind: GridKind, slug: string, query = '') {
  const { status, data } = await loadGrid(kind, slug, query)
  expect(status).toBe(200)
  const page: SearchPageData = data.page
  if (page.status !== 'ok') throw new Error('expected results')
  return { ...page, data, titles: page.result.hits.map((hit) => hit.card.title) }
}

const IN_ROOT = ['Root Coat', 'Alpha Dress', 'Alpha Skirt', 'Beta Top']

describe('scopes', () => {
  test('a category page holds its own and its descendants’ products only, under its heading', async () => {
    const root = await grid('c', 'grid-root')
    expect(root.titles.sort()).toEqual([...IN_ROOT].sort())
    expect(root.data).toMatchObject({
      category: { slug: 'grid-root' },
      breadcrumbs: [{ slug: 'grid-root' }],
    })
    expect((root.data.children as Array<{ slug: string }>).map((child) => child.slug)).toEqual([
      'grid-a',
      'grid-b',
    ])
    expect(root.scope).toEqual({ category: 'grid-root' })
    expect((await grid('c', 'grid-a')).titles.sort()).toEqual(['Alpha Dress', 'Alpha Skirt'])
    // A category picked in the facet narrows within the scope; one outside it finds nothing.
    expect((await grid('c', 'grid-root', 'category=grid-b')).titles).toEqual(['Beta Top'])
    expect((await grid('c', 'grid-a', 'category=grid-other')).titles).toEqual([])
  })

  test('brand and shop pages hold that brand’s or shop’s products only', async () => {
    const acme = await grid('brands', 'acme', 'category=grid-root')
    expect(acme.titles.sort()).toEqual(['Alpha Dress', 'Beta Top', 'Root Coat'])
    expect(acme.data).toMatchObject({ brand: { slug: 'acme' } })
    expect((await grid('brands', 'gridwear')).titles).toEqual(['Alpha Skirt'])
    const b = await grid('shops', shopB.shop.slug)
    expect(b.titles.sort()).toEqual(['Alpha Skirt', 'Beta Top'])
    expect(b.data).toMatchObject({ shop: { slug: shopB.shop.slug } })
  })

  test('unknown categories, brands and shops are 404s', async () => {
    for (const kind of ['c', 'brands', 'shops'] as const)
      expect((await loadGrid(kind, 'no-such-thing')).status).toBe(404)
  })
})

describe('facets within a scope', () => {
  test('a category page counts only its products, and offers its sub-categories', async () => {
    const { result } = await grid('c', 'grid-root')
    expect(result.totalHits).toBe(4)
    expect(result.facets.category.root).toEqual({ slug: 'grid-root', name: 'Grid Root' })
    expect(result.facets.category.options.map(({ slug, count }) => [slug, count])).toEqual([
      ['grid-a', 2],
      ['grid-b', 1],
    ])
    const counts = (values: Array<{ value: string; count: number }>) =>
      Object.fromEntries(values.filter((v) => v.count).map((v) => [v.value, v.count]))
    expect(counts(result.facets.color)).toEqual({ black: 2, red: 1, white: 1 })
    expect(counts(result.facets.brand)).toEqual({ acme: 3, gridwear: 1 })
    expect(counts(result.facets.shop)).toEqual({ [shopA.shop.slug]: 2, [shopB.shop.slug]: 2 })
  })

  test('with a filter on, the other facets count under it, still within the scope', async () => {
    const { result } = await grid('c', 'grid-root', 'color=black')
    expect(result.hits.map((hit) => hit.card.title).sort()).toEqual(['Alpha Skirt', 'Root Coat'])
    // The colour facet itself still offers every colour of the scope.
    expect(
      result.facets.color.filter((value) => value.count > 0).map((value) => value.value),
    ).toEqual(['black', 'white', 'red'])
    expect(result.facets.brand.find((value) => value.value === 'acme')?.count).toBe(1)
  })

  test('the facet search box of a grid searches within its scope', async () => {
    const values = async (query: string) => {
      const { status, data } = await callRoute(
        facetValuesLoader,
        routeRequest(`/search/facet-values?facet=brand&fq=a&${query}`),
      )
      expect(status).toBe(200)
      return (data as { values: Array<{ value: string; count: number }> }).values
    }
    expect(await values(`scope=shop:${shopB.shop.slug}`)).toEqual([
      { value: 'acme', label: 'Acme', count: 1, selected: false },
    ])
    expect(
      (await values('scope=category:grid-root')).find((value) => value.value === 'acme')?.count,
    ).toBe(3)
    // A malformed scope is no scope: a sanitised search, not an error.
    expect(
      (await values('scope=category:grid-root%22%20OR%20x')).find(
        (value) => value.value === 'acme',
      )!.count,
    ).toBeGreaterThan(3)
  })
})

describe('filters, sort and pages on grid URLs', () => {
  test('filters and sorts combine, and pages cover everything once, in order', async () => {
    const black = await grid('c', 'grid-paging', 'color=black&sort=price-desc')
    const prices = black.result.hits.map((hit) => hit.card.price!.effective)
    expect(prices).toHaveLength(PAGED / 2)
    expect(prices).toEqual([...prices].sort((x, y) => y - x))

    const first = await grid('c', 'grid-paging', 'sort=price-asc')
    const second = await grid('c', 'grid-paging', 'sort=price-asc&page=2')
    expect(first.result).toMatchObject({ totalHits: PAGED, totalPages: 2, page: 1 })
    expect(first.result.hits).toHaveLength(24)
    expect(second.result.hits).toHaveLength(PAGED - 24)
    const all = [...first.result.hits, ...second.result.hits].map(
      (hit) => hit.card.price!.effective,
    )
    expect(new Set(all).size).toBe(PAGED)
    expect(all).toEqual([...all].sort((x, y) => x - y))

    expect((await grid('c', 'grid-paging', 'minPrice=20&maxPrice=25')).result.totalHits).toBe(6)
    expect(
      (await grid('brands', 'acme', 'category=grid-paging&color=white&inStock=1')).result.totalHits,
    ).toBe(PAGED / 2)
    const shopPage = await grid('shops', shopA.shop.slug, 'q=paged&sort=price-desc&page=2')
    expect(shopPage.state).toMatchObject({ q: 'paged', sort: 'price-desc', page: 2 })
    expect(shopPage.result.hits).toHaveLength(PAGED - 24)
  })

  test('price sorting follows the price shoppers pay, discount included', async () => {
    const { result } = await grid('c', 'grid-sale', 'sort=price-asc')
    expect(result.hits.map((hit) => [hit.card.title, hit.card.price])).toEqual([
      ['Halved 80', { regular: 8000, effective: 4000, onSale: true, percentOff: 50 }],
      ['Full 50', { regular: 5000, effective: 5000, onSale: false, percentOff: null }],
    ])
  })

  test('the old grid sorts still work from old links', async () => {
    const page = await grid('c', 'grid-paging', 'sort=price_desc')
    expect(page.state.sort).toBe('price-desc')
    expect(page.result.hits[0]!.card.price!.effective).toBe(1000 + (PAGED - 1) * 100)
  })

  test.each([
    ['page=0', 1, 24],
    ['page=-3', 1, 24],
    ['page=abc', 1, 24],
    ['page=2.5', 1, 24],
    ['page=1e9', 1, 24],
    ['page=99999999999999999999', 1, 24],
    ['page=2', 2, PAGED - 24],
    ['page=3', 3, 0],
    // Clamped to the deepest page search offers, and empty.
    ['page=999999999', 416, 0],
  ])(
    'pagination boundary %s gives page %i with %i products, never an error',
    async (query, page, count) => {
      const { result, state } = await grid('c', 'grid-paging', query)
      expect(state.page).toBe(page)
      expect(result.hits).toHaveLength(count)
      expect(result.totalPages).toBe(2)
    },
  )
})

describe('hostile query strings on the grids', () => {
  const hostile = [
    'q=' + 'a'.repeat(10_000),
    'brand=x%22%20OR%20shop%20!%3D%20%22y',
    'color=red%22%20OR%20brand%20%3D%20%22acme&size=%00',
    'category=grid-other%22%20OR%20categories%20%3D%20%22grid-root',
    'minPrice=abc&maxPrice=1e400&rating=NaN&onSale=maybe&sort=%3Bdrop',
    'minPrice=-5&maxPrice=99999999999999999999999',
    'scope=category:grid-other&shop=' +
      Array.from({ length: 300 }, (_, i) => `s${i}`).join('&shop='),
  ]

  test.each(hostile)(
    '%s on a category page is a sanitised search that stays in the scope',
    async (query) => {
      const { state, result } = await grid('c', 'grid-root', query)
      expect(state.q.length).toBeLessThanOrEqual(200)
      expect(state.shop.length).toBeLessThanOrEqual(30)
      for (const hit of result.hits) expect(IN_ROOT).toContain(hit.card.title)
    },
  )

  test.each(hostile)('%s on brand and shop pages too', async (query) => {
    for (const hit of (await grid('brands', 'gridwear', query)).result.hits)
      expect(hit.card.title).toBe('Alpha Skirt')
    for (const hit of (await grid('shops', shopB.shop.slug, query)).result.hits)
      expect(['Alpha Skirt', 'Beta Top']).toContain(hit.card.title)
  })
})

describe('what is never on a grid', () => {
  test('drafts, archived products and suspended shops’ products appear on no grid and in no search', async () => {
    const hidden = [ids.draft!, ids.archived!, ids.suspended!]
    const shown = [
      ...(await gridIds('c', 'grid-a')),
      ...(await gridIds('c', 'grid-root', 'q=alpha')),
      ...(await gridIds('brands', 'acme', 'category=grid-a')),
      ...(await gridIds('shops', shopA.shop.slug, 'category=grid-a')),
    ]
    expect(shown).toContain(ids['Alpha Dress'])
    for (const id of hidden) expect(shown).not.toContain(id)
    const search = (await callRoute(searchLoader, routeRequest('/search?q=alpha')))
      .data as SearchPageData
    if (search.status !== 'ok') throw new Error('expected results')
    expect(
      search.result.hits.map((hit) => hit.card.id).filter((id) => hidden.includes(id)),
    ).toEqual([])
    const indexed = await indexedDocuments()
    for (const id of hidden) expect(indexed.has(id)).toBe(false)
    // Listed is the rule, the same column the rest of the store uses.
    expect(await prisma.product.count({ where: { id: { in: hidden }, listed: true } })).toBe(0)
  })
})

describe('cards and their photos', () => {
  test('a grid card is the catalog’s card for the product, its first two photos included', async () => {
    const id = ids['Alpha Dress']!
    const photos = []
    for (let n = 0; n < 3; n++)
      photos.push(await attachPhoto(id, shopA.user.id, { alt: `Alpha photo ${n}` }))
    // attachPhoto writes rows only; a real upload records the change in its transaction (below).
    await prisma.$transaction((tx) =>
      import('~/services/events/product-changes.server.ts').then(({ recordProductChanges }) =>
        recordProductChanges(tx, [id]),
      ),
    )
    await runSearchJobs()

    const document = (await indexedDocuments()).get(id)!
    expect(document.images.map((image) => image.id)).toEqual(
      photos.slice(0, 2).map((photo) => photo.id),
    )
    expect(document.images[0]!.asset.variants.map((variant) => variant.key)).toContain(
      `img/${photos[0]!.tag}/320-${photos[0]!.tag}.jpg`,
    )

    const { result } = await grid('c', 'grid-a')
    const card = result.hits.find((hit) => hit.card.id === id)!.card
    const [catalogCard] = await getProductCards([id])
    expect(card).toEqual(catalogCard)
    expect(card.images[0]!.image.src).toContain(photos[0]!.tag)
  })

  test('reordering, deleting or re-colouring photos records the product for search in the same transaction', async () => {
    const id = ids['Beta Top']!
    const photos = []
    for (let n = 0; n < 3; n++) photos.push(await attachPhoto(id, shopB.user.id))
    await runSearchJobs()
    const waiting = async () => (await pendingSearchJobs(id)).length
    const firstImage = async () => {
      await runSearchJobs()
      return (await indexedDocuments()).get(id)!.images.map((image) => image.id)
    }

    const reordered = [photos[2]!.id, photos[0]!.id, photos[1]!.id]
    await reorderProductImages(shopB.user.id, id, reordered)
    expect(await waiting()).toBe(1)
    expect(await firstImage()).toEqual(reordered.slice(0, 2))

    // A refused reorder (a stale list) writes nothing, the search job included.
    await expect(reorderProductImages(shopB.user.id, id, [photos[0]!.id])).rejects.toThrow()
    expect(await waiting()).toBe(0)

    await updateProductImage(shopB.user.id, id, photos[2]!.id, { alt: 'Beta, from the front' })
    expect(await waiting()).toBe(1)
    await firstImage()
    expect((await indexedDocuments()).get(id)!.images[0]!.alt).toBe('Beta, from the front')

    await deleteProductImage(shopB.user.id, id, photos[2]!.id)
    expect(await waiting()).toBe(1)
    expect(await firstImage()).toEqual([photos[0]!.id, photos[1]!.id])
  })
})

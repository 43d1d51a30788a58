import { beforeAll, describe, expect, test } from 'vitest'
import { buildFilters, quoteFilterValue } from '~/services/search/filters.ts'
import { maxPage, searchFacet, searchProducts } from '~/services/search/search.server.ts'
import { suggest } from '~/services/search/suggest.server.ts'
import {
  searchPriceUnit,
  searchStateToParams,
  parseSearchState,
  type SearchState,
} from '~/services/search/state.ts'
import { splitHighlights } from '~/services/search/highlight.ts'
import {
  createBrand,
  createProduct,
  createShop,
  ensureCatalogBasics,
} from '../support/search-catalog.ts'
import { runSearchJobs, state } from '../support/search.ts'

const USD = searchPriceUnit('USD', 'currency')

// A small catalog with known facets, indexed once for the whole file.
let shops: { atelier: { slug: string }; bazaar: { slug: string } }
const DAY = 24 * 60 * 60_000

beforeAll(async () => {
  await ensureCatalogBasics()
  const [northwind, atlas, kumo] = await Promise.all(
    ['Northwind', 'Atlas', 'Kumo'].map(createBrand),
  )
  const atelier = await createShop('Atelier')
  const bazaar = await createShop('Bazaar')
  const hiddenShop = await createShop('Gone', 'SUSPENDED')
  shops = { atelier, bazaar }
  const now = Date.now()
  const products = [
    {
      title: 'Linen summer dress',
      category: 'dresses',
      brandId: northwind!.id,
      shopId: atelier.id,
      price: 5900,
      variants: [
        { color: 'red', size: 'S' },
        { color: 'red', size: 'M' },
      ],
      ratingCount: 4,
      ratingSum: 18,
      salesCount: 30,
      publishedAt: new Date(now - 5 * DAY),
    },
    {
      title: 'Wrap dress with pockets',
      category: 'dresses',
      brandId: atlas!.id,
      shopId: bazaar.id,
      price: 7900,
      variants: [
        { color: 'blue', size: 'M' },
        { color: 'black', size: 'L' },
      ],
      ratingCount: 2,
      ratingSum: 6,
      salesCount: 5,
      publishedAt: new Date(now - 2 * DAY),
      discountPercent: 25,
    },
    {
      title: 'Silk blouse',
      category: 'women-tops',
      brandId: northwind!.id,
      shopId: atelier.id,
      price: 4500,
      variants: [{ color: 'white', size: 'S', stock: 0 }],
      salesCount: 12,
      publishedAt: new Date(now - 10 * DAY),
    },
    {
      title: 'Graphic T-shirt',
      category: 'men-t-shirts',
      brandId: kumo!.id,
      shopId: bazaar.id,
      price: 1900,
      variants: [
        { color: 'black', size: 'L' },
        { color: 'white', size: 'XL' },
      ],
      ratingCount: 10,
      ratingSum: 48,
      salesCount: 120,
      publishedAt: new Date(now - 20 * DAY),
    },
    {
      title: 'Cotton crew tee',
      category: 'men-t-shirts',
      brandId: atlas!.id,
      shopId: atelier.id,
      price: 1500,
      variants: [{ color: 'green', size: 'M' }],
      ratingCount: 1,
      ratingSum: 3,
      salesCount: 60,
      publishedAt: new Date(now - 1 * DAY),
    },
    {
      title: 'Zip hoodie',
      category: 'men-hoodies',
      brandId: kumo!.id,
      shopId: atelier.id,
      price: 4900,
      variants: [{ color: 'black', size: 'M' }],
      salesCount: 8,
      publishedAt: new Date(now - 3 * DAY),
      tags: ['fleece'],
    },
    {
      title: 'Canvas sneakers',
      category: 'sneakers',
      brandId: atlas!.id,
      shopId: bazaar.id,
      price: 6500,
      variants: [
        { color: 'white', size: '40' },
        { color: 'white', size: '41' },
      ],
      ratingCount: 3,
      ratingSum: 15,
      salesCount: 44,
      publishedAt: new Date(now - 7 * DAY),
      discountPercent: 10,
    },
    {
      title: 'Leather ankle boots',
      category: 'boots',
      brandId: northwind!.id,
      shopId: bazaar.id,
      price: 12900,
      variants: [{ color: 'black', size: '39', stock: 0 }],
      salesCount: 2,
      publishedAt: new Date(now - 30 * DAY),
    },
    {
      title: 'Tote bag',
      category: 'bags',
      brandId: null,
      shopId: atelier.id,
      price: 2500,
      variants: [{ color: 'green', size: 'One size' }],
      description: 'Roomy canvas bag for the market and the beach.',
      salesCount: 1,
      publishedAt: new Date(now - 4 * DAY),
    },
    // Never shown:
    {
      title: 'Draft dress',
      category: 'dresses',
      brandId: atlas!.id,
      shopId: atelier.id,
      price: 1000,
      status: 'DRAFT' as const,
    },
    {
      title: 'Archived dress',
      category: 'dresses',
      brandId: atlas!.id,
      shopId: atelier.id,
      price: 1000,
      status: 'ARCHIVED' as const,
    },
    {
      title: 'Suspended dress',
      category: 'dresses',
      brandId: atlas!.id,
      shopId: hiddenShop.id,
      price: 1000,
    },
  ]
  for (const product of products) await createProduct(product)
  await runSearchJobs()
})

const titles = (result: { hits: Array<{ card: { title: string } }> }) =>
  result.hits.map((hit) => hit.card.title)
const counts = (values: Array<{ value: string; count: number }>) =>
  Object.fromEntries(values.map((value) => [value.value, value.count]))
const search = (
  change: Partial<SearchState> = {},
  options?: Parameters<typeof searchProducts>[1],
) => searchProducts(state(change), options)

describe('matching', () => {
  test('an empty query lists every visible product, and never drafts, archived products or suspended shops', async () => {
    const result = await search()
    expect(result.totalHits).toBe(9)
    expect(titles(result)).not.toEqual(expect.arrayContaining(['Draft dress']))
    expect(titles(result).some((title) => /Draft|Archived|Suspended/.test(title))).toBe(false)
  })

  test('typos are tolerated', async () => {
    expect(titles(await search({ q: 'snekers' }))).toEqual(['Canvas sneakers'])
    expect(titles(await search({ q: 'hoddie' }))).toEqual(['Zip hoodie'])
  })

  test('synonyms: tee and t-shirt, trainers and sneakers, sweatshirt and hoodie', async () => {
    expect(new Set(titles(await search({ q: 'tee' })))).toEqual(
      new Set(['Graphic T-shirt', 'Cotton crew tee']),
    )
    expect(new Set(titles(await search({ q: 't-shirt' })))).toEqual(
      new Set(['Graphic T-shirt', 'Cotton crew tee']),
    )
    expect(titles(await search({ q: 'trainers' }))).toEqual(['Canvas sneakers'])
    expect(titles(await search({ q: 'sweatshirt' }))).toContain('Zip hoodie')
  })

  test('prefixes match while typing, stop words do not get in the way', async () => {
    expect(titles(await search({ q: 'blous' }))).toEqual(['Silk blouse'])
    // "the" and "with" are ignored; the product with both real words ranks first.
    expect(titles(await search({ q: 'the dress with the pockets' }))[0]).toBe(
      'Wrap dress with pockets',
    )
    expect(titles(await search({ q: 'the pockets' }))).toEqual(['Wrap dress with pockets'])
  })

  test('matches are highlighted in the title, and in a snippet of the description', async () => {
    const [hit] = (await search({ q: 'linen' })).hits
    expect(splitHighlights(hit!.highlightedTitle)).toEqual([
      { text: 'Linen', match: true },
      { text: ' summer dress', match: false },
    ])
    const [tote] = (await search({ q: 'beach' })).hits
    expect(tote!.card.title).toBe('Tote bag')
    expect(splitHighlights(tote!.snippet!).filter((part) => part.match)).toEqual([
      { text: 'beach', match: true },
    ])
    expect((await search({ q: 'linen' })).hits[0]!.snippet).toBeNull()
  })
})

describe('facets', () => {
  test('counts every value with no filter on', async () => {
    const { facets } = await search()
    expect(counts(facets.brand)).toEqual({ northwind: 3, atlas: 3, kumo: 2 })
    expect(facets.brand.find((value) => value.value === 'northwind')!.label).toBe('Northwind')
    expect(counts(facets.color)).toEqual({ black: 4, white: 3, red: 1, blue: 1, green: 2 })
    // Colours in palette order, with their swatch.
    expect(facets.color.map((value) => value.value)).toEqual([
      'black',
      'white',
      'red',
      'blue',
      'green',
    ])
    expect(facets.color[2]).toMatchObject({ label: 'Red', hex: '#c0392b' })
    // Sizes in scale order (the scales by code: eu-shoe, letter, one-size).
    expect(facets.size.map((value) => value.value)).toEqual([
      '39',
      '40',
      '41',
      'S',
      'M',
      'L',
      'XL',
      'One size',
    ])
    expect(counts(facets.shop)).toEqual({ [shops.atelier.slug]: 5, [shops.bazaar.slug]: 4 })
    expect(facets.onSale.count).toBe(2)
    expect(facets.inStock.count).toBe(7)
    expect(facets.price).toEqual({ min: 1500, max: 12900 })
    // 4.5, 3, 4.8, 3, 5 → 4+: 3; 3+: 5
    expect(facets.rating.map((option) => [option.value, option.count])).toEqual([
      [4, 3],
      [3, 5],
      [2, 5],
      [1, 5],
    ])
    expect(facets.category.options.map((option) => [option.slug, option.count])).toEqual([
      ['clothing', 6],
      ['shoes', 2],
      ['accessories', 1],
    ])
  })

  test('OR within a facet, AND across facets, each facet counted without its own filter', async () => {
    const one = await search({ brand: ['northwind'] })
    expect(one.totalHits).toBe(3)
    // Other brands keep their counts, so they can be added.
    expect(counts(one.facets.brand)).toEqual({ northwind: 3, atlas: 3, kumo: 2 })
    expect(one.facets.brand.find((value) => value.value === 'northwind')!.selected).toBe(true)
    // Colours are counted within Northwind.
    expect(counts(one.facets.color)).toMatchObject({
      red: 1,
      white: 1,
      black: 1,
      blue: 0,
      green: 0,
    })

    const either = await search({ brand: ['northwind', 'kumo'] })
    expect(either.totalHits).toBe(5)

    const both = await search({ brand: ['northwind', 'kumo'], color: ['black'] })
    expect(new Set(titles(both))).toEqual(
      new Set(['Graphic T-shirt', 'Zip hoodie', 'Leather ankle boots']),
    )
    // Brands counted among black products; colours among Northwind or Kumo products.
    expect(counts(both.facets.brand)).toEqual({ northwind: 1, atlas: 1, kumo: 2 })
    expect(counts(both.facets.color)).toMatchObject({
      black: 3,
      white: 2,
      red: 1,
      green: 0,
      blue: 0,
    })
  })

  test('values that match nothing under the other filters stay listed with a count of zero', async () => {
    const result = await search({ color: ['red'] })
    expect(counts(result.facets.brand)).toEqual({ northwind: 1, atlas: 0, kumo: 0 })
    expect(counts(result.facets.size)).toMatchObject({ S: 1, M: 1, L: 0, '40': 0 })
    // A selected value that no longer matches anything stays selectable, so it can be removed.
    const stale = await search({ color: ['red'], brand: ['kumo'] })
    expect(stale.totalHits).toBe(0)
    expect(stale.facets.brand.find((value) => value.value === 'kumo')).toMatchObject({
      count: 0,
      selected: true,
    })
  })

  test('category is hierarchical: a category includes its sub-categories, and offers its children', async () => {
    const women = await search({ category: 'women' })
    expect(new Set(titles(women))).toEqual(
      new Set(['Linen summer dress', 'Wrap dress with pockets', 'Silk blouse']),
    )
    expect(women.facets.category.trail.map((node) => [node.slug, node.count])).toEqual([
      ['clothing', 6],
      ['women', 3],
    ])
    expect(women.facets.category.options.map((node) => [node.slug, node.count])).toEqual([
      ['dresses', 2],
      ['women-tops', 1],
    ])
    const withBrand = await search({ category: 'dresses', brand: ['atlas'] })
    expect(titles(withBrand)).toEqual(['Wrap dress with pockets'])
    // Category counts are taken with the brand filter, but not the category filter.
    expect(withBrand.facets.category.trail.map((node) => [node.slug, node.count])).toEqual([
      ['clothing', 2],
      ['women', 1],
      ['dresses', 1],
    ])
  })

  test('price range, minimum rating, on sale and in stock', async () => {
    expect(new Set(titles(await search({ minPrice: 4500, maxPrice: 5900 })))).toEqual(
      new Set(['Linen summer dress', 'Silk blouse', 'Zip hoodie', 'Canvas sneakers']),
    )
    // The effective price counts: the wrap dress costs 5925 on sale, the sneakers 5850.
    expect(titles(await search({ maxPrice: 5850, onSale: true }))).toEqual(['Canvas sneakers'])
    expect(new Set(titles(await search({ rating: 4 })))).toEqual(
      new Set(['Linen summer dress', 'Graphic T-shirt', 'Canvas sneakers']),
    )
    const inStock = await search({ inStock: true })
    expect(inStock.totalHits).toBe(7)
    expect(titles(inStock)).not.toContain('Silk blouse')
    const priced = await search({ minPrice: 10_000 })
    // The price facet's range ignores the price filter itself.
    expect(priced.facets.price).toEqual({ min: 1500, max: 12900 })
    expect(priced.relaxations).toEqual([{ filter: 'price', totalHits: 9 }])
  })

  test('a scope (a brand, shop or category page) applies to everything and is not a choice', async () => {
    const result = await search({}, { scope: { shop: shops.bazaar.slug } })
    expect(result.totalHits).toBe(4)
    expect(counts(result.facets.shop)).toEqual({ [shops.bazaar.slug]: 4 })
    const category = await search({}, { scope: { category: 'clothing' } })
    expect(category.totalHits).toBe(6)
    expect(category.facets.category.root).toEqual({ slug: 'clothing', name: 'Clothing' })
    expect(category.facets.category.options.map((node) => node.slug)).toEqual(['women', 'men'])
  })

  test('facet search finds values of long facets, counted under the other filters', async () => {
    expect(await searchFacet(state({ color: ['black'] }), 'brand', 'nor')).toEqual([
      { value: 'northwind', label: 'Northwind', count: 1, selected: false },
    ])
  })
})

describe('sorting and pages', () => {
  test('every sort order', async () => {
    const prices = (await search({ sort: 'price-asc' })).hits.map(
      (hit) => hit.card.price!.effective,
    )
    expect(prices).toEqual([...prices].sort((a, b) => a - b))
    const descending = (await search({ sort: 'price-desc' })).hits.map(
      (hit) => hit.card.price!.effective,
    )
    expect(descending).toEqual([...prices].reverse())
    expect(titles(await search({ sort: 'newest' })).slice(0, 3)).toEqual([
      'Cotton crew tee',
      'Wrap dress with pockets',
      'Zip hoodie',
    ])
    expect(titles(await search({ sort: 'rating' })).slice(0, 3)).toEqual([
      'Canvas sneakers',
      'Graphic T-shirt',
      'Linen summer dress',
    ])
    expect(titles(await search({ sort: 'best-selling' })).slice(0, 3)).toEqual([
      'Graphic T-shirt',
      'Cotton crew tee',
      'Canvas sneakers',
    ])
  })

  test('pages split the results with exact totals, and past the end is empty', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => search({ sort: 'price-asc', page }, { hitsPerPage: 4 })),
    )
    expect(pages.map((page) => page.hits.length)).toEqual([4, 4, 1, 0])
    expect(pages.every((page) => page.totalHits === 9 && page.totalPages === 3)).toBe(true)
    expect(new Set(pages.flatMap(titles)).size).toBe(9)
    // A page number beyond what Meilisearch can count is clamped.
    const far = await search({ page: 10_000_000 })
    expect(far.page).toBe(maxPage())
    expect(far.hits).toEqual([])
  })
})

describe('hostile input', () => {
  test('the URL parser drops or clamps what cannot be right', () => {
    const params = new URLSearchParams()
    params.set('q', `${'x'.repeat(5000)}\u0000`)
    params.append('brand', '" OR 1=1')
    params.append('brand', 'northwind')
    params.append('brand', 'a'.repeat(500))
    params.set('minPrice', 'abc')
    params.set('maxPrice', '1e400')
    params.set('rating', '9')
    params.set('page', '-3')
    params.set('sort', 'price; DROP TABLE')
    params.append('size', 'One size')
    params.append('size', 'M" OR size = "L')
    const parsed = parseSearchState(params, USD)
    expect(parsed.q).toHaveLength(200)
    expect(parsed.brand).toEqual(['northwind'])
    expect(parsed.size).toEqual(['One size'])
    expect(parsed).toMatchObject({
      minPrice: null,
      maxPrice: null,
      rating: null,
      page: 1,
      sort: 'relevance',
    })
    expect(
      parseSearchState(new URLSearchParams('minPrice=20&maxPrice=10.5&page=2.5'), USD),
    ).toMatchObject({ minPrice: 1050, maxPrice: 2000, page: 1 })
  })

  test('an IRR store showing Toman takes the price range in Toman, in any digits, and links in Toman', () => {
    const toman = searchPriceUnit('IRR', 'toman')
    const typed = new URLSearchParams({ minPrice: '۱۲۰٬۰۰۰', maxPrice: '250,000' })
    const parsed = parseSearchState(typed, toman)
    expect(parsed).toMatchObject({ minPrice: 1_200_000, maxPrice: 2_500_000 })
    expect(searchStateToParams(parsed, toman).toString()).toBe('minPrice=120000&maxPrice=250000')
    // Rials shown as rials keep the currency's own unit.
    const rial = searchPriceUnit('IRR', 'currency')
    expect(parseSearchState(typed, rial)).toMatchObject({ minPrice: 120_000 })
    // What cannot be read is no filter (the field shows it back with its error).
    expect(parseSearchState(new URLSearchParams('minPrice=12,50'), toman).minPrice).toBeNull()
  })

  test('filter values are quoted and escaped, so they cannot add filter syntax', async () => {
    expect(quoteFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"')
    const built = buildFilters(state({ brand: ['x" OR brand = "northwind', 'back\\'] }))
    expect(built.filters.brand).toBe('brand IN ["x\\" OR brand = \\"northwind", "back\\\\"]')
    // Sent as they are (bypassing the URL parser), they match nothing and break nothing.
    const result = await search({
      brand: ['x" OR brand = "northwind', 'back\\'],
      size: ['M" OR 1=1'],
    })
    expect(result.totalHits).toBe(0)
  })

  test('queries with filter syntax, quotes and odd characters are just text', async () => {
    for (const q of [
      '" OR 1=1 --',
      'brand = northwind',
      '\'; DROP TABLE "Product"; --',
      '<script>alert(1)</script>',
      '\\',
      '"""',
      '*',
      'NOT dress',
      'dress)',
      'ü'.repeat(200),
    ]) {
      const result = await search({ q })
      expect(result.totalHits).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('suggestions', () => {
  test('products and categories while typing', async () => {
    const result = await suggest('dres')
    expect(result.products.map((product) => product.title)).toEqual(
      expect.arrayContaining(['Linen summer dress', 'Wrap dress with pockets']),
    )
    expect(result.categories[0]).toMatchObject({
      slug: 'dresses',
      name: 'Dresses',
      parentName: 'Women',
      count: 2,
    })
    expect((await suggest('   ')).products).toEqual([])
  })
})

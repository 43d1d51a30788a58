import { beforeAll, describe, expect, test } from 'vitest'
import { i18nFor } from '~/i18n/i18n.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { loader as searchLoader } from '~/routes/($locale).search.tsx'
import { loader as facetValuesLoader } from '~/routes/search_.facet-values.ts'
import { loader as suggestLoader } from '~/routes/search_.suggest.ts'
import { forgetCatalogLabels } from '~/services/search/labels.server.ts'
import { correctQuery, editDistance } from '~/services/search/no-results.server.ts'
import type { SearchPageData } from '~/services/search/page.server.ts'
import { searchPriceUnit, parseSearchState } from '~/services/search/state.ts'
import type { SuggestionsData } from '~/routes/search_.suggest.ts'
import {
  createBrand,
  createProduct,
  createShop,
  ensureCatalogBasics,
} from '../support/search-catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { runSearchJobs } from '../support/search.ts'

const USD = searchPriceUnit('USD', 'currency')

// The search screens in Persian through their loaders against the real Meilisearch: Persian
// facet labels and titles, Persian digits in the URL, a query typed with Arabic letters, and
// what an empty search offers instead (issue 17).

const ids: Record<string, string> = {}

beforeAll(async () => {
  await ensureCatalogBasics()
  const names: Array<[string, string]> = [
    ['clothing', 'پوشاک'],
    ['women', 'زنانه'],
    ['dresses', 'پیراهن و لباس'],
    ['women-tops', 'تاپ و بلوز'],
    ['accessories', 'اکسسوری'],
    ['bags', 'کیف'],
  ]
  for (const [slug, nameFa] of names)
    await prisma.category.update({ where: { slug }, data: { nameFa } })
  await prisma.color.update({ where: { slug: 'red' }, data: { nameFa: 'قرمز' } })
  await prisma.color.update({ where: { slug: 'blue' }, data: { nameFa: 'آبی' } })
  forgetCatalogLabels()
  const brand = await createBrand('Golestan')
  await prisma.brand.update({ where: { id: brand.id }, data: { nameFa: 'گلستان' } })
  const shop = await createShop('Boutique Golestan')
  ids.dress = (
    await createProduct({
      shopId: shop.id,
      title: 'پیراهن کتان بلند',
      locale: 'fa',
      translatedTitle: 'Long linen dress',
      category: 'dresses',
      brandId: brand.id,
      price: 2500,
      variants: [{ color: 'red', size: 'M' }],
    })
  ).id
  ids.blouse = (
    await createProduct({
      shopId: shop.id,
      title: 'بلوز ابریشمی',
      locale: 'fa',
      translatedTitle: 'Silk blouse',
      category: 'women-tops',
      brandId: brand.id,
      price: 4000,
      variants: [{ color: 'blue', size: 'S' }],
    })
  ).id
  ids.bag = (
    await createProduct({
      shopId: shop.id,
      title: 'Woven tote',
      category: 'bags',
      price: 6000,
      variants: [{ color: 'blue', size: 'One size' }],
    })
  ).id
  await runSearchJobs()
})

const load = async (path: string) => {
  const result = await callRoute(searchLoader, routeRequest(path))
  const data = result.data as SearchPageData & { meta: { title: string; description: string } }
  if (data.status !== 'ok') throw new Error(`search is ${data.status}`)
  return { status: result.status, data }
}

describe('/fa/search', () => {
  test('a query typed with Arabic yeh and kaf finds the Persian product, titled in Persian', async () => {
    const { data } = await load(`/fa/search?q=${encodeURIComponent('پيراهن كتان')}`)
    expect(data.result.hits.map((hit) => hit.card.id)).toEqual([ids.dress])
    expect(data.result.hits[0]!.card.title).toBe('پیراهن کتان بلند')
    expect(data.meta.title).toBe('«پيراهن كتان»: جست‌وجو · شیک‌پوش')
  })

  test('facet labels come in Persian on /fa and in English on /', async () => {
    const fa = (await load('/fa/search')).data.result.facets
    expect(fa.color.filter((value) => value.count > 0).map((value) => value.label)).toEqual([
      'قرمز',
      'آبی',
    ])
    expect(fa.category.options.map((option) => option.name)).toContain('پوشاک')
    expect(fa.brand.map((value) => value.label)).toEqual(['گلستان'])
    const en = (await load('/search')).data.result.facets
    expect(en.color.filter((value) => value.count > 0).map((value) => value.label)).toEqual([
      'Red',
      'Blue',
    ])
  })

  test('a price range typed in Persian or Arabic-Indic digits filters like Latin digits', async () => {
    const range = `minPrice=${encodeURIComponent('۲۰')}&maxPrice=${encodeURIComponent('٤٥٫٥')}`
    const { data } = await load(`/fa/search?${range}`)
    expect(data.state.minPrice).toBe(2000)
    expect(data.state.maxPrice).toBe(4550)
    expect(data.result.hits.map((hit) => hit.card.id).sort()).toEqual(
      [ids.dress!, ids.blouse!].sort(),
    )
    // Grouping separators of either script are read too.
    const grouped = await load(`/fa/search?maxPrice=${encodeURIComponent('۱٬۰۰۰')}`)
    expect(grouped.data.state.maxPrice).toBe(100_000)
  })

  test('page and rating numbers in Persian digits are read as numbers', () => {
    const read = parseSearchState(new URLSearchParams('page=۲&rating=٤'), USD)
    expect([read.page, read.rating]).toEqual([2, 4])
    const junk = parseSearchState(new URLSearchParams('page=۲٫۵&rating=۹'), USD)
    expect([junk.page, junk.rating]).toEqual([1, null])
  })

  test('counts and plurals in Persian digits through the catalogue', () => {
    const t = i18nFor('fa').getFixedT('fa', 'search')
    expect(t('count.products', { count: 1234 })).toBe('۱٬۲۳۴ محصول')
    expect(t('count.atLeast', { count: 10_000 })).toBe('بیش از ۱۰٬۰۰۰ محصول')
    const en = i18nFor('en').getFixedT('en', 'search')
    expect(en('count.products', { count: 1 })).toBe('1 product')
    expect(en('count.products', { count: 1234 })).toBe('1,234 products')
  })

  test('a search with no results offers a corrected spelling and popular categories, in Persian', async () => {
    // Two letters off a six-letter word: more than Meilisearch's typo tolerance allows.
    const { data } = await load(`/fa/search?q=${encodeURIComponent('پبراهم')}`)
    expect(data.result.totalHits).toBe(0)
    expect(data.help?.didYouMean).toEqual({ q: 'پیراهن', totalHits: 1 })
    expect(data.help?.popularCategories.map((category) => category.name)).toEqual(
      expect.arrayContaining(['پیراهن و لباس', 'تاپ و بلوز']),
    )
    const en = (await load('/search?q=drossas')).data
    expect(en.help?.didYouMean).toEqual({ q: 'dresses', totalHits: 1 })
    expect(en.help?.popularCategories.map((category) => category.name)).toContain('Dresses')
  })

  test('nothing is offered for a word nothing is near, and results need no help', async () => {
    const { data } = await load('/fa/search?q=zzzzqqqq')
    expect(data.help?.didYouMean).toBeNull()
    expect(data.help?.popularCategories.length).toBeGreaterThan(0)
    expect((await load('/fa/search?q=tote')).data.help).toBeNull()
  })

  test('filters that leave nothing are listed with what removing each would give', async () => {
    const { data } = await load('/fa/search?color=red&brand=golestan&inStock=1&minPrice=50')
    expect(data.result.totalHits).toBe(0)
    expect(Object.fromEntries(data.result.relaxations.map((r) => [r.filter, r.totalHits]))).toEqual(
      { brand: 0, color: 0, price: 1, inStock: 0 },
    )
  })

  test('the header suggestions and facet search answer in Persian', async () => {
    const suggestions = await callRoute(
      suggestLoader,
      routeRequest(`/search/suggest?lang=fa&q=${encodeURIComponent('بلوز')}`),
    )
    const body = suggestions.data as SuggestionsData
    expect(body.products.map((product) => [product.title, product.price])).toEqual([
      ['بلوز ابریشمی', '‎$۴۰٫۰۰'],
    ])
    const refused = await callRoute(
      facetValuesLoader,
      routeRequest('/search/facet-values?lang=fa&facet=nope&fq=x'),
    )
    expect(refused.status).toBe(400)
    expect(refused.data).toEqual({
      error: 'یک فیلتر (برند، رنگ، سایز یا فروشگاه) و متنی برای جست‌وجو بدهید.',
    })
  })
})

describe('spelling suggestions', () => {
  test('edit distance counts a swap of neighbours as one edit and stops past its limit', () => {
    expect(editDistance('dresses', 'dresses')).toBe(0)
    expect(editDistance('dersses', 'dresses')).toBe(1)
    expect(editDistance('drossas', 'dresses')).toBe(2)
    expect(editDistance('a', 'abcdef', 2)).toBe(3)
  })

  test('only unknown words are corrected, to their nearest known word; numbers stay', () => {
    const vocabulary = ['dresses', 'red', 'linen', 'پیراهن']
    expect(correctQuery('red drossas 38', vocabulary)).toBe('red dresses 38')
    expect(correctQuery('پبراهم', vocabulary)).toBe('پیراهن')
    expect(correctQuery('red linen', vocabulary)).toBeNull()
    expect(correctQuery('xylophone', vocabulary)).toBeNull()
  })
})

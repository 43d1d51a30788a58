import { beforeAll, describe, expect, test } from 'vitest'
import { loader as readyLoader } from '~/routes/readyz.ts'
import { loader as searchLoader } from '~/routes/($locale).search.tsx'
import { loader as facetValuesLoader } from '~/routes/search_.facet-values.ts'
import { loader as suggestLoader } from '~/routes/search_.suggest.ts'
import type { SearchPageData } from '~/services/search/page.server.ts'
import {
  createBrand,
  createProduct,
  createShop,
  ensureCatalogBasics,
} from '../support/search-catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { runSearchJobs } from '../support/search.ts'

beforeAll(async () => {
  await ensureCatalogBasics()
  const shop = await createShop('Route Shop')
  const brand = await createBrand('Routewear')
  for (const [i, title] of ['Ruby sneakers', 'Ruby boots', 'Ruby dress', 'Plain tote'].entries()) {
    await createProduct({
      shopId: shop.id,
      title,
      category: i < 2 ? 'sneakers' : i === 2 ? 'dresses' : 'bags',
      brandId: brand.id,
      price: 2000 + i * 1000,
      variants: [{ color: i % 2 ? 'red' : 'black', size: i < 2 ? '40' : 'M' }],
    })
  }
  await runSearchJobs()
})

const page = async (path: string) => {
  const result = await callRoute(searchLoader, routeRequest(path))
  return { ...result, page: result.data as SearchPageData }
}

describe('/search', () => {
  test('reads the whole state from the URL and answers with results and facets', async () => {
    const { status, page: data } = await page('/search?q=ruby&color=red&sort=price-desc')
    expect(status).toBe(200)
    if (data.status !== 'ok') throw new Error('expected results')
    expect(data.priceUnit).toMatchObject({ currency: 'USD', factor: 100, toman: false })
    expect(data.state).toMatchObject({ q: 'ruby', color: ['red'], sort: 'price-desc', page: 1 })
    expect(data.result.hits.map((hit) => hit.card.title)).toEqual(['Ruby boots'])
    expect(data.result.facets.color.find((value) => value.value === 'black')).toMatchObject({
      count: 2,
      selected: false,
    })
  })

  test.each([
    ['/search?q=' + 'a'.repeat(10_000)],
    ['/search?q=%22%20OR%201%3D1%20--&brand=%22%20OR%201%3D1'],
    ['/search?minPrice=abc&maxPrice=-5&rating=99&page=NaN&sort=%3Bdrop'],
    ['/search?page=99999999999999999999'],
    ['/search?category=..%2F..%2Fetc&size=%00&color=%E2%80%AE'],
    ['/search?q=%F0%9F%91%97%20dress&onSale=maybe&inStock=1'],
    ['/search?brand=' + Array.from({ length: 500 }, (_, i) => `b${i}`).join('&brand=')],
  ])('hostile URL %# gives a sanitised search, never an error', async (path) => {
    const { status, page: data } = await page(path)
    expect(status).toBe(200)
    expect(data.status).toBe('ok')
    expect(data.state.q.length).toBeLessThanOrEqual(200)
    expect(data.state.brand.length).toBeLessThanOrEqual(30)
  })

  test('a page past the end answers with no hits and the real number of pages', async () => {
    const { status, page: data } = await page('/search?page=40')
    expect(status).toBe(200)
    if (data.status !== 'ok') throw new Error('expected results')
    expect(data.result.hits).toEqual([])
    expect(data.result.totalHits).toBe(4)
    expect(data.result.totalPages).toBe(1)
  })
})

describe('/search/suggest', () => {
  test('offers products and categories as JSON, with formatted prices', async () => {
    const { status, data } = await callRoute(suggestLoader, routeRequest('/search/suggest?q=rub'))
    expect(status).toBe(200)
    const body = data as {
      products: Array<{ title: string; price: string }>
      categories: Array<{ slug: string }>
    }
    expect(body.products.map((product) => product.title).sort()).toEqual([
      'Ruby boots',
      'Ruby dress',
      'Ruby sneakers',
    ])
    expect(body.products.find((product) => product.title === 'Ruby sneakers')?.price).toBe('$20.00')
    expect(body.categories.map((category) => category.slug)).toContain('sneakers')
  })

  test('an empty or hostile query gives empty suggestions', async () => {
    for (const q of ['', '%00%00', '%22%20OR%201%3D1']) {
      const { status, data } = await callRoute(
        suggestLoader,
        routeRequest(`/search/suggest?q=${q}`),
      )
      expect(status).toBe(200)
      expect(data).toMatchObject({ products: expect.any(Array), categories: expect.any(Array) })
    }
  })
})

describe('/search/facet-values', () => {
  test('finds facet values matching the text under the current filters', async () => {
    const { status, data } = await callRoute(
      facetValuesLoader,
      routeRequest('/search/facet-values?facet=brand&fq=route&color=red'),
    )
    expect(status).toBe(200)
    expect(data).toEqual({
      values: [{ value: 'routewear', label: 'Routewear', count: 2, selected: false }],
    })
  })

  test('an unknown facet or an empty text is a 400', async () => {
    expect(
      (await callRoute(facetValuesLoader, routeRequest('/search/facet-values?facet=password&fq=x')))
        .status,
    ).toBe(400)
    expect(
      (await callRoute(facetValuesLoader, routeRequest('/search/facet-values?facet=brand&fq=')))
        .status,
    ).toBe(400)
  })
})

test('/readyz checks Meilisearch too', async () => {
  const { status, data } = await callRoute(readyLoader, routeRequest('/readyz'))
  expect(status).toBe(200)
  expect(data).toMatchObject({
    status: 'ready',
    checks: expect.arrayContaining([expect.objectContaining({ name: 'search', ok: true })]),
  })
})

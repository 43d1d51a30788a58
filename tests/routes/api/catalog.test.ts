import { beforeAll, describe, expect, test } from 'vitest'
import { invalidateCategoryTree } from '~/services/catalog/taxonomy.server.ts'
import { createCategory } from '~/services/catalog/category-admin.server.ts'
import { createBrand } from '~/services/catalog/brand-admin.server.ts'
import { forgetCatalogLabels } from '~/services/search/labels.server.ts'
import { callApi } from '../../support/api.ts'
import {
  createListedProduct,
  createSeller,
  taxonomyFixture,
  type Taxonomy,
} from '../../support/catalog.ts'
import { runSearchJobs } from '../../support/search.ts'

// The public catalog through /api/v1 against the real Meilisearch: the storefront search's
// filters, facets, sorts and cursor paging, and the taxonomy.

let t: Taxonomy
type ProductPage = {
  items: Array<{ title: string; price: { effective: number } | null; shop: { slug: string } }>
  next: string | null
  total: number
  facets: {
    brand: Array<{ value: string; count: number }>
    category: Array<{ slug: string; count: number }>
  }
}

beforeAll(async () => {
  t = await taxonomyFixture()
  const seller = await createSeller('api-catalog')
  const root = await createCategory({ name: 'Api Root', slug: 'api-root' })
  await createCategory({ name: 'Api Child', slug: 'api-child', parentId: root.id })
  const brand = await createBrand({ name: 'Apiwear', slug: 'apiwear' })
  invalidateCategoryTree()
  forgetCatalogLabels()
  for (const [index, price] of [3000, 1000, 2000].entries())
    await createListedProduct(seller.user.id, t, {
      title: `Api Coat ${index}`,
      categoryId: root.id,
      price,
      brandId: index === 0 ? brand.id : t.brands.acme.id,
      variants: [
        {
          colorId: t.colors.black.id,
          sizeId: t.letters.S.id,
          sku: `API-${index}-${Date.now()}`,
          stock: 2,
          price: null,
        },
      ],
    })
  await runSearchJobs()
}, 120_000)

describe('GET /api/v1/products', () => {
  test('filters by category, sorts by price and pages by cursor with a Link header, with facet counts', async () => {
    const first = await callApi('/api/v1/products?category=api-root&sort=price-asc&limit=2')
    expect(first.status).toBe(200)
    const page = first.body as ProductPage
    expect(page.total).toBe(3)
    expect(page.items.map((item) => item.price?.effective)).toEqual([1000, 2000])
    expect(page.facets.brand).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 'apiwear', count: 1 })]),
    )
    expect(page.next).toEqual(expect.any(String))
    expect(first.headers.get('Link')).toContain('rel="next"')
    expect(first.headers.get('ETag')).toBeTruthy()

    const second = await callApi(
      `/api/v1/products?category=api-root&sort=price-asc&limit=2&cursor=${page.next}`,
    )
    const rest = second.body as ProductPage
    expect(rest.items.map((item) => item.price?.effective)).toEqual([3000])
    expect(rest.next).toBeNull()
    expect(second.headers.get('Link')).toBeNull()

    const branded = await callApi('/api/v1/products?category=api-root&brand=apiwear')
    expect((branded.body as ProductPage).items.map((item) => item.title)).toEqual(['Api Coat 0'])
  })

  test('malformed parameters are a 400 naming them; a foreign cursor too', async () => {
    const bad = await callApi('/api/v1/products?sort=cheapest&limit=1000')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('Content-Type')).toBe('application/problem+json')
    const pointers = (bad.body as { errors: Array<{ pointer: string }> }).errors.map(
      (error) => error.pointer,
    )
    expect(pointers).toEqual(expect.arrayContaining(['/query/sort', '/query/limit']))
    const cursor = await callApi('/api/v1/products?cursor=nonsense')
    expect(cursor.status).toBe(400)
    expect((cursor.body as { errors: Array<{ pointer: string }> }).errors[0]!.pointer).toBe(
      '/query/cursor',
    )
  })
})

describe('GET /api/v1/categories and /brands', () => {
  test('the category tree and the brands, in either language', async () => {
    const categories = await callApi('/api/v1/categories')
    expect(categories.status).toBe(200)
    const items = (
      categories.body as { items: Array<{ slug: string; children: Array<{ slug: string }> }> }
    ).items
    expect(
      items.find((item) => item.slug === 'api-root')?.children.map((child) => child.slug),
    ).toEqual(['api-child'])
    const brands = await callApi('/api/v1/brands?lang=fa')
    expect(
      (brands.body as { items: Array<{ slug: string }> }).items.map((brand) => brand.slug),
    ).toContain('apiwear')
    const wrong = await callApi('/api/v1/brands?lang=de')
    expect(wrong.status).toBe(400)
  })
})

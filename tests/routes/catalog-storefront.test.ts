import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { socialMeta, type SocialInput } from '~/utils/seo.ts'
import { loader as categoryLoader, meta as categoryMeta } from '~/routes/($locale).c.$slug.tsx'
import { loader as homeLoader } from '~/routes/($locale)._index/route.tsx'
import { loader as productLoader, meta as productMeta } from '~/routes/($locale).p.$slug/route.tsx'
import { loader as shopLoader } from '~/routes/($locale).shops.$slug.tsx'
import { changeProductStatus } from '~/services/catalog/product-status.server.ts'
import { suspendShop } from '~/services/catalog/shops.server.ts'
import { signIn } from '../support/fixtures.ts'
import { createListedProduct, createSeller, taxonomyFixture } from '../support/catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { gridIds, loadGrid } from '../support/search.ts'

type ProductData = {
  product: { title: string }
  preview: unknown
  jsonLd: {
    '@type': string
    name: string
    brand: { name: string }
    category: string
    offers: {
      lowPrice: string
      highPrice: string
      availability: string
      offerCount: number
      offers: Array<{ sku: string; price: string; availability: string; priceValidUntil?: string }>
    }
  }
  moreFromShop: Promise<unknown>
}

const DAY = 86_400_000

describe('/p/<slug>', () => {
  test('shows a published product with schema.org data: discounted prices, availability per variant', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const ends = new Date(Date.now() + 5 * DAY)
    const product = await createListedProduct(user.id, t, {
      title: 'Json Ld Dress',
      discountPercent: 20,
      discountStartsAt: new Date(Date.now() - DAY),
      discountEndsAt: ends,
    })
    const sold = await prisma.variant.findFirstOrThrow({
      where: { productId: product.id },
      orderBy: { sku: 'asc' },
    })
    await prisma.variant.update({ where: { id: sold.id }, data: { stock: 0 } })

    const result = await callRoute(productLoader, routeRequest(`/p/${product.slug}`), {
      params: { slug: product.slug },
    })
    expect(result.status).toBe(200)
    const data = result.data as ProductData
    await data.moreFromShop
    expect(data.jsonLd).toMatchObject({
      '@type': 'Product',
      name: 'Json Ld Dress',
      brand: { name: 'Acme' },
      category: 'Clothing > Women > Dresses',
    })
    expect(data.jsonLd.offers).toMatchObject({
      lowPrice: '39.92',
      highPrice: '39.92',
      offerCount: 6,
      availability: 'https://schema.org/InStock',
    })
    const offer = data.jsonLd.offers.offers.find((entry) => entry.sku === sold.sku)!
    expect(offer).toMatchObject({
      price: '39.92',
      availability: 'https://schema.org/OutOfStock',
      priceValidUntil: ends.toISOString().slice(0, 10),
    })
    expect(
      data.jsonLd.offers.offers.filter((entry) => entry.availability.endsWith('InStock')),
    ).toHaveLength(5)

    const tags = productMeta({
      data: result.data,
      params: { slug: product.slug },
      location: { pathname: `/p/${product.slug}` },
    } as unknown as Parameters<typeof productMeta>[0])
    expect(tags).toEqual(
      expect.arrayContaining([
        { title: 'Json Ld Dress by Acme · Shikposh' },
        { property: 'product:price:amount', content: '39.92' },
      ]),
    )
    // Link previews come from the loader's `social` through the one helper (app/utils/seo.ts).
    const social = socialMeta({
      siteName: 'Shikposh',
      locale: 'en',
      url: `http://localhost:3000/p/${product.slug}`,
      origin: 'http://localhost:3000',
      page: (result.data as { social: SocialInput }).social,
    })
    expect(social).toEqual(
      expect.arrayContaining([
        { property: 'og:type', content: 'product' },
        { property: 'og:title', content: 'Json Ld Dress' },
      ]),
    )
  })

  test('drafts, archived products and unknown slugs are 404s; the owner sees a preview of a draft', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const draft = await createListedProduct(
      user.id,
      t,
      { title: 'Draft Preview' },
      { publish: false },
    )
    const archived = await createListedProduct(user.id, t, { title: 'Old Archived' })
    await changeProductStatus(user.id, archived.id, 'archive')
    for (const slug of [draft.slug, archived.slug, 'no-such-thing']) {
      const result = await callRoute(productLoader, routeRequest(`/p/${slug}`), {
        params: { slug },
      })
      expect(result.status).toBe(404)
    }
    const stranger = await createSeller('stranger')
    const peek = await callRoute(
      productLoader,
      routeRequest(`/p/${draft.slug}`, { cookie: (await signIn(stranger.user.id)).cookie }),
      { params: { slug: draft.slug } },
    )
    expect(peek.status).toBe(404)

    const { cookie } = await signIn(user.id)
    const preview = await callRoute(productLoader, routeRequest(`/p/${draft.slug}`, { cookie }), {
      params: { slug: draft.slug },
    })
    expect(preview.status).toBe(200)
    expect((preview.data as ProductData).preview).toEqual({ status: 'DRAFT', shopSuspended: false })
    await (preview.data as ProductData).moreFromShop
  })
})

describe('grid pages', () => {
  test('category, brand and shop pages list the product through search; junk query strings fall back to defaults', async () => {
    const t = await taxonomyFixture()
    const { user, shop } = await createSeller()
    const product = await createListedProduct(user.id, t, { title: 'Grid Dress' })

    const category = await loadGrid('c', 'clothing', 'sort=%27%3BDROP&page=abc')
    expect(category.status).toBe(200)
    expect(category.data.page).toMatchObject({
      status: 'ok',
      state: { sort: 'relevance', page: 1 },
    })
    expect(await gridIds('c', 'clothing')).toContain(product.id)
    expect(await gridIds('brands', 'acme', 'sort=price_desc')).toContain(product.id)
    expect(await gridIds('shops', shop.slug)).toEqual([product.id])

    expect((await loadGrid('c', 'nope')).status).toBe(404)
    expect((await loadGrid('brands', 'nope')).status).toBe(404)
  })

  test("grid pages keep filtered permutations out of search engines (their canonical address is the root's)", async () => {
    const t = await taxonomyFixture()
    await createListedProduct((await createSeller()).user.id, t, { title: 'Meta Dress' })
    const tags = async (query: string) => {
      const { data } = await loadGrid('c', 'dresses', query)
      return categoryMeta({
        data,
        params: { slug: 'dresses' },
        location: { pathname: '/c/dresses' },
      } as unknown as Parameters<typeof categoryMeta>[0])
    }
    expect(await tags('page=2')).toEqual(
      expect.arrayContaining([{ title: 'Dresses (page 2) · Shikposh' }]),
    )
    expect(await tags('page=2')).not.toContainEqual(expect.objectContaining({ name: 'robots' }))
    expect(await tags('page=2')).not.toContainEqual(expect.objectContaining({ rel: 'canonical' }))
    expect(await tags('color=black&sort=newest')).toEqual(
      expect.arrayContaining([{ name: 'robots', content: 'noindex, follow' }]),
    )
  })

  test('a Persian grid page has its title, description and 404s in Persian with Persian digits', async () => {
    const t = await taxonomyFixture()
    const { user, shop } = await createSeller('persian')
    await createListedProduct(user.id, t, { title: 'Persian Meta Dress' })
    await loadGrid('c', 'dresses')
    const result = await callRoute(categoryLoader, routeRequest('/fa/c/dresses?page=2'), {
      params: { locale: 'fa', slug: 'dresses' },
    })
    expect(result.status).toBe(200)
    const tags = categoryMeta({
      data: result.data,
      params: { locale: 'fa', slug: 'dresses' },
      location: { pathname: '/fa/c/dresses' },
      matches: [],
    } as unknown as Parameters<typeof categoryMeta>[0])
    expect(tags).toEqual(expect.arrayContaining([{ title: 'Dresses (صفحهٔ ۲) · شیک‌پوش' }]))
    const missing = await callRoute(categoryLoader, routeRequest('/fa/c/nope'), {
      params: { locale: 'fa', slug: 'nope' },
    })
    expect(missing).toMatchObject({
      status: 404,
      data: 'چنین دسته‌ای وجود ندارد. شاید نامش عوض شده یا حذف شده باشد.',
    })
    await suspendShop(shop.id, { reason: 'Review' })
    const closed = await callRoute(shopLoader, routeRequest(`/fa/shops/${shop.slug}`), {
      params: { locale: 'fa', slug: shop.slug },
    })
    expect(closed).toMatchObject({ status: 404, data: expect.stringContaining('فعلاً باز نیست') })
  })

  test('a suspended shop is a 404 with a plain notice, and its products leave the home page', async () => {
    const t = await taxonomyFixture()
    const { user, shop } = await createSeller('closing')
    const product = await createListedProduct(user.id, t, { title: 'Soon Hidden' })
    const home = async () => {
      const data = (await callRoute(homeLoader, routeRequest('/'))).data as {
        newArrivals: Array<{ id: string }>
      }
      return data.newArrivals.map((card) => card.id)
    }
    expect(await home()).toContain(product.id)
    await suspendShop(shop.id, { reason: 'Review' })
    const result = await callRoute(shopLoader, routeRequest(`/shops/${shop.slug}`), {
      params: { slug: shop.slug },
    })
    expect(result).toMatchObject({
      status: 404,
      data: `${shop.name} is not open at the moment. Its products are unavailable until it reopens.`,
    })
    expect(await home()).not.toContain(product.id)
  })
})

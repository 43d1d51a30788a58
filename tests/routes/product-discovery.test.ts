import { describe, expect, test } from 'vitest'
import { loader as homeLoader } from '~/routes/($locale)._index/route.tsx'
import { loader as productLoader } from '~/routes/($locale).p.$slug/route.tsx'
import { RECENTLY_VIEWED_COOKIE } from '~/services/catalog/recently-viewed.ts'
import type { ProductCardData } from '~/services/catalog/storefront.server.ts'
import { syncProducts } from '~/services/search/indexer.server.ts'
import { attachPhoto } from '../support/media.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, createShop } from '../support/shop-fixtures.ts'

// Issue 13's small things on the product page: "you may also like" from the index (same
// category, ranked by likeness, cards with photos), and "recently viewed" from a cookie (listed
// products only, the product itself left out, remembered only where the page is personal).

type Page = { alsoLike: ProductCardData[]; recentlyViewed: ProductCardData[] }

async function open(slug: string, cookie?: string) {
  const result = await callRoute(productLoader, routeRequest(`/p/${slug}`, { cookie }), {
    params: { slug },
  })
  expect(result.status).toBe(200)
  return { data: result.data as Page, headers: result.headers }
}

const ids = (cards: ProductCardData[]) => cards.map((card) => card.id)

describe('the product page', () => {
  test('"you may also like": alike products of other shops first, with their photos; never the page own, unlisted or "more from this shop" ones', async () => {
    const own = await createSeller('Likeness Shop')
    const product = await createProduct(own.shop.id, {
      title: 'Black linen dress',
      price: 4000,
      variants: [{ color: 'Black', size: 'M' }],
    })
    const sibling = await createProduct(own.shop.id, { title: 'Sibling dress', price: 4000 })
    const other = await createSeller('Other Likeness Shop')
    const alike = await createProduct(other.shop.id, {
      title: 'Black cotton dress',
      price: 4200,
      variants: [{ color: 'Black', size: 'M' }],
    })
    const unlike = await createProduct(other.shop.id, {
      title: 'Rose gala gown',
      price: 40000,
      variants: [{ color: 'Rose', size: 'M', stock: 0 }],
    })
    const draft = await createProduct(other.shop.id, { title: 'Draft dress', status: 'DRAFT' })
    const photo = await attachPhoto(alike.id, other.user.id)
    await syncProducts([product, sibling, alike, unlike, draft].map((row) => row.id))

    const { data } = await open(product.slug)
    const shown = ids(data.alsoLike)
    expect(shown.indexOf(alike.id)).toBeGreaterThanOrEqual(0)
    expect(shown.indexOf(alike.id)).toBeLessThan(shown.indexOf(unlike.id))
    for (const hidden of [product.id, sibling.id, draft.id]) expect(shown).not.toContain(hidden)
    expect(data.alsoLike.length).toBeLessThanOrEqual(4)
    const card = data.alsoLike.find((candidate) => candidate.id === alike.id)!
    expect(card.images.map((image) => image.id)).toEqual([photo.id])
    expect(card.shop.name).toBe("Other Likeness Shop's shop")
  })

  test('"recently viewed": listed products from the cookie, newest first, without the page own; the cookie grows only where the page is personal', async () => {
    const { shop } = await createSeller('Recent Shop')
    const [first, second, current] = [
      await createProduct(shop.id, { title: 'Viewed first' }),
      await createProduct(shop.id, { title: 'Viewed second' }),
      await createProduct(shop.id, { title: 'Viewed now' }),
    ]
    const draft = await createProduct(shop.id, { title: 'Unpublished since', status: 'DRAFT' })
    const closed = await createShop({ status: 'SUSPENDED' })
    const suspended = await createProduct(closed.id, { title: 'Suspended shop dress' })
    const value = [second.id, draft.id, current.id, suspended.id, first.id, 'bad!id'].join('.')
    const cookie = `${RECENTLY_VIEWED_COOKIE}=${value}`

    const { data, headers } = await open(current.slug, cookie)
    expect(ids(data.recentlyViewed)).toEqual([second.id, first.id])
    expect(data.recentlyViewed[0]!.title).toBe('Viewed second')
    // This product first, the rest kept in order (unlisted ids are kept: they may come back).
    expect(cookieFrom(headers, RECENTLY_VIEWED_COOKIE)).toBe(
      `${RECENTLY_VIEWED_COOKIE}=${[current.id, second.id, draft.id, suspended.id, first.id].join('.')}`,
    )

    // A visitor without any cookie gets the shared page: nothing shown, no cookie set.
    const anonymous = await open(current.slug)
    expect(anonymous.data.recentlyViewed).toEqual([])
    expect(anonymous.headers.getSetCookie()).toEqual([])

    // The home page shows the same row.
    const home = await callRoute(homeLoader, routeRequest('/', { cookie }))
    expect(ids((home.data as Page).recentlyViewed)).toEqual([second.id, current.id, first.id])
    const bare = await callRoute(homeLoader, routeRequest('/'))
    expect((bare.data as Page).recentlyViewed).toEqual([])
  })

  test('a hostile recently-viewed cookie is ignored, not an error', async () => {
    const { shop } = await createSeller('Hostile Cookie Shop')
    const product = await createProduct(shop.id)
    for (const value of ["'; DROP TABLE", '.'.repeat(500), 'a'.repeat(5000), '%00%ff', '']) {
      const { data } = await open(product.slug, `${RECENTLY_VIEWED_COOKIE}=${value}`)
      expect(data.recentlyViewed).toEqual([])
    }
  })
})

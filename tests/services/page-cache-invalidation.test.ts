import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { LAYOUT_TAG, pageCacheStore } from '~/infra/page-cache/page-cache.server.ts'
import type { PageEntry } from '~/infra/page-cache/store.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { loader as productLoader } from '~/routes/($locale).p.$slug/route.tsx'
import { loader as homeLoader } from '~/routes/($locale)._index/route.tsx'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'
import { updateShopProfile, suspendShop } from '~/services/catalog/shops.server.ts'
import { createCategory } from '~/services/catalog/category-admin.server.ts'
import { updateContentPage } from '~/services/pages/content-pages.server.ts'
import { createUser } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { runSearchJobs } from '../support/search.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// What tells the page cache that pages changed, through the real services, the real
// search.product job, Meilisearch and Redis: each change drops exactly the cached pages that show it, and
// product changes only once they are committed and indexed. The loaders tag their pages.

const runProductChanges = runSearchJobs

function entry(tags: string[]): PageEntry {
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: Buffer.from('<html></html>'),
    gzip: Buffer.alloc(0),
    etag: '"x"',
    nonce: 'n',
    tags: [LAYOUT_TAG, ...tags],
    // Rendered a moment ago: before the change the test makes next.
    renderedAt: Date.now() - 5,
  }
}

async function cache(pages: Record<string, string[]>) {
  for (const [key, tags] of Object.entries(pages)) await pageCacheStore.set(key, entry(tags))
}

async function cached(...keys: string[]) {
  const present: string[] = []
  for (const key of keys) if (await pageCacheStore.get(key)) present.push(key)
  return present
}

/** The tags a loader gave the page it loaded. */
async function tagsOf(load: () => Promise<unknown>) {
  const context: { requestId: string; pageTags?: Set<string> } = { requestId: 'test' }
  await requestContext.run(context, load)
  return [...(context.pageTags ?? [])].sort()
}

beforeEach(async () => {
  await runProductChanges()
  await pageCacheStore.clear()
})
afterAll(() => pageCacheStore.clear())

describe('product changes', () => {
  test('a sale drops its product page, its shop and category grids and the home page once indexed, nothing else', async () => {
    const a = await createSeller('Ava')
    const b = await createSeller('Bita')
    const sold = await createProduct(a.shop.id, { variants: [{ stock: 1 }] })
    const other = await createProduct(b.shop.id)
    const category = await prisma.category.findUniqueOrThrow({ where: { id: sold.categoryId } })
    await runProductChanges()
    await cache({
      sold: [PAGE_TAGS.product(sold.id), PAGE_TAGS.shop(a.shop.slug)],
      other: [PAGE_TAGS.product(other.id), PAGE_TAGS.shop(b.shop.slug)],
      shopA: [PAGE_TAGS.shop(a.shop.slug)],
      shopB: [PAGE_TAGS.shop(b.shop.slug)],
      category: [PAGE_TAGS.category(category.slug)],
      otherCategory: [PAGE_TAGS.category('not-this-one')],
      home: [PAGE_TAGS.home],
    })

    const shopper = await createUser({ name: 'Sara' })
    await placeTestOrder(shopper.id, [{ variantId: sold.variants[0]!.id, quantity: 1 }])
    // Committed but not yet indexed: the grids would still show it in stock, so nothing moves.
    expect(await cached('sold', 'category', 'home')).toEqual(['sold', 'category', 'home'])

    await runProductChanges()
    expect(
      await cached('sold', 'other', 'shopA', 'shopB', 'category', 'otherCategory', 'home'),
    ).toEqual(['other', 'shopB', 'otherCategory'])
  }, 90_000)

  test("a shop's suspension drops its pages at once and its products' pages once indexed", async () => {
    const { shop } = await createSeller('Cyrus')
    const product = await createProduct(shop.id)
    await runProductChanges()
    await cache({ shop: [PAGE_TAGS.shop(shop.slug)], product: [PAGE_TAGS.product(product.id)] })
    await suspendShop(shop.id, { reason: 'Counterfeit goods reported' })
    expect(await cached('shop', 'product')).toEqual(['product'])
    await runProductChanges()
    expect(await cached('product')).toEqual([])
  })

  test("a shop's new description drops its grid", async () => {
    const { user, shop } = await createSeller('Dara')
    await cache({ shop: [PAGE_TAGS.shop(shop.slug)], home: [PAGE_TAGS.home] })
    await updateShopProfile(user.id, { name: shop.name, description: 'Hand-made linen since 1999' })
    expect(await cached('shop', 'home')).toEqual(['home'])
  })
})

describe('store-wide changes', () => {
  test('a content page drops its own page; a taxonomy change drops every page', async () => {
    await cache({
      help: [PAGE_TAGS.contentPage('help')],
      shipping: [PAGE_TAGS.contentPage('shipping')],
      home: [PAGE_TAGS.home],
    })
    await updateContentPage('help', {
      title: 'Help',
      titleFa: 'راهنما',
      body: 'How to order, pay and return things.',
      bodyFa: 'چگونه سفارش دهید، پرداخت کنید و کالا را پس بفرستید.',
      version: 0,
    })
    expect(await cached('help', 'shipping', 'home')).toEqual(['shipping', 'home'])
    await createCategory({ name: 'Raincoats' })
    // The menu in every page's header changed.
    await new Promise((resolve) => setImmediate(resolve))
    expect(await cached('shipping', 'home')).toEqual([])
  })
})

describe('the loaders say what their page shows', () => {
  test('a product page: its product, its shop and the category of its "You may also like" row; the home page: home', async () => {
    const { shop } = await createSeller('Elham')
    const product = await createProduct(shop.id)
    const tags = await tagsOf(() =>
      callRoute(productLoader, routeRequest(`/p/${product.slug}`), {
        params: { slug: product.slug },
      }),
    )
    // The fixtures' product sits in a top-level category, which is also where its alike
    // products come from.
    expect(tags).toEqual(
      [
        PAGE_TAGS.product(product.id),
        PAGE_TAGS.shop(shop.slug),
        PAGE_TAGS.category('test-dresses'),
      ].sort(),
    )
    expect(await tagsOf(() => callRoute(homeLoader, routeRequest('/')))).toEqual([PAGE_TAGS.home])
  })

  test('an unknown product is not tagged (a 404 is never cached)', async () => {
    const tags = await tagsOf(() =>
      callRoute(productLoader, routeRequest('/p/no-such-thing'), {
        params: { slug: 'no-such-thing' },
      }),
    )
    expect(tags).toEqual([])
  })
})

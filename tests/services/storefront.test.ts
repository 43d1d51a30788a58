import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  getCategoryHeading,
  getHomeCollections,
  getShopHeading,
} from '~/services/catalog/storefront.server.ts'
import { getMoreFromShop, getProductPage } from '~/services/catalog/product-page.server.ts'
import {
  createListedProduct,
  createSeller,
  taxonomyFixture,
  type Taxonomy,
} from '../support/catalog.ts'

let t: Taxonomy
let seller: Awaited<ReturnType<typeof createSeller>>
const DAY = 86_400_000

beforeAll(async () => {
  t = await taxonomyFixture()
  seller = await createSeller('grid')
})

/** A published product dated `daysAgo`, with a price, in a category. */
async function listed(
  title: string,
  categoryId: string,
  price: number,
  daysAgo: number,
  extra: Parameters<typeof createListedProduct>[2] = {},
) {
  const product = await createListedProduct(seller.user.id, t, {
    title,
    categoryId,
    price,
    ...extra,
  })
  await prisma.product.update({
    where: { id: product.id },
    data: { publishedAt: new Date(Date.now() - daysAgo * DAY) },
  })
  return product
}

// The category, brand and shop grids run on search: tests/routes/search-grids.test.ts.

describe('home collections', () => {
  test('new arrivals are the last 30 days; on sale is what is discounted now; featured is flagged', async () => {
    const fresh = await listed('Fresh Arrival', t.categories.tops.id, 2000, 0)
    const old = await listed('Old Stock', t.categories.tops.id, 2000, 45)
    const onSale = await listed('Half Off', t.categories.tops.id, 2000, 40, {
      discountPercent: 50,
      discountStartsAt: new Date(Date.now() - DAY),
      discountEndsAt: new Date(Date.now() + DAY),
    })
    const later = await listed('Sale Next Week', t.categories.tops.id, 2000, 40, {
      discountPercent: 30,
      discountStartsAt: new Date(Date.now() + 7 * DAY),
    })
    const ended = await listed('Sale Ended', t.categories.tops.id, 2000, 40, {
      discountPercent: 30,
      discountStartsAt: new Date(Date.now() - 7 * DAY),
      discountEndsAt: new Date(Date.now() - DAY),
    })
    await prisma.product.update({ where: { id: old.id }, data: { featured: true } })

    const home = await getHomeCollections()
    const ids = (cards: Array<{ id: string }>) => cards.map((card) => card.id)
    expect(ids(home.newArrivals)).toContain(fresh.id)
    expect(ids(home.newArrivals)).not.toContain(old.id)
    expect(ids(home.onSale)).toContain(onSale.id)
    expect(ids(home.onSale)).not.toContain(later.id)
    expect(ids(home.onSale)).not.toContain(ended.id)
    expect(ids(home.featured)).toEqual([old.id])
    expect(home.newArrivals.find((card) => card.id === fresh.id)).toMatchObject({
      isNew: true,
      inStock: true,
      colors: [{ name: 'Black' }, { name: 'Red' }],
    })
    expect(home.categories.map((category) => category.slug)).toEqual(
      expect.arrayContaining(['women', 'shoes']),
    )
  })
})

describe('the product page', () => {
  test('drafts and unknown slugs are not found; the owner previews a draft', async () => {
    const draft = await createListedProduct(
      seller.user.id,
      t,
      { title: 'Secret Draft' },
      { publish: false },
    )
    const other = await createSeller('peeker')
    expect(await getProductPage(draft.slug)).toBeNull()
    expect(await getProductPage(draft.slug, { viewerId: other.user.id })).toBeNull()
    expect((await getProductPage(draft.slug, { viewerId: seller.user.id }))?.preview).toEqual({
      status: 'DRAFT',
      shopSuspended: false,
    })
    expect(await getProductPage('no-such-product')).toBeNull()
  })

  test('variants, stock, colours in palette order, sizes in scale order, breadcrumbs and more from the shop', async () => {
    const input = { title: 'Page Dress', categoryId: t.categories.dresses.id }
    const product = await createListedProduct(seller.user.id, t, input)
    await prisma.variant.updateMany({
      where: { productId: product.id, size: { label: 'M' } },
      data: { stock: 0 },
    })
    const page = (await getProductPage(product.slug))!
    expect(page.breadcrumbs.map((crumb) => crumb.name)).toEqual(['Clothing', 'Women', 'Dresses'])
    expect(page.colors.map((color) => color.name)).toEqual(['Black', 'Red'])
    expect(page.sizes.map((size) => size.label)).toEqual(['S', 'M', 'L'])
    expect(page.variants.filter((variant) => variant.stock === 0)).toHaveLength(2)
    expect(page.price).toEqual({ regular: 4990, effective: 4990, onSale: false, percentOff: null })
    expect(page.preview).toBeNull()
    const more = await getMoreFromShop(page.product.shop.id, product.id)
    expect(more.length).toBeGreaterThan(0)
    expect(more.map((card) => card.id)).not.toContain(product.id)
  })

  test('grid headings: a category’s breadcrumbs, children and siblings; a shop’s owner; null when unknown', async () => {
    const women = (await getCategoryHeading('women'))!
    expect(women.breadcrumbs.map((crumb) => crumb.slug)).toEqual(['clothing', 'women'])
    expect(women.children.map((child) => child.slug)).toEqual(['dresses', 'tops'])
    expect((await getCategoryHeading('dresses'))!.siblings.map((sibling) => sibling.slug)).toEqual([
      'dresses',
      'tops',
    ])
    expect(await getCategoryHeading('no-such-category')).toBeNull()
    const other = await createSeller('neighbour')
    expect(await getShopHeading(other.shop.slug)).toMatchObject({
      suspended: false,
      shop: { slug: other.shop.slug, owner: 'Seller neighbour' },
    })
    expect(await getShopHeading('no-such-shop')).toBeNull()
  })
})

import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { parseListingParams, PAGE_SIZE } from '~/services/catalog/schemas.ts'
import { getCategoryPage, getHomeCollections, getMoreFromShop, getProductPage, getShopPage, listProducts } from '~/services/catalog/storefront.server.ts'
import { createListedProduct, createSeller, taxonomyFixture, type Taxonomy } from '../support/catalog.ts'

let t: Taxonomy
let seller: Awaited<ReturnType<typeof createSeller>>
const DAY = 86_400_000

beforeAll(async () => {
  t = await taxonomyFixture()
  seller = await createSeller('grid')
})

/** A published product dated `daysAgo`, with a price, in a category. */
async function listed(title: string, categoryId: string, price: number, daysAgo: number, extra: Parameters<typeof createListedProduct>[2] = {}) {
  const product = await createListedProduct(seller.user.id, t, { title, categoryId, price, ...extra })
  await prisma.product.update({ where: { id: product.id }, data: { publishedAt: new Date(Date.now() - daysAgo * DAY) } })
  return product
}

describe('category grids', () => {
  test('a category shows its own products and those of every sub-category, sorted and paged', async () => {
    const parentOnly = await listed('Parent Level Jacket', t.categories.women.id, 9000, 3)
    const dress = await listed('Child Level Dress', t.categories.dresses.id, 3000, 1)
    const top = await listed('Child Level Top', t.categories.tops.id, 6000, 2)
    await listed('Elsewhere Sneaker', t.categories.shoes.id, 100, 0)
    const draft = await createListedProduct(seller.user.id, t, { title: 'Unpublished Dress' }, { publish: false })

    const women = (await getCategoryPage('women', { sort: 'newest', page: 1 }))!
    expect(women.breadcrumbs.map((crumb) => crumb.slug)).toEqual(['clothing', 'women'])
    expect(women.children.map((child) => child.slug)).toEqual(['dresses', 'tops'])
    expect(women.listing.items.map((item) => item.title)).toEqual(['Child Level Dress', 'Child Level Top', 'Parent Level Jacket'])
    expect(women.listing.items.map((item) => item.id)).not.toContain(draft.id)

    const cheap = (await getCategoryPage('clothing', { sort: 'price_asc', page: 1 }))!
    expect(cheap.listing.items.map((item) => item.id)).toEqual([dress.id, top.id, parentOnly.id])
    const dear = (await getCategoryPage('clothing', { sort: 'price_desc', page: 1 }))!
    expect(dear.listing.items.map((item) => item.id)).toEqual([parentOnly.id, top.id, dress.id])
    expect(dear.listing).toMatchObject({ total: 3, pageCount: 1, totalIsCapped: false })

    expect(await getCategoryPage('no-such-category', { sort: 'newest', page: 1 })).toBeNull()
  })

  test('pages hold 24 products, do not overlap and cover everything in order', async () => {
    const { shoes } = t.categories
    for (let index = 0; index < PAGE_SIZE + 5; index++) await listed(`Paged Shoe ${index}`, shoes.id, 1000 + (index % 7) * 100, index % 3)
    const all = await prisma.product.count({ where: { categoryId: shoes.id, listed: true } })
    const first = await listProducts({ kind: 'categories', categoryIds: [shoes.id] }, { sort: 'price_asc', page: 1 })
    const second = await listProducts({ kind: 'categories', categoryIds: [shoes.id] }, { sort: 'price_asc', page: 2 })
    expect(first.items).toHaveLength(PAGE_SIZE)
    expect(first.pageCount).toBe(2)
    expect(first.total).toBe(all)
    const ids = [...first.items, ...second.items].map((item) => item.id)
    expect(new Set(ids).size).toBe(all)
    const prices = [...first.items, ...second.items].map((item) => item.price!.effective)
    expect(prices).toEqual([...prices].sort((a, b) => a - b))
    expect((await listProducts({ kind: 'categories', categoryIds: [shoes.id] }, { sort: 'price_asc', page: 3 })).items).toEqual([])
  })

  test('price sorting follows the discounted price, not the list price', async () => {
    const sub = await prisma.category.create({ data: { name: 'Sale Test', slug: 'sale-test', parentId: t.categories.clothing.id } })
    const { invalidateCategoryTree } = await import('~/services/catalog/taxonomy.server.ts')
    invalidateCategoryTree()
    const full = await listed('Full Price 50', sub.id, 5000, 1)
    const halved = await listed('Halved 80', sub.id, 8000, 1, { discountPercent: 50 })
    const page = (await getCategoryPage('sale-test', { sort: 'price_asc', page: 1 }))!
    expect(page.listing.items.map((item) => [item.id, item.price?.effective, item.price?.onSale])).toEqual([
      [halved.id, 4000, true],
      [full.id, 5000, false],
    ])
  })

  test('URL parameters are read leniently: junk falls back to the defaults', () => {
    expect(parseListingParams(new URLSearchParams('sort=price_desc&page=3'))).toEqual({ sort: 'price_desc', page: 3 })
    expect(parseListingParams(new URLSearchParams('sort=DROP TABLE&page=-1'))).toEqual({ sort: 'newest', page: 1 })
    expect(parseListingParams(new URLSearchParams('page=1e9'))).toEqual({ sort: 'newest', page: 100 })
    expect(parseListingParams(new URLSearchParams('page=2.5'))).toEqual({ sort: 'newest', page: 1 })
  })
})

describe('home collections', () => {
  test('new arrivals are the last 30 days; on sale is what is discounted now; featured is flagged', async () => {
    const fresh = await listed('Fresh Arrival', t.categories.tops.id, 2000, 0)
    const old = await listed('Old Stock', t.categories.tops.id, 2000, 45)
    const onSale = await listed('Half Off', t.categories.tops.id, 2000, 40, { discountPercent: 50, discountStartsAt: new Date(Date.now() - DAY), discountEndsAt: new Date(Date.now() + DAY) })
    const later = await listed('Sale Next Week', t.categories.tops.id, 2000, 40, { discountPercent: 30, discountStartsAt: new Date(Date.now() + 7 * DAY) })
    const ended = await listed('Sale Ended', t.categories.tops.id, 2000, 40, { discountPercent: 30, discountStartsAt: new Date(Date.now() - 7 * DAY), discountEndsAt: new Date(Date.now() - DAY) })
    await prisma.product.update({ where: { id: old.id }, data: { featured: true } })

    const home = await getHomeCollections()
    const ids = (cards: Array<{ id: string }>) => cards.map((card) => card.id)
    expect(ids(home.newArrivals)).toContain(fresh.id)
    expect(ids(home.newArrivals)).not.toContain(old.id)
    expect(ids(home.onSale)).toContain(onSale.id)
    expect(ids(home.onSale)).not.toContain(later.id)
    expect(ids(home.onSale)).not.toContain(ended.id)
    expect(ids(home.featured)).toEqual([old.id])
    expect(home.newArrivals.find((card) => card.id === fresh.id)).toMatchObject({ isNew: true, inStock: true, colors: [{ name: 'Black' }, { name: 'Red' }] })
    expect(home.categories.map((category) => category.slug)).toEqual(expect.arrayContaining(['women', 'shoes']))
  })
})

describe('the product page', () => {
  test('drafts and unknown slugs are not found; the owner previews a draft', async () => {
    const draft = await createListedProduct(seller.user.id, t, { title: 'Secret Draft' }, { publish: false })
    const other = await createSeller('peeker')
    expect(await getProductPage(draft.slug)).toBeNull()
    expect(await getProductPage(draft.slug, { viewerId: other.user.id })).toBeNull()
    expect((await getProductPage(draft.slug, { viewerId: seller.user.id }))?.preview).toEqual({ status: 'DRAFT', shopSuspended: false })
    expect(await getProductPage('no-such-product')).toBeNull()
  })

  test('variants, stock, colours in palette order, sizes in scale order, breadcrumbs and more from the shop', async () => {
    const input = { title: 'Page Dress', categoryId: t.categories.dresses.id }
    const product = await createListedProduct(seller.user.id, t, input)
    await prisma.variant.updateMany({ where: { productId: product.id, size: { label: 'M' } }, data: { stock: 0 } })
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

  test('a shop page lists the shop’s products only', async () => {
    const other = await createSeller('neighbour')
    const theirs = await createListedProduct(other.user.id, t, { title: 'Neighbour Tee' })
    const page = await getShopPage(other.shop.slug, { sort: 'newest', page: 1 })
    expect(page && !page.suspended && page.listing.items.map((item) => item.id)).toEqual([theirs.id])
  })
})

import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getHomeCollections } from '~/services/catalog/storefront.server.ts'
import { getCategoryTree } from '~/services/catalog/taxonomy.server.ts'
import { seedDemoData } from '../../prisma/seed/index.ts'
import { loadGrid } from '../support/search.ts'
import { pendingWorkCount } from '../support/jobs.ts'

describe('the demo seed', () => {
  test('builds a believable catalog once, and a second run changes nothing', async () => {
    const first = await seedDemoData()
    expect(first.created).toBeGreaterThanOrEqual(100)
    const counts = async () => ({
      categories: await prisma.category.count(),
      brands: await prisma.brand.count(),
      shops: await prisma.shop.count(),
      products: await prisma.product.count(),
      variants: await prisma.variant.count(),
      pendingWork: await pendingWorkCount(),
    })
    const before = await counts()
    const second = await seedDemoData()
    expect(second.created).toBe(0)
    expect(await counts()).toEqual(before)

    const tree = await getCategoryTree()
    expect(Math.max(...[...tree.byId.values()].map((node) => node.depth))).toBeGreaterThanOrEqual(2)
    expect(tree.roots.map((root) => root.name)).toEqual(['Clothing', 'Shoes', 'Accessories'])
    expect(before.shops).toBeGreaterThanOrEqual(5)
    expect(before.variants).toBeGreaterThan(before.products * 3)

    const now = new Date()
    expect(await prisma.variant.count({ where: { stock: 0 } })).toBeGreaterThan(0)
    expect(await prisma.product.count({ where: { listed: true, onSale: true } })).toBeGreaterThan(5)
    expect(
      await prisma.product.count({ where: { discountStartsAt: { gt: now } } }),
    ).toBeGreaterThan(0)
    expect(await prisma.product.count({ where: { discountEndsAt: { lt: now } } })).toBeGreaterThan(
      0,
    )
    expect(await prisma.product.count({ where: { status: 'DRAFT' } })).toBeGreaterThan(0)
    expect(
      await prisma.shop.findFirstOrThrow({ where: { owner: { email: 'seller@shikposh.test' } } }),
    ).toMatchObject({ slug: 'samis-studio' })

    // Two months of trade through the real checkout: the demo seller has orders in every
    // state, the demo shopper an order history, and the sales page views to convert from.
    expect(first.orders).toBeGreaterThan(50)
    expect(second.orders).toBe(0)
    const demoShop = { shop: { owner: { email: 'seller@shikposh.test' } } }
    for (const status of ['PENDING', 'SHIPPED', 'DELIVERED'] as const)
      expect(await prisma.shipment.count({ where: { ...demoShop, status } })).toBeGreaterThan(0)
    const history = await prisma.order.findMany({
      where: { user: { email: 'shopper@shikposh.test' } },
      select: { placedAt: true, total: true, itemsTotal: true, shippingCost: true },
    })
    expect(history.length).toBeGreaterThan(3)
    for (const order of history) {
      expect(order.placedAt.getTime()).toBeLessThan(now.getTime())
      expect(order.total).toBe(order.itemsTotal + order.shippingCost)
    }
    expect(Math.min(...history.map((order) => order.placedAt.getTime()))).toBeLessThan(
      now.getTime() - 30 * 86_400_000,
    )
    expect(await prisma.productDailyStat.count({ where: demoShop })).toBeGreaterThan(100)
    expect(
      await prisma.notification.count({
        where: { user: { email: 'seller@shikposh.test' }, readAt: null },
      }),
    ).toBeLessThanOrEqual(3)
    expect(await prisma.review.count({ where: { verifiedPurchase: true } })).toBeGreaterThan(0)

    const home = await getHomeCollections()
    expect(home.featured.length).toBeGreaterThan(0)
    expect(home.newArrivals.length).toBe(8)
    expect(home.onSale.length).toBe(8)
    const { page: clothing } = (await loadGrid('c', 'clothing')).data
    if (clothing.status !== 'ok') throw new Error('expected results')
    expect(clothing.result.hits).toHaveLength(24)
    expect(clothing.result.totalPages).toBeGreaterThan(1)

    // Both languages out of the box (docs/decisions/018): Persian names for the whole
    // vocabulary, and a Persian-first shop whose products have English translations.
    for (const count of [
      prisma.category.count({ where: { nameFa: null } }),
      prisma.color.count({ where: { nameFa: null } }),
      prisma.brand.count({ where: { nameFa: null } }),
      prisma.sizeScale.count({ where: { nameFa: null } }),
    ])
      expect(await count).toBe(0)
    expect(tree.roots.map((root) => root.nameFa)).toEqual(['پوشاک', 'کفش', 'اکسسوری'])
    const persian = await prisma.product.findMany({
      where: { locale: 'fa' },
      select: { title: true, translatedTitle: true, slug: true, shop: { select: { slug: true } } },
    })
    expect(persian.length).toBeGreaterThan(10)
    for (const product of persian) {
      expect(product.shop.slug).toBe('golestan-boutique')
      expect(product.title).toMatch(/^[\u0600-\u06FF\u200C ]+$/)
      expect(product.slug).toMatch(/^[a-z0-9-]+$/)
      expect(product.translatedTitle).toMatch(/^[A-Za-z -]+$/)
    }
    // The English-first shops' products read Persian in the Persian store too.
    const english = await prisma.product.findMany({
      where: { locale: 'en' },
      select: { translatedTitle: true },
    })
    const translated = english.filter((product) => product.translatedTitle)
    expect(translated.length).toBeGreaterThan(english.length * 0.9)
    for (const product of translated)
      expect(product.translatedTitle).toMatch(/^[\u0600-\u06FF\u200C ]+$/)
    const faHome = await getHomeCollections({ locale: 'fa' })
    expect(faHome.categories.map((category) => category.name)).toContain('زنانه')
  }, 300_000)
})

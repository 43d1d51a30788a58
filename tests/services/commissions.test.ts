import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { action, loader } from '~/routes/($locale).admin.commissions/route.tsx'
import {
  setCategoryCommissionAsAdmin,
  setShopCommissionAsAdmin,
} from '~/services/admin/catalog.server.ts'
import { CommissionPercentSchema } from '~/services/catalog/commission-schemas.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// Commission rates: per category (inherited down the tree), a shop's own rate over them, fixed
// on each order line when the order is placed; set by admins, audited, with field errors.

async function categoryTree() {
  const top = await prisma.category.create({
    data: { name: `Clothing ${Math.random()}`, slug: `clothing-${Date.now()}-${Math.random()}` },
  })
  const child = await prisma.category.create({
    data: { name: 'Coats', slug: `coats-${Date.now()}-${Math.random()}`, parentId: top.id },
  })
  return { top, child }
}

async function lineRate(userId: string, variantId: string) {
  const placed = await placeTestOrder(userId, [{ variantId, quantity: 1 }])
  const line = await prisma.orderLine.findFirstOrThrow({ where: { orderId: placed.id } })
  return line.commissionBps
}

describe('the rate fixed on an order line', () => {
  test('the nearest category rate, a shop override over it, and no rewrite of placed orders', async () => {
    const admin = await createUser({ roles: ['ADMIN'] })
    const shopper = await createUser()
    const seller = await createSeller()
    const { top, child } = await categoryTree()
    const product = await createProduct(seller.shop.id, { variants: [{ stock: 10 }] })
    await prisma.product.update({ where: { id: product.id }, data: { categoryId: child.id } })
    const variantId = product.variants[0]!.id

    // No rate anywhere: no commission.
    expect(await lineRate(shopper.id, variantId)).toBe(0)

    // The parent's rate reaches the child category.
    await setCategoryCommissionAsAdmin(admin, top.id, 1000)
    const first = await placeTestOrder(shopper.id, [{ variantId, quantity: 1 }])
    expect(
      (await prisma.orderLine.findFirstOrThrow({ where: { orderId: first.id } })).commissionBps,
    ).toBe(1000)

    // The child's own rate is nearer; the shop's own rate beats both.
    await setCategoryCommissionAsAdmin(admin, child.id, 1250)
    expect(await lineRate(shopper.id, variantId)).toBe(1250)
    await setShopCommissionAsAdmin(admin, seller.shop.id, 500)
    expect(await lineRate(shopper.id, variantId)).toBe(500)
    await setShopCommissionAsAdmin(admin, seller.shop.id, null)
    expect(await lineRate(shopper.id, variantId)).toBe(1250)

    // The first order keeps the rate in force when it was placed.
    expect(
      (await prisma.orderLine.findFirstOrThrow({ where: { orderId: first.id } })).commissionBps,
    ).toBe(1000)

    const audit = await prisma.auditEntry.findMany({
      where: { actorId: admin.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(audit.map((entry) => [entry.action, entry.details])).toEqual([
      ['category.set-commission', { beforeBps: null, afterBps: 1000 }],
      ['category.set-commission', { beforeBps: null, afterBps: 1250 }],
      ['shop.set-commission', { beforeBps: null, afterBps: 500 }],
      ['shop.set-commission', { beforeBps: 500, afterBps: null }],
    ])
  })
})

describe('the percent field', () => {
  test('reads percents with up to two decimals, in either script, blank as none', () => {
    const parse = (value: string) => CommissionPercentSchema.safeParse(value)
    expect(parse('12.5').data).toBe(1250)
    expect(parse('0.07').data).toBe(7)
    expect(parse('۱۲٫۵').data).toBe(1250)
    expect(parse(' 15% ').data).toBe(1500)
    expect(parse('100').data).toBe(10_000)
    expect(parse('').data).toBeNull()
    expect(parse('12.345').error?.issues[0]?.message).toBe('commission-format')
    expect(parse('-1').error?.issues[0]?.message).toBe('commission-format')
    expect(parse('abc').error?.issues[0]?.message).toBe('commission-format')
    expect(parse('100.01').error?.issues[0]?.message).toBe('commission-range')
  })
})

describe('the admin page', () => {
  test('a bad rate is a 400 at its field in both languages; a good one is saved; sellers are refused', async () => {
    const admin = await createUser({ roles: ['ADMIN'] })
    const { cookie } = await signIn(admin.id)
    const { top } = await categoryTree()
    const bad = await callRoute(
      action,
      routeRequest('/admin/commissions', {
        cookie,
        form: { intent: 'category', id: top.id, percent: '150' },
      }),
    )
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({
      id: top.id,
      value: '150',
      errors: { percent: ['A commission is between 0 and 100%.'] },
    })
    const badFa = await callRoute(
      action,
      routeRequest('/fa/admin/commissions', {
        cookie,
        form: { intent: 'category', id: top.id, percent: 'x' },
      }),
      { params: { locale: 'fa' } },
    )
    expect(badFa.status).toBe(400)
    expect((badFa.data as { errors: { percent: string[] } }).errors.percent[0]).toMatch(/درصد/)
    expect((await prisma.category.findUniqueOrThrow({ where: { id: top.id } })).commissionBps).toBe(
      null,
    )

    const good = await callRoute(
      action,
      routeRequest('/admin/commissions', {
        cookie,
        form: { intent: 'category', id: top.id, percent: '7.5' },
      }),
    )
    expect(good.status).toBe(302)
    expect((await prisma.category.findUniqueOrThrow({ where: { id: top.id } })).commissionBps).toBe(
      750,
    )
    const missing = await callRoute(
      action,
      routeRequest('/admin/commissions', {
        cookie,
        form: { intent: 'shop', id: 'no-such-shop', percent: '5' },
      }),
    )
    expect(missing.status).toBe(404)

    const page = await callRoute(loader, routeRequest('/admin/commissions', { cookie }))
    expect(page.status).toBe(200)

    const seller = await createSeller()
    const sellerCookie = (await signIn(seller.user.id)).cookie
    const refused = await callRoute(
      action,
      routeRequest('/admin/commissions', {
        cookie: sellerCookie,
        form: { intent: 'category', id: top.id, percent: '1' },
      }),
    )
    expect(refused.status).toBe(403)
  })
})

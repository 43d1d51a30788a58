import { describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { loader as beaconLoader } from '~/routes/product-views.$productId.ts'
import { loader as salesLoader } from '~/routes/($locale).sell.sales/route.tsx'
import { recordProductView } from '~/services/analytics/counters.server.ts'
import { shiftDays, type AnalyticsQuery } from '~/services/analytics/schemas.ts'
import {
  bucketPlan,
  getSellerAnalytics,
  type SellerAnalytics,
} from '~/services/analytics/seller-analytics.server.ts'
import { ledgerPostTask } from '~/services/finance/jobs.server.ts'
import {
  markPayoutPaid,
  postAdjustment,
  requestPayout,
  saveBankDetails,
} from '~/services/finance/payouts.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { LEDGER_POST_TASK } from '~/services/events/ledger-events.server.ts'
import { addToCart } from '~/services/orders/cart.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import {
  decideReturn,
  receiveReturn,
  requestReturn,
} from '~/services/orders/item-returns.server.ts'
import { cancelOrder } from '~/services/orders/orders.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// The seller's analytics against sums taken straight from the orders, in Tehran's calendar (a
// line placed at 21:00 UTC belongs to the next day there), and the daily view and cart counters.
vi.hoisted(() => {
  process.env.STORE_TIMEZONE = 'Asia/Tehran'
})

/** Moves an order (and its lines) to another moment, as if it had been placed then. */
async function placedAt(orderId: string, at: string) {
  const moment = new Date(at)
  await prisma.order.update({ where: { id: orderId }, data: { placedAt: moment } })
  await prisma.orderLine.updateMany({ where: { orderId }, data: { createdAt: moment } })
}

async function shopWithSales() {
  const seller = await createSeller('Anahita')
  const dress = await createProduct(seller.shop.id, {
    title: 'Dress',
    price: 5000,
    variants: [{ stock: 50 }],
  })
  const scarf = await createProduct(seller.shop.id, {
    title: 'Scarf',
    price: 1200,
    discountPercent: 25,
    variants: [{ stock: 50 }],
  })
  const other = await createSeller('Elsewhere')
  const coat = await createProduct(other.shop.id, { price: 9000, variants: [{ stock: 50 }] })
  const shopper = await createUser()
  const a = await placeTestOrder(shopper.id, [
    { variantId: dress.variants[0]!.id, quantity: 2 },
    { variantId: scarf.variants[0]!.id, quantity: 1 },
    { variantId: coat.variants[0]!.id, quantity: 1 },
  ])
  const b = await placeTestOrder(shopper.id, [{ variantId: scarf.variants[0]!.id, quantity: 3 }])
  const c = await placeTestOrder(shopper.id, [{ variantId: dress.variants[0]!.id, quantity: 4 }])
  const d = await placeTestOrder(shopper.id, [{ variantId: dress.variants[0]!.id, quantity: 1 }])
  await cancelOrder(shopper.id, c.number)
  // Tehran is UTC+3:30: 21:00 UTC on the 20th is already the 21st there (Nowruz 1405).
  await placedAt(a.id, '2026-03-20T21:00:00Z')
  await placedAt(b.id, '2026-03-23T08:00:00Z')
  await placedAt(c.id, '2026-03-23T09:00:00Z')
  await placedAt(d.id, '2026-04-25T10:00:00Z')
  return { seller, other, dress, scarf, shopper, orders: { a, b, c, d } }
}

/** What the shop's lines in the range come to, straight from the order tables. */
async function sumsFromOrders(shopId: string, from: string, to: string) {
  const lines = await prisma.orderLine.findMany({
    where: {
      shopId,
      shipment: { status: { not: 'CANCELLED' } },
      createdAt: {
        gte: new Date(`${from}T00:00:00+03:30`),
        lt: new Date(new Date(`${to}T00:00:00+03:30`).getTime() + 86_400_000),
      },
    },
    include: { discounts: true },
  })
  return {
    revenue: lines.reduce(
      (sum, line) =>
        sum + line.lineTotal - line.discounts.reduce((off, discount) => off + discount.amount, 0),
      0,
    ),
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    orders: new Set(lines.map((line) => line.orderId)).size,
  }
}

const bucketSum = (analytics: SellerAnalytics, pick: 'revenue' | 'units' | 'orders') =>
  analytics.buckets.reduce((sum, bucket) => sum + bucket[pick], 0)

describe('seller analytics', () => {
  test('revenue, units and orders equal the sums over the shop’s orders, per day, week and month', async () => {
    const { seller, other } = await shopWithSales()
    const range: AnalyticsQuery = { from: '2026-03-15', to: '2026-04-30', by: 'day' }
    const expected = await sumsFromOrders(seller.shop.id, range.from, range.to)
    expect(expected.units).toBe(2 + 1 + 3 + 1)

    for (const by of ['day', 'week', 'month'] as const) {
      for (const locale of ['en', 'fa'] as const) {
        const analytics = (await getSellerAnalytics(seller.user.id, { ...range, by }, locale))!
        expect(analytics.totals).toMatchObject(expected)
        expect(bucketSum(analytics, 'revenue')).toBe(expected.revenue)
        expect(bucketSum(analytics, 'units')).toBe(expected.units)
        expect(bucketSum(analytics, 'orders')).toBe(expected.orders)
      }
    }

    // Day by day, in Tehran's calendar: order a falls on the 21st, not the 20th.
    const daily = (await getSellerAnalytics(seller.user.id, range, 'en'))!
    const day = (iso: string) => daily.buckets.find((bucket) => bucket.start === iso)!
    expect(day('2026-03-20').units).toBe(0)
    expect(day('2026-03-21')).toMatchObject({
      units: 3,
      orders: 1,
      ...{ revenue: (await sumsFromOrders(seller.shop.id, '2026-03-21', '2026-03-21')).revenue },
    })
    expect(day('2026-03-23')).toMatchObject({ units: 3, orders: 1 })
    expect(daily.buckets).toHaveLength(47)

    // A narrower range leaves the rest out; the products are ranked by revenue with their trend.
    const march = (await getSellerAnalytics(
      seller.user.id,
      { from: '2026-03-21', to: '2026-03-31', by: 'day' },
      'en',
    ))!
    expect(march.totals).toMatchObject(
      await sumsFromOrders(seller.shop.id, '2026-03-21', '2026-03-31'),
    )
    expect(march.products.map((product) => [product.title, product.units])).toEqual([
      ['Dress', 2],
      ['Scarf', 4],
    ])
    const scarf = march.products[1]!
    expect(scarf.unitsByBucket.reduce((sum, units) => sum + units, 0)).toBe(4)
    expect(scarf.unitsByBucket[0]).toBe(1)
    expect(scarf.unitsByBucket[2]).toBe(3)

    // The other shop sees its own sale only; a user without a shop gets nothing.
    const theirs = (await getSellerAnalytics(other.user.id, range, 'en'))!
    expect(theirs.totals.units).toBe(1)
    expect(await getSellerAnalytics((await createUser()).id, range, 'en')).toBeNull()
  })

  test('weeks start on Saturday in Persian and Monday in English; Persian months are Solar Hijri', () => {
    // 2026-03-21 is a Saturday and 1 Farvardin 1405.
    const range = { from: '2026-03-18', to: '2026-04-22' }
    expect(bucketPlan({ ...range, by: 'week' }, 'fa').map((bucket) => bucket.start)).toEqual([
      '2026-03-18',
      '2026-03-21',
      '2026-03-28',
      '2026-04-04',
      '2026-04-11',
      '2026-04-18',
    ])
    expect(bucketPlan({ ...range, by: 'week' }, 'en')[1]!.start).toBe('2026-03-23')
    expect(bucketPlan({ ...range, by: 'month' }, 'fa')).toEqual([
      { start: '2026-03-18', end: '2026-03-20' },
      { start: '2026-03-21', end: '2026-04-20' },
      { start: '2026-04-21', end: '2026-04-22' },
    ])
    expect(bucketPlan({ ...range, by: 'month' }, 'en')).toEqual([
      { start: '2026-03-18', end: '2026-03-31' },
      { start: '2026-04-01', end: '2026-04-22' },
    ])
  })
})

describe('returns and payouts', () => {
  test('the returns rate counts the range’s units that came back; payouts per bucket equal the ledger’s', async () => {
    const seller = await createSeller()
    const shopper = await createUser()
    const admin = await createUser({ roles: ['ADMIN'] })
    const product = await createProduct(seller.shop.id, { price: 2000, variants: [{ stock: 9 }] })
    const order = await placeTestOrder(shopper.id, [
      { variantId: product.variants[0]!.id, quantity: 4 },
    ])
    const line = await prisma.orderLine.findFirstOrThrow({ where: { orderId: order.id } })
    await markShipped(seller.user.id, order.number, { carrier: 'post', trackingNumber: 'T-9' })
    await markDelivered(seller.user.id, order.number)
    const asked = await requestReturn({ userId: shopper.id }, order.number, {
      lineId: line.id,
      quantity: 1,
      reason: 'WRONG_SIZE',
      note: '',
    })
    await decideReturn(seller.user.id, order.number, asked.id, { decision: 'approve' })
    await receiveReturn(seller.user.id, order.number, asked.id, { resellable: true })
    await runDueJobs({ [LEDGER_POST_TASK]: ledgerPostTask })

    // Two payouts, paid on the 2nd and the 5th of April in Tehran (one late on the 4th in UTC).
    await saveBankDetails(seller.user.id, { iban: 'IR820540102680020817909002', holder: 'S' })
    await postAdjustment(seller.shop.id, { key: 'analytics-test', amount: 9000, memo: 'test' })
    const first = await requestPayout(seller.user.id, 3000)
    const second = await requestPayout(seller.user.id, 4500)
    await markPayoutPaid(admin, first.id, 'TRX-1', new Date('2026-04-02T09:00:00Z'))
    await markPayoutPaid(admin, second.id, 'TRX-2', new Date('2026-04-04T21:00:00Z'))

    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Tehran' })
    const sales = (await getSellerAnalytics(
      seller.user.id,
      // From yesterday, should midnight in Tehran fall between the order and now.
      { from: shiftDays(today, -1), to: today, by: 'day' },
      'en',
    ))!
    expect(sales.totals).toMatchObject({ units: 4, returned: 1 })

    const april = (await getSellerAnalytics(
      seller.user.id,
      { from: '2026-04-01', to: '2026-04-07', by: 'day' },
      'fa',
    ))!
    expect(april.buckets.map((bucket) => bucket.payouts)).toEqual([0, 3000, 0, 0, 4500, 0, 0])
    const paid = await prisma.ledgerEntry.aggregate({
      where: { shopId: seller.shop.id, type: 'PAYOUT', account: 'FUNDS' },
      _sum: { amount: true },
    })
    expect(april.totals.payouts).toBe(paid._sum.amount)
    expect(april.totals.returned).toBe(0)
  })
})

describe('counting views and carts', () => {
  test('views add up in one row per product and day; unlisted products and prefetches count nothing', async () => {
    const { shop, user } = await createSeller()
    const dress = await createProduct(shop.id, { price: 3000, variants: [{ stock: 9 }] })
    const draft = await createProduct(shop.id, { status: 'DRAFT' })
    const evening = new Date('2026-03-20T19:00:00Z') // 22:30 in Tehran: the 20th
    const night = new Date('2026-03-20T21:00:00Z') // 00:30 in Tehran: the 21st
    for (let n = 0; n < 3; n++) expect(await recordProductView(dress.id, evening)).toBe(true)
    await recordProductView(dress.id, night)
    expect(await recordProductView(draft.id, night)).toBe(false)
    expect(await recordProductView('no-such-product', night)).toBe(false)

    const rows = await prisma.productDailyStat.findMany({
      where: { shopId: shop.id },
      orderBy: { day: 'asc' },
    })
    expect(rows.map((row) => [row.day.toISOString().slice(0, 10), row.views])).toEqual([
      ['2026-03-20', 3],
      ['2026-03-21', 1],
    ])

    // Through the page's beacon: an image nobody stores, counted today; a prefetch is not.
    const today = async () =>
      (
        await prisma.productDailyStat.aggregate({
          where: { productId: dress.id, day: { gt: new Date('2026-03-21') } },
          _sum: { views: true },
        })
      )._sum.views ?? 0
    const beacon = await callRoute(beaconLoader, routeRequest(`/product-views/${dress.id}`), {
      params: { productId: dress.id },
    })
    expect(beacon.status).toBe(200)
    expect(beacon.headers.get('Content-Type')).toBe('image/gif')
    expect(beacon.headers.get('Cache-Control')).toBe('no-store')
    expect(await today()).toBe(1)
    await callRoute(
      beaconLoader,
      routeRequest(`/product-views/${dress.id}`, { headers: { 'Sec-Purpose': 'prefetch' } }),
      { params: { productId: dress.id } },
    )
    await callRoute(beaconLoader, routeRequest('/product-views/x'), {
      params: { productId: "'; DROP TABLE" },
    })
    expect(await today()).toBe(1)

    // Adding to a cart counts a cart; the funnel reads both counters.
    const shopper = await createUser()
    await addToCart({ userId: shopper.id }, { variantId: dress.variants[0]!.id, quantity: 1 })
    const analytics = (await getSellerAnalytics(
      user.id,
      { from: '2026-03-20', to: '2026-12-31', by: 'month' },
      'en',
    ))!
    expect(analytics.totals.views).toBe(5)
    expect(analytics.totals.carts).toBe(1)
  })
})

describe('/sell/sales', () => {
  test('a bad range is a 400 with the error at its field and the typed text kept; Persian dates are read', async () => {
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const load = async (query: string) => {
      const result = await callRoute(salesLoader, routeRequest(`/sell/sales?${query}`, { cookie }))
      return {
        status: result.status,
        ...(result.data as {
          errors: Record<string, string[]> | null
          fields: Record<string, string>
          analytics: SellerAnalytics
        }),
      }
    }
    const ok = await load('')
    expect(ok.status).toBe(200)
    expect(ok.analytics.buckets).toHaveLength(30)

    const garbage = await load('from=yesterday&to=2026-02-31')
    expect(garbage.status).toBe(400)
    expect(garbage.errors).toEqual({
      from: ['validation:analytics.date'],
      to: ['validation:analytics.date'],
    })
    expect(garbage.fields.from).toBe('yesterday')

    expect((await load('from=2026-03-10&to=2026-03-01')).errors).toEqual({
      to: ['validation:analytics.toBeforeFrom'],
    })
    expect((await load('from=2020-01-01&to=2026-01-01')).errors?.from?.[0]).toMatch(
      /^validation:analytics\.tooLong/,
    )
    expect((await load('by=year')).errors).toEqual({ by: ['validation:analytics.grouping'] })

    const persian = await load(
      `from=${encodeURIComponent('۱۴۰۵/۰۱/۰۱')}&to=${encodeURIComponent('۱۴۰۵/۰۱/۱۵')}&by=week`,
    )
    expect(persian.status).toBe(200)
    expect(persian.analytics.query).toEqual({ from: '2026-03-21', to: '2026-04-04', by: 'week' })
  })
})

import { toJalaali } from 'jalaali-js'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import type { AnalyticsQuery, Grouping } from './schemas.ts'
import { daysBetween, shiftDays } from './schemas.ts'

// A seller's analytics over a date range of the store's calendar days: revenue, units and
// orders per day, week or month; the products that sold most with their trend; and the funnel
// from product views to carts to orders; the returns rate (units of the range's sales that came
// back, received and refunded, over the units sold) and the payouts sent, per bucket, read from the
// shop's books (a payout counts on the day it was marked paid). Only the shop the user owns, always (ownerId in the
// where clause). Sales are order lines of parcels not cancelled; revenue is what the buyer paid
// for them (sale prices, less promo codes), the same figure the invoice shows per line.

/** How many products get a trend line. */
export const TREND_PRODUCTS = 8

export type Bucket = {
  /** The first day of the bucket (YYYY-MM-DD, clipped to the range). */
  start: string
  /** The last day (clipped to the range). */
  end: string
  revenue: number
  units: number
  orders: number
  views: number
  carts: number
  /** Payouts paid out in the bucket (the ledger's `payout-paid` postings). */
  payouts: number
}

export type ProductTrend = {
  productId: string | null
  title: string
  slug: string
  revenue: number
  units: number
  orders: number
  views: number
  carts: number
  /** Units per bucket, aligned with `buckets`. */
  unitsByBucket: number[]
}

export type SellerAnalytics = {
  shop: { id: string; name: string }
  query: AnalyticsQuery
  totals: {
    revenue: number
    units: number
    orders: number
    views: number
    carts: number
    /** Units of the range's sales returned (received, refunded). */
    returned: number
    payouts: number
  }
  buckets: Bucket[]
  products: ProductTrend[]
}

type DayRow = { day: Date; revenue: bigint; units: bigint; orders: bigint }
type StatRow = { day: Date; views: bigint; carts: bigint }

/**
 * The analytics of the user's shop over `query` (dates inclusive, store calendar), or null when
 * they own no shop. Weeks start on Saturday in Persian and Monday in English; months are Solar
 * Hijri months in Persian, as its readers count them.
 */
export async function getSellerAnalytics(
  userId: string,
  query: AnalyticsQuery,
  locale: Locale,
): Promise<SellerAnalytics | null> {
  const shop = await prisma.shop.findUnique({
    where: { ownerId: userId },
    select: { id: true, name: true },
  })
  if (!shop) return null
  const tz = getEnv().STORE_TIMEZONE
  const { from, to } = query
  // The range runs from the first day's local midnight to the one after the last day, as the
  // UTC timestamps the columns hold; days are the store's calendar days.
  const [days, stats, productRows, productStats, returnedRows, payoutRows] = await Promise.all([
    prisma.$queryRaw<DayRow[]>`
      WITH lines AS (
        SELECT l."orderId", l."quantity",
               l."lineTotal" - COALESCE((SELECT SUM(d."amount") FROM "OrderLineDiscount" d WHERE d."orderLineId" = l."id"), 0) AS "net",
               (l."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${tz})::date AS "day"
        FROM "OrderLine" l JOIN "Shipment" s ON s."id" = l."shipmentId"
        WHERE l."shopId" = ${shop.id} AND s."status" <> 'CANCELLED'
          AND l."createdAt" >= ((${from}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
          AND l."createdAt" < ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
      )
      SELECT "day", SUM("net") AS "revenue", SUM("quantity") AS "units", COUNT(DISTINCT "orderId") AS "orders"
      FROM lines GROUP BY "day"`,
    prisma.$queryRaw<StatRow[]>`
      SELECT "day", SUM("views") AS "views", SUM("carts") AS "carts"
      FROM "ProductDailyStat"
      WHERE "shopId" = ${shop.id} AND "day" >= ${from}::date AND "day" <= ${to}::date
      GROUP BY "day"`,
    prisma.$queryRaw<
      Array<{
        productId: string | null
        title: string
        slug: string
        day: Date
        revenue: bigint
        units: bigint
        orders: bigint
      }>
    >`
      WITH lines AS (
        SELECT l."orderId", l."quantity", l."productId", l."title", l."productSlug", l."createdAt",
               l."lineTotal" - COALESCE((SELECT SUM(d."amount") FROM "OrderLineDiscount" d WHERE d."orderLineId" = l."id"), 0) AS "net",
               (l."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${tz})::date AS "day"
        FROM "OrderLine" l JOIN "Shipment" s ON s."id" = l."shipmentId"
        WHERE l."shopId" = ${shop.id} AND s."status" <> 'CANCELLED'
          AND l."createdAt" >= ((${from}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
          AND l."createdAt" < ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
      ),
      ranked AS (
        SELECT "productId", CASE WHEN "productId" IS NULL THEN "title" END AS "orphan",
               SUM("net") AS "total"
        FROM lines GROUP BY 1, 2 ORDER BY "total" DESC, 1 LIMIT ${TREND_PRODUCTS}
      )
      SELECT l."productId", (array_agg(l."title" ORDER BY l."createdAt" DESC))[1] AS "title",
             (array_agg(l."productSlug" ORDER BY l."createdAt" DESC))[1] AS "slug",
             l."day", SUM(l."net") AS "revenue", SUM(l."quantity") AS "units",
             COUNT(DISTINCT l."orderId") AS "orders"
      FROM lines l JOIN ranked r
        ON r."productId" IS NOT DISTINCT FROM l."productId"
       AND r."orphan" IS NOT DISTINCT FROM (CASE WHEN l."productId" IS NULL THEN l."title" END)
      GROUP BY l."productId", CASE WHEN l."productId" IS NULL THEN l."title" END, l."day"`,
    prisma.$queryRaw<Array<{ productId: string; views: bigint; carts: bigint }>>`
      SELECT "productId", SUM("views") AS "views", SUM("carts") AS "carts"
      FROM "ProductDailyStat"
      WHERE "shopId" = ${shop.id} AND "day" >= ${from}::date AND "day" <= ${to}::date
      GROUP BY "productId"`,
    prisma.$queryRaw<Array<{ returned: bigint | null }>>`
      SELECT SUM(r."quantity") AS "returned"
      FROM "ReturnRequest" r JOIN "OrderLine" l ON l."id" = r."orderLineId"
        JOIN "Shipment" s ON s."id" = l."shipmentId"
      WHERE l."shopId" = ${shop.id} AND r."status" = 'RECEIVED' AND s."status" <> 'CANCELLED'
        AND l."createdAt" >= ((${from}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
        AND l."createdAt" < ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'`,
    prisma.$queryRaw<Array<{ day: Date; amount: bigint }>>`
      SELECT ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${tz})::date AS "day", SUM("amount") AS "amount"
      FROM "LedgerEntry"
      WHERE "shopId" = ${shop.id} AND "type" = 'PAYOUT' AND "account" = 'FUNDS'
        AND "createdAt" >= ((${from}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
        AND "createdAt" < ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
      GROUP BY 1`,
  ])

  const plan = bucketPlan(query, locale)
  const buckets: Bucket[] = plan.map(({ start, end }) => ({
    start,
    end,
    revenue: 0,
    units: 0,
    orders: 0,
    views: 0,
    carts: 0,
    payouts: 0,
  }))
  const indexOfDay = dayIndexer(query, plan)
  for (const row of days) {
    const bucket = buckets[indexOfDay(isoDay(row.day))]!
    bucket.revenue += Number(row.revenue)
    bucket.units += Number(row.units)
    bucket.orders += Number(row.orders)
  }
  for (const row of stats) {
    const bucket = buckets[indexOfDay(isoDay(row.day))]!
    bucket.views += Number(row.views)
    bucket.carts += Number(row.carts)
  }
  for (const row of payoutRows) buckets[indexOfDay(isoDay(row.day))]!.payouts += Number(row.amount)

  const viewsOf = new Map(productStats.map((row) => [row.productId, row]))
  const trends = new Map<string, ProductTrend>()
  for (const row of productRows) {
    const key = row.productId ?? `title:${row.title}`
    let trend = trends.get(key)
    if (!trend) {
      const seen = row.productId ? viewsOf.get(row.productId) : undefined
      trend = {
        productId: row.productId,
        title: row.title,
        slug: row.slug,
        revenue: 0,
        units: 0,
        orders: 0,
        views: Number(seen?.views ?? 0),
        carts: Number(seen?.carts ?? 0),
        unitsByBucket: plan.map(() => 0),
      }
      trends.set(key, trend)
    }
    trend.revenue += Number(row.revenue)
    trend.units += Number(row.units)
    // An order holding the product on two days counts once per day; within one day, once.
    trend.orders += Number(row.orders)
    trend.unitsByBucket[indexOfDay(isoDay(row.day))]! += Number(row.units)
  }

  const sum = (pick: (bucket: Bucket) => number) =>
    buckets.reduce((total, bucket) => total + pick(bucket), 0)
  return {
    shop,
    query,
    totals: {
      revenue: sum((bucket) => bucket.revenue),
      units: sum((bucket) => bucket.units),
      // An order's lines all carry its placing time, so it falls on one day: the days' distinct
      // counts add up to the range's.
      orders: sum((bucket) => bucket.orders),
      views: sum((bucket) => bucket.views),
      carts: sum((bucket) => bucket.carts),
      returned: Number(returnedRows[0]?.returned ?? 0),
      payouts: sum((bucket) => bucket.payouts),
    },
    buckets,
    products: [...trends.values()].sort(
      (a, b) => b.revenue - a.revenue || a.title.localeCompare(b.title),
    ),
  }
}

function isoDay(value: Date) {
  return value.toISOString().slice(0, 10)
}

/** The buckets of the range: each day, or each week or month the range touches (clipped to it). */
export function bucketPlan(query: AnalyticsQuery, locale: Locale) {
  const plan: Array<{ start: string; end: string }> = []
  const length = daysBetween(query.from, query.to) + 1
  let current: { key: string; start: string; end: string } | null = null
  for (let offset = 0; offset < length; offset++) {
    const day = shiftDays(query.from, offset)
    const key = bucketKey(day, query.by, locale)
    if (current && current.key === key) current.end = day
    else {
      if (current) plan.push({ start: current.start, end: current.end })
      current = { key, start: day, end: day }
    }
  }
  if (current) plan.push({ start: current.start, end: current.end })
  return plan
}

function bucketKey(day: string, by: Grouping, locale: Locale) {
  if (by === 'day') return day
  const date = new Date(`${day}T00:00:00Z`)
  if (by === 'week') {
    // Persian weeks start on Saturday (6), English ones on Monday (1).
    const first = locale === 'fa' ? 6 : 1
    const back = (date.getUTCDay() - first + 7) % 7
    return shiftDays(day, -back)
  }
  if (locale === 'fa') {
    const { jy, jm } = toJalaali(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
    return `${jy}-${jm}`
  }
  return day.slice(0, 7)
}

function dayIndexer(query: AnalyticsQuery, plan: Array<{ start: string; end: string }>) {
  const index: number[] = []
  plan.forEach((bucket, position) => {
    const span = daysBetween(bucket.start, bucket.end) + 1
    for (let n = 0; n < span; n++) index.push(position)
  })
  return (day: string) => index[daysBetween(query.from, day)] ?? 0
}

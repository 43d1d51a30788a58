import { prisma } from '~/infra/db.server.ts'
import { LOW_STOCK_THRESHOLD } from '~/services/catalog/schemas.ts'
import { SALES_WINDOW_DAYS } from './schemas.ts'

// The seller dashboard's sales summary for the shop the user owns: revenue and units over the
// last 30 days (cancelled orders do not count), a day-by-day series, best sellers, what waits
// to ship, and variants running low.

const DAY_MS = 24 * 60 * 60 * 1000

export type SalesSummary = {
  shop: { id: string; name: string }
  since: Date
  revenue: number
  units: number
  orders: number
  toShip: number
  /** One entry per UTC day of the window, oldest first. */
  daily: Array<{ day: string; revenue: number; units: number }>
  bestSellers: Array<{
    productId: string | null
    title: string
    slug: string
    units: number
    revenue: number
  }>
  lowStock: Array<{
    variantId: string
    productId: string
    sku: string
    title: string
    slug: string
    colorName: string
    sizeLabel: string
    stock: number
  }>
}

/** The summary for the user's own shop, or null when they have none. */
export async function getSalesSummary(
  userId: string,
  now: Date = new Date(),
): Promise<SalesSummary | null> {
  const shop = await prisma.shop.findUnique({
    where: { ownerId: userId },
    select: { id: true, name: true },
  })
  if (!shop) return null
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const since = new Date(today - (SALES_WINDOW_DAYS - 1) * DAY_MS)
  const counted = {
    shopId: shop.id,
    createdAt: { gte: since, lte: now },
    shipment: { status: { not: 'CANCELLED' as const } },
  }

  const [totals, orders, toShip, days, best, lowStock] = await Promise.all([
    prisma.orderLine.aggregate({ where: counted, _sum: { lineTotal: true, quantity: true } }),
    prisma.shipment.count({
      where: { shopId: shop.id, createdAt: { gte: since, lte: now }, status: { not: 'CANCELLED' } },
    }),
    prisma.shipment.count({ where: { shopId: shop.id, status: 'PENDING' } }),
    prisma.$queryRaw<Array<{ day: Date; revenue: bigint; units: bigint }>>`
      SELECT date_trunc('day', l."createdAt") AS "day", SUM(l."lineTotal") AS "revenue", SUM(l."quantity") AS "units"
      FROM "OrderLine" l JOIN "Shipment" s ON s."id" = l."shipmentId"
      WHERE l."shopId" = ${shop.id} AND l."createdAt" >= ${since} AND l."createdAt" <= ${now} AND s."status" <> 'CANCELLED'
      GROUP BY 1`,
    prisma.$queryRaw<
      Array<{
        productId: string | null
        title: string
        slug: string
        units: bigint
        revenue: bigint
      }>
    >`
      SELECT l."productId", (array_agg(l."title" ORDER BY l."createdAt" DESC))[1] AS "title",
             (array_agg(l."productSlug" ORDER BY l."createdAt" DESC))[1] AS "slug",
             SUM(l."quantity") AS "units", SUM(l."lineTotal") AS "revenue"
      FROM "OrderLine" l JOIN "Shipment" s ON s."id" = l."shipmentId"
      WHERE l."shopId" = ${shop.id} AND l."createdAt" >= ${since} AND l."createdAt" <= ${now} AND s."status" <> 'CANCELLED'
      GROUP BY l."productId", CASE WHEN l."productId" IS NULL THEN l."title" END
      ORDER BY "units" DESC, "revenue" DESC, "title" ASC
      LIMIT 5`,
    prisma.variant.findMany({
      where: {
        stock: { lte: LOW_STOCK_THRESHOLD },
        product: { shopId: shop.id, status: 'ACTIVE' },
      },
      orderBy: [{ stock: 'asc' }, { sku: 'asc' }],
      take: 10,
      select: {
        id: true,
        sku: true,
        stock: true,
        color: { select: { name: true } },
        size: { select: { label: true } },
        product: { select: { id: true, title: true, slug: true } },
      },
    }),
  ])

  const byDay = new Map(days.map((row) => [row.day.toISOString().slice(0, 10), row]))
  const daily = Array.from({ length: SALES_WINDOW_DAYS }, (_, index) => {
    const day = new Date(since.getTime() + index * DAY_MS).toISOString().slice(0, 10)
    const row = byDay.get(day)
    return { day, revenue: Number(row?.revenue ?? 0), units: Number(row?.units ?? 0) }
  })

  return {
    shop,
    since,
    revenue: totals._sum.lineTotal ?? 0,
    units: totals._sum.quantity ?? 0,
    orders,
    toShip,
    daily,
    bestSellers: best.map((row) => ({
      ...row,
      units: Number(row.units),
      revenue: Number(row.revenue),
    })),
    lowStock: lowStock.map((variant) => ({
      variantId: variant.id,
      productId: variant.product.id,
      sku: variant.sku,
      title: variant.product.title,
      slug: variant.product.slug,
      colorName: variant.color.name,
      sizeLabel: variant.size.label,
      stock: variant.stock,
    })),
  }
}

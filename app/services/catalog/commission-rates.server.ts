import { prisma, type Tx } from '~/infra/db.server.ts'
import { CatalogNotFoundError } from './errors.ts'
import type { WithinTransaction } from './hooks.ts'

// The platform's commission rates (docs/decisions/029): a rate per category, inherited by its
// subcategories, and a shop's own rate over them all. Rates are basis points (1250 = 12.5%).
// Checkout fixes the rate in force on each order line (`commissionRatesFor`), so a later change
// here never rewrites what an order owes. No rate anywhere means no commission.

/**
 * The rate in force for each of these products sold by these shops, by product id: the shop's
 * own rate, else the nearest rate up the product's category tree, else 0. Call it inside the
 * transaction that places the order.
 */
export async function commissionRatesFor(
  tx: Tx,
  lines: Array<{ productId: string; shopId: string }>,
): Promise<Map<string, number>> {
  if (!lines.length) return new Map()
  const rows = await tx.$queryRaw<Array<{ productId: string; bps: number | null }>>`
    WITH RECURSIVE up AS (
      SELECT p."id" AS "productId", c."id" AS "categoryId", c."parentId", c."commissionBps", 0 AS depth
      FROM "Product" p JOIN "Category" c ON c."id" = p."categoryId"
      WHERE p."id" = ANY(${lines.map((line) => line.productId)}::text[])
      UNION ALL
      SELECT up."productId", c."id", c."parentId", c."commissionBps", up.depth + 1
      FROM up JOIN "Category" c ON c."id" = up."parentId"
      WHERE up."commissionBps" IS NULL AND up.depth < 32
    )
    SELECT DISTINCT ON ("productId") "productId", "commissionBps" AS bps
    FROM up ORDER BY "productId", ("commissionBps" IS NULL), depth`
  const byCategory = new Map(rows.map((row) => [row.productId, row.bps ?? 0]))
  const shops = await tx.shop.findMany({
    where: { id: { in: [...new Set(lines.map((line) => line.shopId))] } },
    select: { id: true, commissionBps: true },
  })
  const byShop = new Map(shops.map((shop) => [shop.id, shop.commissionBps]))
  return new Map(
    lines.map((line) => [
      line.productId,
      byShop.get(line.shopId) ?? byCategory.get(line.productId) ?? 0,
    ]),
  )
}

/** Every category (in tree order, with its depth) and shop, with its own rate and the one in force. */
export async function listCommissionRates() {
  const [categories, shops] = await Promise.all([
    prisma.category.findMany({
      select: {
        id: true,
        name: true,
        nameFa: true,
        parentId: true,
        position: true,
        commissionBps: true,
      },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
    }),
    prisma.shop.findMany({
      select: { id: true, name: true, slug: true, commissionBps: true },
      orderBy: { name: 'asc' },
    }),
  ])
  const children = new Map<string | null, typeof categories>()
  for (const category of categories) {
    const siblings = children.get(category.parentId) ?? []
    siblings.push(category)
    children.set(category.parentId, siblings)
  }
  const ordered: Array<(typeof categories)[number] & { depth: number; inForce: number }> = []
  const walk = (parentId: string | null, depth: number, inherited: number) => {
    for (const category of children.get(parentId) ?? []) {
      const inForce = category.commissionBps ?? inherited
      ordered.push({ ...category, depth, inForce })
      if (depth < 32) walk(category.id, depth + 1, inForce)
    }
  }
  walk(null, 0, 0)
  return { categories: ordered, shops }
}

export type CommissionChange = {
  target: { id: string; name: string }
  before: number | null
  after: number | null
}

/** Sets (or, with null, clears) a category's own rate. */
export function setCategoryCommission(
  categoryId: string,
  bps: number | null,
  { within }: WithinTransaction<CommissionChange> = {},
) {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      Array<{ id: string; name: string; commissionBps: number | null }>
    >`
      SELECT "id", "name", "commissionBps" FROM "Category" WHERE "id" = ${categoryId} FOR UPDATE`
    if (!row) throw new CatalogNotFoundError('Category')
    await tx.category.update({ where: { id: row.id }, data: { commissionBps: bps } })
    const change = { target: { id: row.id, name: row.name }, before: row.commissionBps, after: bps }
    await within?.(tx, change)
    return change
  })
}

/** Sets (or, with null, clears) a shop's own rate, which overrides its categories'. */
export function setShopCommission(
  shopId: string,
  bps: number | null,
  { within }: WithinTransaction<CommissionChange> = {},
) {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      Array<{ id: string; name: string; commissionBps: number | null }>
    >`
      SELECT "id", "name", "commissionBps" FROM "Shop" WHERE "id" = ${shopId} FOR UPDATE`
    if (!row) throw new CatalogNotFoundError('Shop')
    await tx.shop.update({ where: { id: row.id }, data: { commissionBps: bps } })
    const change = { target: { id: row.id, name: row.name }, before: row.commissionBps, after: bps }
    await within?.(tx, change)
    return change
  })
}

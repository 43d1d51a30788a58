import type { Tx } from '~/infra/db.server.ts'
import { LOW_STOCK_THRESHOLD } from '~/services/catalog/schemas.ts'
import { productNames } from '~/services/notifications/kinds.ts'
import { notifyAll } from '~/services/notifications/notify.server.ts'

// Every transaction that changes stock (checkout, cancel) locks the product rows, then the
// variant rows, each in id order. Two transactions therefore never wait for each other in a
// cycle, whatever order their carts list the items in: no deadlocks. The catalog's product save
// takes the same order (updateProduct in app/services/catalog/products.server.ts; tests in
// tests/services/stock-races.test.ts). FOR NO KEY UPDATE is the lock an
// UPDATE of non-key columns takes anyway, and it leaves foreign-key checks (adding a variant to
// a cart, writing an order line) unblocked.

export type StockChange = { productId: string; variantId: string; quantity: number }

function totals(changes: StockChange[], by: 'productId' | 'variantId') {
  const sums = new Map<string, number>()
  for (const change of changes) sums.set(change[by], (sums.get(change[by]) ?? 0) + change.quantity)
  const ids = [...sums.keys()].sort()
  return { ids, quantities: ids.map((id) => sums.get(id)!) }
}

/** Locks the products and variants in the fixed order and returns each variant's stock as locked. */
export async function lockStock(tx: Tx, changes: StockChange[]): Promise<Map<string, number>> {
  const products = totals(changes, 'productId').ids
  const variants = totals(changes, 'variantId').ids
  await tx.$queryRaw`SELECT "id" FROM "Product" WHERE "id" = ANY(${products}::text[]) ORDER BY "id" FOR NO KEY UPDATE`
  const rows = await tx.$queryRaw<Array<{ id: string; stock: number }>>`
    SELECT "id", "stock" FROM "Variant" WHERE "id" = ANY(${variants}::text[]) ORDER BY "id" FOR NO KEY UPDATE`
  return new Map(rows.map((row) => [row.id, row.stock]))
}

/**
 * Takes the quantities out of stock, each only if enough remains, and counts them as sales.
 * Returns false (having changed nothing the caller must keep: roll back) if any variant lacked
 * stock. Call lockStock first.
 */
export async function takeStock(tx: Tx, changes: StockChange[], now: Date): Promise<boolean> {
  const variants = totals(changes, 'variantId')
  const updated = await tx.$executeRaw`
    UPDATE "Variant" AS v SET "stock" = v."stock" - d.qty, "updatedAt" = ${now}
    FROM unnest(${variants.ids}::text[], ${variants.quantities}::int[]) AS d(id, qty)
    WHERE v."id" = d.id AND v."stock" >= d.qty`
  if (updated !== variants.ids.length) return false
  const products = totals(changes, 'productId')
  await tx.$executeRaw`
    UPDATE "Product" AS p SET "salesCount" = p."salesCount" + d.qty
    FROM unnest(${products.ids}::text[], ${products.quantities}::int[]) AS d(id, qty)
    WHERE p."id" = d.id`
  return true
}

/** Puts the quantities back (a cancelled order) and takes them off the sales counts. Call lockStock first. */
export async function returnStock(tx: Tx, changes: StockChange[], now: Date) {
  const variants = totals(changes, 'variantId')
  await tx.$executeRaw`
    UPDATE "Variant" AS v SET "stock" = v."stock" + d.qty, "updatedAt" = ${now}
    FROM unnest(${variants.ids}::text[], ${variants.quantities}::int[]) AS d(id, qty)
    WHERE v."id" = d.id`
  const products = totals(changes, 'productId')
  await tx.$executeRaw`
    UPDATE "Product" AS p SET "salesCount" = GREATEST(0, p."salesCount" - d.qty)
    FROM unnest(${products.ids}::text[], ${products.quantities}::int[]) AS d(id, qty)
    WHERE p."id" = d.id`
}

type SoldLine = StockChange & { shopId: string; colorName: string; sizeLabel: string }

/**
 * The lines whose sale takes their variant from above the low-stock line to at or below it,
 * with what is left; `before` is the stock as locked (lockStock), so concurrent orders of one
 * size each see the stock the previous one left and only one of them crosses.
 */
export function lowStockCrossings(lines: SoldLine[], before: Map<string, number>) {
  const sold = new Map<string, number>()
  for (const line of lines)
    sold.set(line.variantId, (sold.get(line.variantId) ?? 0) + line.quantity)
  const seen = new Set<string>()
  return lines.flatMap((line) => {
    const had = before.get(line.variantId)
    if (had === undefined || seen.has(line.variantId)) return []
    seen.add(line.variantId)
    const left = had - sold.get(line.variantId)!
    return had > LOW_STOCK_THRESHOLD && left <= LOW_STOCK_THRESHOLD ? [{ ...line, left }] : []
  })
}

/** Tells each shop's owner which of their sizes ran low (rare: only orders that cross the line pay). */
export async function notifyLowStock(tx: Tx, crossings: Array<SoldLine & { left: number }>) {
  if (!crossings.length) return
  const products = await tx.product.findMany({
    where: { id: { in: [...new Set(crossings.map((line) => line.productId))] } },
    select: {
      id: true,
      title: true,
      translatedTitle: true,
      locale: true,
      shop: { select: { ownerId: true } },
    },
  })
  const byId = new Map(products.map((product) => [product.id, product]))
  await notifyAll(
    tx,
    crossings.flatMap((line) => {
      const product = byId.get(line.productId)
      if (!product) return []
      return [
        {
          userId: product.shop.ownerId,
          kind: 'STOCK_LOW' as const,
          data: {
            productId: product.id,
            ...productNames(product),
            colorName: line.colorName,
            sizeLabel: line.sizeLabel,
            stock: line.left,
          },
        },
      ]
    }),
  )
}

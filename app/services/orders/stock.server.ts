import type { Tx } from '~/infra/db.server.ts'

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

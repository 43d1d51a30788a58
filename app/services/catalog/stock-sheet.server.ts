import { prisma, type Tx } from '~/infra/db.server.ts'
import { productsChanged } from './changes.server.ts'
import { derivePricing } from './derived.ts'
import { CatalogNotFoundError, FieldErrors } from './errors.ts'
import { MAX_PRICE, MAX_STOCK } from './schemas.ts'

// Stock and prices of many variants at once, by SKU, for a seller's own tools (a spreadsheet, an
// inventory system): all rows or none. Every row is checked before anything is written, and a
// refusal names each bad row (`items.<index>.<field>`); a row may reach only the seller's shop.

export const STOCK_SHEET_MAX_ROWS = 2_000

export type StockSheetRow = {
  sku: string
  /** The new stock (replaces the current one); left out, unchanged. */
  stock?: number
  /** The variant's own price in minor units, null for the product's price; left out, unchanged. */
  price?: number | null
}

/**
 * Applies the rows in one transaction. Locks as checkout does (products, then variants, each in
 * id order), so a sale at the same moment waits or is waited for, never deadlocks. A product
 * whose prices changed gets a new version (an edit form opened before is then stale), and search
 * hears about every product touched.
 */
export async function updateStockAndPrices(
  ownerId: string,
  rows: StockSheetRow[],
  { now = new Date() }: { now?: Date } = {},
) {
  return prisma.$transaction(
    async (tx) => {
      const shop = await tx.shop.findUnique({ where: { ownerId }, select: { id: true } })
      if (!shop) throw new CatalogNotFoundError('Your shop')
      const errors = new FieldErrors()
      const skus = rows.map((row) => row.sku.trim().toUpperCase())
      const found = await tx.variant.findMany({
        where: { sku: { in: [...new Set(skus)] }, product: { shopId: shop.id } },
        select: { id: true, sku: true, productId: true },
      })
      const bySku = new Map(found.map((variant) => [variant.sku, variant]))
      const seen = new Map<string, number>()
      rows.forEach((row, index) => {
        const at = (field: string) => `items.${index}.${field}`
        const sku = skus[index]!
        if (!bySku.has(sku))
          errors.add(at('sku'), `Row ${index + 1}: your shop has no variant with SKU ${row.sku}`, {
            code: 'unknown-sku',
          })
        const earlier = seen.get(sku)
        if (earlier !== undefined)
          errors.add(at('sku'), `Row ${index + 1}: SKU ${row.sku} is also row ${earlier + 1}`, {
            code: 'duplicate-sku',
          })
        else seen.set(sku, index)
        if (row.stock === undefined && row.price === undefined)
          errors.add(at('stock'), `Row ${index + 1}: give a stock, a price or both`, {
            code: 'nothing-to-change',
          })
        if (
          row.stock !== undefined &&
          (!Number.isInteger(row.stock) || row.stock < 0 || row.stock > MAX_STOCK)
        )
          errors.add(
            at('stock'),
            `Row ${index + 1}: stock must be a whole number from 0 to ${MAX_STOCK}`,
            {
              code: 'stock-range',
            },
          )
        if (
          row.price !== undefined &&
          row.price !== null &&
          (!Number.isInteger(row.price) || row.price <= 0 || row.price > MAX_PRICE)
        )
          errors.add(at('price'), `Row ${index + 1}: the price must be more than zero`, {
            code: 'price-range',
          })
      })
      errors.throwIfAny()

      const productIds = [...new Set(found.map((variant) => variant.productId))].sort()
      const variantIds = found.map((variant) => variant.id).sort()
      await tx.$queryRaw`SELECT "id" FROM "Product" WHERE "id" = ANY(${productIds}::text[]) ORDER BY "id" FOR NO KEY UPDATE`
      await tx.$queryRaw`SELECT "id" FROM "Variant" WHERE "id" = ANY(${variantIds}::text[]) ORDER BY "id" FOR NO KEY UPDATE`

      const stockRows = rows.flatMap((row, index) =>
        row.stock === undefined ? [] : [{ id: bySku.get(skus[index]!)!.id, stock: row.stock }],
      )
      const priceRows = rows.flatMap((row, index) =>
        row.price === undefined
          ? []
          : [{ id: bySku.get(skus[index]!)!.id, price: row.price, index }],
      )
      if (stockRows.length)
        await tx.$executeRaw`
          UPDATE "Variant" AS v SET "stock" = d.stock, "updatedAt" = ${now}
          FROM unnest(${stockRows.map((row) => row.id)}::text[], ${stockRows.map((row) => row.stock)}::int[]) AS d(id, stock)
          WHERE v."id" = d.id AND v."stock" <> d.stock`
      if (priceRows.length)
        await tx.$executeRaw`
          UPDATE "Variant" AS v SET "price" = d.price, "updatedAt" = ${now}
          FROM unnest(${priceRows.map((row) => row.id)}::text[], ${priceRows.map((row) => row.price)}::int[]) AS d(id, price)
          WHERE v."id" = d.id AND v."price" IS DISTINCT FROM d.price`

      const productOf = new Map(found.map((variant) => [variant.id, variant.productId]))
      const repriced = new Set(priceRows.map((row) => productOf.get(row.id)!))
      await repriceProducts(tx, [...repriced], priceRows, bySku, skus, now)
      await productsChanged(tx, productIds)
      return { variants: found.length, products: productIds.length }
    },
    { timeout: 60_000 },
  )
}

/** Re-derives the prices of products whose variants' prices changed; refuses a listed one left unpriced. */
async function repriceProducts(
  tx: Tx,
  productIds: string[],
  priceRows: Array<{ id: string; index: number }>,
  bySku: Map<string, { id: string; productId: string }>,
  skus: string[],
  now: Date,
) {
  if (!productIds.length) return
  const products = await tx.product.findMany({
    where: { id: { in: productIds } },
    select: {
      id: true,
      status: true,
      price: true,
      discountPercent: true,
      discountStartsAt: true,
      discountEndsAt: true,
      variants: { select: { price: true } },
    },
  })
  const errors = new FieldErrors()
  for (const product of products) {
    const pricing = derivePricing(product, product.variants, now)
    if (product.status === 'ACTIVE' && pricing.minPrice === null) {
      const row = priceRows.find((item) => bySku.get(skus[item.index]!)?.productId === product.id)
      errors.add(
        `items.${row?.index ?? 0}.price`,
        `Row ${(row?.index ?? 0) + 1}: a published product needs a price on at least one variant`,
        { code: 'published-needs-price' },
      )
      continue
    }
    await tx.product.update({
      where: { id: product.id },
      data: { ...pricing, version: { increment: 1 } },
    })
  }
  errors.throwIfAny()
}

import { prisma, Prisma, type Tx } from '~/infra/db.server.ts'
import { enqueue } from '~/infra/outbox/outbox.server.ts'
import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { recordProductChanges } from '~/services/search/changes.server.ts'
import { derivePricing, nextPriceChange } from './derived.ts'
import type { DiscountWindow } from './pricing.ts'

// How catalog writes tell the rest of the system what changed, inside their own transaction:
// search hears about every product whose shopper-facing data changed, and products with a
// discount starting or ending later get their derived prices flipped on time.

/** Outbox topic: re-compute a product's effectivePrice/onSale when its discount starts or ends. */
export const REPRICE_TOPIC = 'catalog.reprice'

const CHUNK = 5_000

/** Tells search these products changed (chunked, so a category with 50k products is fine). */
export async function productsChanged(tx: Tx, productIds: Iterable<string>) {
  const ids = [...new Set(productIds)]
  for (let start = 0; start < ids.length; start += CHUNK)
    await recordProductChanges(tx, ids.slice(start, start + CHUNK))
}

/**
 * For products whose discount starts or ends after `now`: a search change and a re-pricing at
 * that moment, so the index and the price sort flip on time.
 */
export async function scheduleDiscountBoundaries(
  tx: Tx,
  products: Array<DiscountWindow & { id: string }>,
  now: Date,
) {
  const byMoment = new Map<number, string[]>()
  for (const product of products) {
    const at = nextPriceChange(product, now)
    if (at) byMoment.set(at.getTime(), [...(byMoment.get(at.getTime()) ?? []), product.id])
  }
  for (const [moment, ids] of byMoment) {
    const at = new Date(moment)
    await recordProductChanges(tx, ids, { at })
    await enqueue(tx, ...ids.map((id) => ({ topic: REPRICE_TOPIC, key: id, availableAt: at })))
  }
}

/**
 * Re-computes minPrice, effectivePrice and onSale of these products from their rows at `now`;
 * search hears about those whose values moved. Leaves updatedAt alone (nobody edited them).
 */
export async function refreshDerivedPricing(tx: Tx, productIds: string[], now: Date = new Date()) {
  if (!productIds.length) return
  const products = await tx.product.findMany({
    where: { id: { in: productIds } },
    // Updated one by one in id order, the order checkout locks products in: never a cycle.
    orderBy: { id: 'asc' },
    select: {
      id: true,
      price: true,
      minPrice: true,
      effectivePrice: true,
      onSale: true,
      discountPercent: true,
      discountStartsAt: true,
      discountEndsAt: true,
      variants: { select: { price: true } },
    },
  })
  const moved: string[] = []
  for (const product of products) {
    const next = derivePricing(product, product.variants, now)
    if (
      next.minPrice === product.minPrice &&
      next.effectivePrice === product.effectivePrice &&
      next.onSale === product.onSale
    )
      continue
    await tx.$executeRaw(
      Prisma.sql`UPDATE "Product" SET "minPrice" = ${next.minPrice}, "effectivePrice" = ${next.effectivePrice}, "onSale" = ${next.onSale} WHERE id = ${product.id}`,
    )
    moved.push(product.id)
  }
  await productsChanged(tx, moved)
  await scheduleDiscountBoundaries(tx, products, now)
}

/** The outbox handler for REPRICE_TOPIC (listed in app/services/outbox-handlers.server.ts). */
export const repriceHandler: OutboxHandler = {
  topic: REPRICE_TOPIC,
  batchSize: 200,
  async handle(events) {
    const ids = [...new Set(events.map((event) => event.key))]
    await prisma.$transaction((tx) => refreshDerivedPricing(tx, ids))
  },
}

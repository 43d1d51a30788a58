import { z } from 'zod'
import { prisma, Prisma, type Tx } from '~/infra/db.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { derivePricing, nextPriceChange } from './derived.ts'
import type { DiscountWindow } from './pricing.ts'

// How catalog writes tell the rest of the system what changed, inside their own transaction:
// search hears about every product whose shopper-facing data changed, and products with a
// discount starting or ending later get their derived prices flipped on time.

/** Job: re-compute products' effectivePrice/onSale when their discount starts or ends. */
export const REPRICE_TASK = 'catalog.reprice'
/** Cron job: re-prices every product whose stored price disagrees with its discount window now. */
export const DISCOUNT_BOUNDARIES_TASK = 'catalog.discount-boundaries'

const CHUNK = 5_000
/** Products per re-pricing job and per transaction of the sweep. */
const REPRICE_CHUNK = 200

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
    const jobs = []
    for (let start = 0; start < ids.length; start += REPRICE_CHUNK)
      jobs.push({
        task: REPRICE_TASK,
        payload: { productIds: ids.slice(start, start + REPRICE_CHUNK) },
        runAt: at,
      })
    await enqueueJobs(tx, ...jobs)
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

const RepricePayloadSchema = z.object({ productIds: z.array(z.string()).max(10_000) })

/** The job of REPRICE_TASK (listed in app/services/jobs.server.ts). */
export const repriceTask: JobTask = async (payload) => {
  const { productIds } = RepricePayloadSchema.parse(payload)
  await prisma.$transaction((tx) => refreshDerivedPricing(tx, productIds))
}

/**
 * Re-prices the products whose stored onSale disagrees with their discount window at `now`:
 * the safety net under the scheduled re-pricing jobs (one lost, failed for good or written by
 * something that did not schedule it is corrected at the next run). Returns how many it fixed.
 */
export async function repriceStaleProducts(now: Date = new Date(), limit = 5_000) {
  // The timestamps hold UTC without a time zone, as Prisma writes them.
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Product"
    WHERE "onSale" IS DISTINCT FROM (
      "minPrice" IS NOT NULL AND coalesce("discountPercent", 0) > 0
      AND ("discountStartsAt" IS NULL OR "discountStartsAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
      AND ("discountEndsAt" IS NULL OR "discountEndsAt" > (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')))
    ORDER BY "id"
    LIMIT ${limit}`
  const ids = rows.map((row) => row.id)
  for (let start = 0; start < ids.length; start += REPRICE_CHUNK) {
    const chunk = ids.slice(start, start + REPRICE_CHUNK)
    await prisma.$transaction((tx) => refreshDerivedPricing(tx, chunk, now))
  }
  return ids.length
}

export const discountBoundariesTask: JobTask = async () => {
  await repriceStaleProducts()
}

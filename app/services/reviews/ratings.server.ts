import type { Tx } from '~/infra/db.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'

// A product's rating figures (count, average, stars histogram), kept exact in the transaction of
// every change to an approved review (ADR 010), and recounted from the rows when asked.

type Stars = 1 | 2 | 3 | 4 | 5

function isStars(value: number): value is Stars {
  return Number.isInteger(value) && value >= 1 && value <= 5
}

/**
 * Locks the products' rows (in id order, the order checkouts and shop suspensions use), so
 * review status changes of one product run one at a time and their aggregate deltas add up.
 */
export async function lockProducts(tx: Tx, productIds: Iterable<string>) {
  const ids = [...new Set(productIds)].sort()
  if (!ids.length) return
  await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR NO KEY UPDATE`
}

/** One approved review entering (+1) or leaving (-1) the product's rating columns. */
export type RatingChange = { productId: string; rating: number; delta: 1 | -1 }

/**
 * Applies rating changes to the products' columns and queues their search documents. Call with
 * the products locked (lockProducts), in the transaction that changes the reviews' status.
 */
export async function applyRatingChanges(tx: Tx, changes: RatingChange[]) {
  const byProduct = new Map<string, { count: number; sum: number; stars: Record<Stars, number> }>()
  for (const change of changes) {
    if (!isStars(change.rating))
      throw new Error(`A review rating must be 1 to 5, not ${change.rating}`)
    const entry = byProduct.get(change.productId) ?? {
      count: 0,
      sum: 0,
      stars: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    }
    entry.count += change.delta
    entry.sum += change.delta * change.rating
    entry.stars[change.rating] += change.delta
    byProduct.set(change.productId, entry)
  }
  const touched: string[] = []
  for (const [productId, delta] of [...byProduct].sort(([a], [b]) => a.localeCompare(b))) {
    if (delta.count === 0 && Object.values(delta.stars).every((value) => value === 0)) continue
    await tx.$executeRaw`
      UPDATE "Product" SET
        "ratingCount" = "ratingCount" + ${delta.count}, "ratingSum" = "ratingSum" + ${delta.sum},
        "rating1" = "rating1" + ${delta.stars[1]}, "rating2" = "rating2" + ${delta.stars[2]}, "rating3" = "rating3" + ${delta.stars[3]},
        "rating4" = "rating4" + ${delta.stars[4]}, "rating5" = "rating5" + ${delta.stars[5]}
      WHERE id = ${productId}`
    touched.push(productId)
  }
  await recordProductChanges(tx, touched)
  return touched
}

/**
 * Sets the product's rating columns from its APPROVED review rows (for data loaded in bulk, like
 * the demo seed; the app itself keeps them by deltas). Locks the product; queues its search
 * document when anything changed. Returns whether it did.
 */
export async function recountProductRatings(tx: Tx, productId: string) {
  await lockProducts(tx, [productId])
  const groups = await tx.review.groupBy({
    by: ['rating'],
    where: { productId, status: 'APPROVED' },
    _count: { _all: true },
    orderBy: { rating: 'asc' },
  })
  const stars: Record<Stars, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const group of groups) if (isStars(group.rating)) stars[group.rating] = group._count._all
  const ratingCount = stars[1] + stars[2] + stars[3] + stars[4] + stars[5]
  const ratingSum = stars[1] + 2 * stars[2] + 3 * stars[3] + 4 * stars[4] + 5 * stars[5]
  const current = await tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      ratingCount: true,
      ratingSum: true,
      rating1: true,
      rating2: true,
      rating3: true,
      rating4: true,
      rating5: true,
    },
  })
  const next = {
    ratingCount,
    ratingSum,
    rating1: stars[1],
    rating2: stars[2],
    rating3: stars[3],
    rating4: stars[4],
    rating5: stars[5],
  }
  if ((Object.keys(next) as Array<keyof typeof next>).every((key) => current[key] === next[key]))
    return false
  await tx.product.update({ where: { id: productId }, data: next })
  await recordProductChanges(tx, [productId])
  return true
}

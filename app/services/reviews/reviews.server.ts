import { z } from 'zod'
import { prisma, Prisma, type ReviewStatus, type Tx } from '~/infra/db.server.ts'
import { consumeOrWait, createLimiter } from '~/infra/rate-limit.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { isUniqueViolation } from '~/services/accounts/auth.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { productNames } from '~/services/notifications/kinds.ts'
import { notifyAdmins } from '~/services/notifications/notify.server.ts'
import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'
import {
  REVIEWS_PAGE_SIZE,
  REVIEW_FITS,
  distributionRows,
  fitSummary,
  type ReviewFitValue,
  type ReviewInput,
  type ReviewListQuery,
} from './schemas.ts'

// Shoppers' reviews: writing and editing one's own, reading the approved ones, marking them
// helpful and reporting them. Only APPROVED reviews count in the product's rating columns; every
// change of what counts happens with the product row locked, in the transaction that changes the
// review, and tells search (docs/decisions/010-exact-review-aggregates.md).

/** The stable codes of review refusals; pages show them in their language (product: errors.<code>). */
export type ReviewRefusalCode =
  | 'product-unavailable'
  | 'own-product'
  | 'account-cannot-review'
  | 'fit-not-applicable'
  | 'already-reviewed'
  | 'review-unavailable'
  | 'own-review-helpful'
  | 'own-review-report'
  | 'account-restricted'
  | 'already-helpful'
  | 'already-reported'
  | 'review-rate-limited'

/** A refused review command: nothing changed. */
export class ReviewError extends DomainError {
  override name = 'ReviewError'
  /** The code and its values for the page's catalogue (the minutes of a rate limit). */
  readonly messageCode: { code: ReviewRefusalCode; values?: Record<string, number> }
  constructor(
    code: ReviewRefusalCode,
    message: string,
    kind: Extract<
      DomainErrorKind,
      'invalid' | 'forbidden' | 'not-found' | 'conflict' | 'rate-limited'
    >,
    /** The form field the message belongs to, when it is about one. */
    field?: string,
    retryAt?: Date,
    values?: Record<string, number>,
  ) {
    super(kind, code, message, { ...(field ? { field } : {}), ...(retryAt ? { retryAt } : {}) })
    this.messageCode = { code, ...(values ? { values } : {}) }
  }
}

// ---------------------------------------------------------------- rate limits

/** Per account, per hour: writing (new reviews and edits), reporting and voting. */
export const REVIEW_LIMITS = { write: 10, report: 10, vote: 60 } as const
const HOUR = 60 * 60

const limiters = singleton('review-limiters', () => ({
  write: createLimiter({
    name: 'review-write',
    points: REVIEW_LIMITS.write,
    durationSeconds: HOUR,
  }),
  report: createLimiter({
    name: 'review-report',
    points: REVIEW_LIMITS.report,
    durationSeconds: HOUR,
  }),
  vote: createLimiter({ name: 'review-vote', points: REVIEW_LIMITS.vote, durationSeconds: HOUR }),
}))

async function withinLimit(kind: keyof typeof limiters, userId: string) {
  const wait = await consumeOrWait(limiters[kind], userId)
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60_000))
    throw new ReviewError(
      'review-rate-limited',
      `You have done that too often. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      'rate-limited',
      undefined,
      new Date(Date.now() + wait),
      { count: minutes },
    )
  }
}

// ---------------------------------------------------------------- aggregates

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

// ---------------------------------------------------------------- reading

const SORT_SQL: Record<ReviewListQuery['reviewSort'], Prisma.Sql> = {
  newest: Prisma.sql`"createdAt" DESC, id DESC`,
  helpful: Prisma.sql`"helpfulCount" DESC, "createdAt" DESC, id DESC`,
  highest: Prisma.sql`rating DESC, "createdAt" DESC, id DESC`,
  lowest: Prisma.sql`rating ASC, "createdAt" DESC, id DESC`,
}

/** Whether fit feedback applies: sized products (clothing and shoes), not one-size ones. */
function fitApplies(sizeCount: number) {
  return sizeCount > 1
}

const epochMs = (column: Prisma.Sql) => Prisma.sql`floor(extract(epoch FROM ${column}) * 1000)`
const Timestamp = z.number().transform((ms) => new Date(ms))
const Fit = z.enum(['RUNS_SMALL', 'TRUE_TO_SIZE', 'RUNS_LARGE']).nullable()

const SectionRowSchema = z.object({
  ratingCount: z.number().int(),
  ratingSum: z.number().int(),
  rating1: z.number().int(),
  rating2: z.number().int(),
  rating3: z.number().int(),
  rating4: z.number().int(),
  rating5: z.number().int(),
  sizeCount: z.number().int(),
  fits: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  reviews: z.array(
    z.object({
      id: z.string(),
      rating: z.number().int(),
      title: z.string(),
      body: z.string(),
      fit: Fit,
      verifiedPurchase: z.boolean(),
      helpfulCount: z.number().int(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      userId: z.string(),
      author: z.string(),
      votedHelpful: z.boolean(),
      reported: z.boolean(),
    }),
  ),
  own: z
    .object({
      id: z.string(),
      rating: z.number().int(),
      title: z.string(),
      body: z.string(),
      fit: Fit,
      status: z.enum(['PENDING', 'APPROVED', 'REJECTED']),
      rejectionReason: z.string().nullable(),
      verifiedPurchase: z.boolean(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
    })
    .nullable(),
})

/**
 * Everything the product page's reviews section needs, in one round trip: the summary (average,
 * count, distribution, fit), a page of the approved reviews with what the viewer already did to
 * each, and the viewer's own review whatever its status.
 */
async function readReviewsSection(
  productId: string,
  query: ReviewListQuery,
  viewerId: string | null,
) {
  const approved = Prisma.sql`"productId" = ${productId} AND status = 'APPROVED'`
  const sort = SORT_SQL[query.reviewSort]
  const [raw] = await prisma.$queryRaw<unknown[]>(Prisma.sql`
    SELECT p."ratingCount", p."ratingSum", p.rating1, p.rating2, p.rating3, p.rating4, p.rating5,
      (SELECT count(*)::int FROM "Size" z WHERE z."scaleId" = p."sizeScaleId") AS "sizeCount",
      COALESCE((SELECT json_object_agg(f.fit, f.n) FROM (
        SELECT fit::text AS fit, count(*)::int AS n FROM "Review" WHERE ${approved} AND fit IS NOT NULL GROUP BY fit
      ) f), '{}'::json) AS fits,
      (SELECT count(*)::int FROM "Review" WHERE ${approved}) AS total,
      COALESCE((SELECT json_agg(json_build_object(
          'id', r.id, 'rating', r.rating, 'title', r.title, 'body', r.body, 'fit', r.fit,
          'verifiedPurchase', r."verifiedPurchase", 'helpfulCount', r."helpfulCount",
          'createdAt', ${epochMs(Prisma.sql`r."createdAt"`)}, 'updatedAt', ${epochMs(Prisma.sql`r."updatedAt"`)},
          'userId', r."userId", 'author', u.name,
          'votedHelpful', EXISTS (SELECT 1 FROM "ReviewVote" v WHERE v."reviewId" = r.id AND v."userId" = ${viewerId}),
          'reported', EXISTS (SELECT 1 FROM "ReviewReport" x WHERE x."reviewId" = r.id AND x."userId" = ${viewerId})
        ) ORDER BY r.ord)
        FROM (SELECT *, row_number() OVER (ORDER BY ${sort}) AS ord FROM "Review" WHERE ${approved}
              ORDER BY ${sort} OFFSET ${(query.reviewPage - 1) * REVIEWS_PAGE_SIZE} LIMIT ${REVIEWS_PAGE_SIZE}) r
        JOIN "User" u ON u.id = r."userId"), '[]'::json) AS reviews,
      (SELECT json_build_object(
          'id', o.id, 'rating', o.rating, 'title', o.title, 'body', o.body, 'fit', o.fit, 'status', o.status,
          'rejectionReason', o."rejectionReason", 'verifiedPurchase', o."verifiedPurchase",
          'createdAt', ${epochMs(Prisma.sql`o."createdAt"`)}, 'updatedAt', ${epochMs(Prisma.sql`o."updatedAt"`)})
        FROM "Review" o WHERE o."productId" = p.id AND o."userId" = ${viewerId}) AS own
    FROM "Product" p WHERE p.id = ${productId}`)
  if (!raw) throw new Error(`No product ${productId}`)
  const row = SectionRowSchema.parse(raw)
  const fitCounts = Object.fromEntries(
    REVIEW_FITS.map((fit) => [fit, row.fits[fit] ?? 0]),
  ) as Record<ReviewFitValue, number>
  const summary = {
    count: row.ratingCount,
    average: row.ratingCount ? Math.round((row.ratingSum / row.ratingCount) * 10) / 10 : null,
    distribution: distributionRows({
      1: row.rating1,
      2: row.rating2,
      3: row.rating3,
      4: row.rating4,
      5: row.rating5,
    }),
    fit: fitSummary(fitCounts),
    fitApplies: fitApplies(row.sizeCount),
  }
  const list = {
    reviews: row.reviews.map(({ userId, votedHelpful, reported, ...review }) => ({
      ...review,
      own: viewerId === userId,
      votedHelpful: viewerId ? votedHelpful : false,
      reported: viewerId ? reported : false,
    })),
    total: row.total,
    page: query.reviewPage,
    pageCount: Math.max(1, Math.ceil(row.total / REVIEWS_PAGE_SIZE)),
    sort: query.reviewSort,
  }
  return { summary, list, own: row.own }
}

/** Average, count, the 5..1 distribution and the fit summary of the approved reviews. */
export async function getReviewSummary(productId: string) {
  const { summary } = await readReviewsSection(
    productId,
    { reviewSort: 'newest', reviewPage: 1 },
    null,
  )
  return summary
}

/** A page of the approved reviews, with what the viewer already did to each. */
export async function listApprovedReviews(
  productId: string,
  query: ReviewListQuery,
  viewerId: string | null,
) {
  const { list } = await readReviewsSection(productId, query, viewerId)
  return list
}

/** The viewer's own review of the product, whatever its status (they see pending and rejected ones). */
export async function getOwnReview(productId: string, userId: string) {
  const { own } = await readReviewsSection(
    productId,
    { reviewSort: 'newest', reviewPage: 1 },
    userId,
  )
  return own
}

/** Everything the product page's reviews section needs (one round trip). */
export function getProductReviews(
  productId: string,
  query: ReviewListQuery,
  viewerId: string | null,
) {
  return readReviewsSection(productId, query, viewerId)
}

// ---------------------------------------------------------------- writing

/** True when the user has a delivered order line of the product: the "verified purchase" rule. */
export async function hasDeliveredPurchase(
  db: Tx | typeof prisma,
  userId: string,
  productId: string,
) {
  const line = await db.orderLine.findFirst({
    where: { productId, order: { userId }, shipment: { status: 'DELIVERED' } },
    select: { id: true },
  })
  return line !== null
}

/**
 * Writes the user's review of a listed product, or edits the one they have. Either way it goes
 * (back) to PENDING and into the moderation queue; an edit of an approved review takes it out of
 * the product's rating until an admin approves it again.
 */
export async function submitReview(userId: string, productSlug: string, input: ReviewInput) {
  await withinLimit('write', userId)
  try {
    return await prisma.$transaction(async (tx) => {
      const product = await tx.product.findUnique({
        where: { slug: productSlug },
        select: {
          id: true,
          listed: true,
          slug: true,
          title: true,
          translatedTitle: true,
          locale: true,
          shop: { select: { ownerId: true } },
          sizeScale: { select: { _count: { select: { sizes: true } } } },
        },
      })
      if (!product || !product.listed)
        throw new ReviewError('product-unavailable', 'This product is not available.', 'not-found')
      if (product.shop.ownerId === userId)
        throw new ReviewError(
          'own-product',
          'You cannot review a product of your own shop.',
          'forbidden',
        )
      const author = await tx.user.findUnique({ where: { id: userId }, select: { status: true } })
      if (!author || author.status !== 'ACTIVE')
        throw new ReviewError(
          'account-cannot-review',
          'Your account cannot write reviews.',
          'forbidden',
        )
      if (input.fit && !fitApplies(product.sizeScale._count.sizes))
        throw new ReviewError(
          'fit-not-applicable',
          'Fit applies only to clothing and shoes.',
          'invalid',
          'fit',
        )

      await lockProducts(tx, [product.id])
      const verifiedPurchase = await hasDeliveredPurchase(tx, userId, product.id)
      const fields = {
        rating: input.rating,
        title: input.title,
        body: input.body,
        fit: input.fit ?? null,
        verifiedPurchase,
      }
      const existing = await tx.review.findUnique({
        where: { productId_userId: { productId: product.id, userId } },
        select: { id: true, status: true, rating: true },
      })
      if (!existing) {
        const review = await tx.review.create({
          data: {
            ...fields,
            productId: product.id,
            userId,
            status: 'PENDING',
            queuedAt: new Date(),
          },
          select: { id: true },
        })
        await notifyAdmins(tx, 'REVIEW_WAITING', productData(product))
        return { id: review.id, edited: false }
      }
      await tx.review.update({
        where: { id: existing.id },
        data: {
          ...fields,
          status: 'PENDING',
          rejectionReason: null,
          decidedById: null,
          decidedAt: null,
          queuedAt: new Date(),
          version: { increment: 1 },
        },
      })
      if (existing.status === 'APPROVED')
        await applyRatingChanges(tx, [
          { productId: product.id, rating: existing.rating, delta: -1 },
        ])
      await notifyAdmins(tx, 'REVIEW_WAITING', productData(product))
      return { id: existing.id, edited: true }
    })
  } catch (error) {
    // Two first reviews at once from one account: the unique key lets one in; the other is told.
    if (isUniqueViolation(error))
      throw new ReviewError(
        'already-reviewed',
        'You have already reviewed this product.',
        'conflict',
      )
    throw error
  }
}

/** What a notification about a review keeps of its product. */
function productData(product: {
  slug: string
  title: string
  translatedTitle: string | null
  locale: string
}) {
  return { productSlug: product.slug, ...productNames(product) }
}

/** An approved review of a listed product that someone other than its author acts on. */
async function requireVisibleReview(
  tx: Tx,
  reviewId: string,
  userId: string,
  own: { code: ReviewRefusalCode; message: string },
) {
  const review = await tx.review.findUnique({
    where: { id: reviewId },
    select: { id: true, status: true, userId: true, product: { select: { listed: true } } },
  })
  if (!review || review.status !== 'APPROVED' || !review.product.listed)
    throw new ReviewError('review-unavailable', 'That review is not available.', 'not-found')
  if (review.userId === userId) throw new ReviewError(own.code, own.message, 'forbidden')
  return review
}

async function requireActiveUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true } })
  if (!user || user.status !== 'ACTIVE')
    throw new ReviewError('account-restricted', 'Your account cannot do that.', 'forbidden')
}

/** Marks an approved review helpful, once per shopper; never one's own. */
export async function markHelpful(userId: string, reviewId: string) {
  await withinLimit('vote', userId)
  try {
    return await prisma.$transaction(async (tx) => {
      await requireActiveUser(tx, userId)
      await requireVisibleReview(tx, reviewId, userId, {
        code: 'own-review-helpful',
        message: 'You cannot mark your own review helpful.',
      })
      await tx.reviewVote.create({ data: { reviewId, userId } })
      const { helpfulCount } = await tx.review.update({
        where: { id: reviewId },
        data: { helpfulCount: { increment: 1 } },
        select: { helpfulCount: true },
      })
      return { helpfulCount }
    })
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ReviewError(
        'already-helpful',
        'You have already marked this review helpful.',
        'conflict',
      )
    throw error
  }
}

/** Reports an approved review as abusive, once per shopper; it (re-)enters the moderation queue. */
export async function reportReview(userId: string, reviewId: string, reason: string) {
  await withinLimit('report', userId)
  try {
    return await prisma.$transaction(async (tx) => {
      await requireActiveUser(tx, userId)
      await requireVisibleReview(tx, reviewId, userId, {
        code: 'own-review-report',
        message: 'You cannot report your own review.',
      })
      await tx.reviewReport.create({ data: { reviewId, userId, reason } })
      // Queued from the first open report on; a review already waiting keeps its place.
      await tx.$executeRaw`UPDATE "Review" SET "reportCount" = "reportCount" + 1, "queuedAt" = COALESCE("queuedAt", now()) WHERE id = ${reviewId}`
      const { product } = await tx.review.findUniqueOrThrow({
        where: { id: reviewId },
        select: {
          product: { select: { slug: true, title: true, translatedTitle: true, locale: true } },
        },
      })
      await notifyAdmins(tx, 'REVIEW_REPORTED', { ...productData(product), reason })
    })
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ReviewError(
        'already-reported',
        'You have already reported this review.',
        'conflict',
      )
    throw error
  }
}

// ---------------------------------------------------------------- one account's reviews (admin)

/** A user's reviews, newest first, with how many of each status: the admin's user page. */
export async function listReviewsByUser(userId: string, take = 20) {
  const [reviews, groups] = await Promise.all([
    prisma.review.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: {
        id: true,
        rating: true,
        title: true,
        status: true,
        rejectionReason: true,
        reportCount: true,
        createdAt: true,
        product: { select: { title: true, slug: true } },
      },
    }),
    prisma.review.groupBy({
      by: ['status'],
      where: { userId },
      _count: { _all: true },
      orderBy: { status: 'asc' },
    }),
  ])
  const counts: Record<ReviewStatus, number> = { PENDING: 0, APPROVED: 0, REJECTED: 0 }
  for (const group of groups) counts[group.status] = group._count._all
  return { reviews, counts }
}

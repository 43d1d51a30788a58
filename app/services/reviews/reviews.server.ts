import { prisma, type ReviewStatus, type Tx } from '~/infra/db.server.ts'
import { consumeOrWait, createLimiter } from '~/infra/rate-limit.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { isUniqueViolation } from '~/services/accounts/auth.server.ts'
import { productNames } from '~/services/notifications/kinds.ts'
import { notifyAdmins } from '~/services/notifications/notify.server.ts'
import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'
import type { ReviewInput } from './schemas.ts'
import { applyRatingChanges, lockProducts } from './ratings.server.ts'
import { fitApplies } from './reading.server.ts'

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

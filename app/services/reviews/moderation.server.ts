import { prisma, type Prisma, type ReviewStatus, type Tx } from '~/infra/db.server.ts'
import { recordAudit } from '~/services/audit/audit.server.ts'
import { productNames } from '~/services/notifications/kinds.ts'
import { notifyAll, type NotifyInput } from '~/services/notifications/notify.server.ts'
import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'
import { applyRatingChanges, lockProducts, type RatingChange } from './ratings.server.ts'
import { AUTHOR_BLOCKED_REASON, QUEUE_PAGE_SIZE, type ReviewRef } from './schemas.ts'

// The moderation queue: new, edited and reported reviews, oldest first. A decision locks the
// products (id order) and then the reviews (id order), re-reads them and only decides a review
// still at the version the admin saw: of two admins deciding one review, the second is told who
// decided it and changes nothing. Each decision is audited in its transaction.

/** The acting admin, as requireRole(request, 'ADMIN') returns them. */
export type ModerationActor = { id: string; email: string }

export class ModerationError extends DomainError {
  override name = 'ModerationError'
  constructor(
    message: string,
    kind: Extract<DomainErrorKind, 'forbidden' | 'not-found'>,
    code: 'no-longer-admin' | typeof kind = kind,
  ) {
    super(kind, code, message)
  }
}

// ---------------------------------------------------------------- the queue

/** A page of the queue, oldest first, with each author's history (one query for the page). */
export async function listModerationQueue({ page = 1 }: { page?: number } = {}) {
  const where: Prisma.ReviewWhereInput = { queuedAt: { not: null } }
  const [total, rows] = await Promise.all([
    prisma.review.count({ where }),
    prisma.review.findMany({
      where,
      orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        version: true,
        rating: true,
        title: true,
        body: true,
        fit: true,
        status: true,
        verifiedPurchase: true,
        reportCount: true,
        queuedAt: true,
        createdAt: true,
        updatedAt: true,
        product: { select: { id: true, title: true, slug: true } },
        user: { select: { id: true, name: true, email: true, status: true } },
        reports: {
          where: { resolvedAt: null },
          orderBy: { createdAt: 'asc' },
          select: { id: true, reason: true, createdAt: true, user: { select: { name: true } } },
        },
      },
    }),
  ])
  const authorIds = [...new Set(rows.map((row) => row.user.id))]
  const groups = authorIds.length
    ? await prisma.review.groupBy({
        by: ['userId', 'status'],
        where: { userId: { in: authorIds } },
        _count: { _all: true },
        orderBy: { userId: 'asc' },
      })
    : []
  const history = new Map<string, Record<ReviewStatus, number>>()
  for (const group of groups) {
    const counts = history.get(group.userId) ?? { PENDING: 0, APPROVED: 0, REJECTED: 0 }
    counts[group.status] = group._count._all
    history.set(group.userId, counts)
  }
  const reviews = rows.map((row) => ({
    ...row,
    authorHistory: history.get(row.user.id) ?? { PENDING: 0, APPROVED: 0, REJECTED: 0 },
  }))
  return { reviews, total, page, pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) }
}

export function countModerationQueue() {
  return prisma.review.count({ where: { queuedAt: { not: null } } })
}

// ---------------------------------------------------------------- deciding

export type Decision = { approve: true } | { approve: false; reason: string }

export type DecisionConflict =
  | { id: string; message: string; reason: 'gone' }
  | {
      id: string
      message: string
      reason: 'decided'
      title: string
      status: ReviewStatus
      decidedBy: string | null
      decidedAt: Date | null
    }
  | { id: string; message: string; reason: 'changed'; title: string }

export type DecisionOutcome = {
  decided: Array<{ id: string; status: ReviewStatus }>
  /**
   * Reviews left alone, each with why: `message` in English for logs and scripts, the rest for
   * a page to say it in its own language.
   */
  conflicts: DecisionConflict[]
}

const STATUS_WORD: Record<ReviewStatus, string> = {
  PENDING: 'pending',
  APPROVED: 'approved',
  REJECTED: 'rejected',
}

async function requireActiveAdmin(tx: Tx, actor: ModerationActor) {
  const acting = await tx.user.findUnique({
    where: { id: actor.id },
    select: { roles: true, status: true },
  })
  if (!acting || acting.status !== 'ACTIVE' || !acting.roles.includes('ADMIN'))
    throw new ModerationError(
      'You are no longer an admin, so this was not done.',
      'forbidden',
      'no-longer-admin',
    )
}

/**
 * Approves or rejects the reviews, each only if it is still in the queue at the version the
 * admin saw. One transaction for all of them: the rating columns, the search jobs, the
 * resolved reports and one audit entry per review commit together.
 */
export async function decideReviews(
  actor: ModerationActor,
  refs: ReviewRef[],
  decision: Decision,
): Promise<DecisionOutcome> {
  const wanted = new Map(refs.map((ref) => [ref.id, ref.version]))
  // Decisions on one product queue for its lock; waiting for a pooled connection meanwhile is
  // no error (many admins deciding one product's reviews at once).
  return prisma.$transaction(
    async (tx) => {
      await requireActiveAdmin(tx, actor)
      const ids = [...wanted.keys()].sort()
      const products = await tx.review.findMany({
        where: { id: { in: ids } },
        select: { productId: true },
      })
      await lockProducts(
        tx,
        products.map((row) => row.productId),
      )
      // Then the reviews, in id order; read after the locks, so what is decided below is current.
      await tx.$queryRaw`SELECT id FROM "Review" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`
      const rows = await tx.review.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          productId: true,
          status: true,
          version: true,
          queuedAt: true,
          rating: true,
          title: true,
          reportCount: true,
          decidedAt: true,
          decidedBy: { select: { name: true } },
          userId: true,
          user: { select: { name: true, email: true } },
          product: {
            select: {
              title: true,
              translatedTitle: true,
              locale: true,
              slug: true,
              shop: { select: { ownerId: true } },
            },
          },
        },
      })
      const byId = new Map(rows.map((row) => [row.id, row]))
      const outcome: DecisionOutcome = { decided: [], conflicts: [] }
      const ratingChanges: RatingChange[] = []
      const now = new Date()
      const status: ReviewStatus = decision.approve ? 'APPROVED' : 'REJECTED'
      const notifications: NotifyInput[] = []
      for (const id of ids) {
        const review = byId.get(id)
        if (!review) {
          outcome.conflicts.push({ id, reason: 'gone', message: 'That review no longer exists.' })
          continue
        }
        if (review.queuedAt === null) {
          const by = review.decidedBy ? ` by ${review.decidedBy.name}` : ''
          const when = review.decidedAt ? ` on ${review.decidedAt.toISOString()}` : ''
          outcome.conflicts.push({
            id,
            reason: 'decided',
            title: review.title,
            status: review.status,
            decidedBy: review.decidedBy?.name ?? null,
            decidedAt: review.decidedAt,
            message: `“${review.title}” was already ${STATUS_WORD[review.status]}${by}${when}. Nothing was changed.`,
          })
          continue
        }
        if (review.version !== wanted.get(id)) {
          outcome.conflicts.push({
            id,
            reason: 'changed',
            title: review.title,
            message: `“${review.title}” changed since you loaded the queue (edited or decided again). Look at it again; nothing was changed.`,
          })
          continue
        }
        await tx.review.update({
          where: { id },
          data: {
            status,
            rejectionReason: decision.approve ? null : decision.reason,
            decidedById: actor.id,
            decidedAt: now,
            queuedAt: null,
            reportCount: 0,
            version: { increment: 1 },
          },
        })
        const { count: reportsResolved } = await tx.reviewReport.updateMany({
          where: { reviewId: id, resolvedAt: null },
          data: { resolvedAt: now },
        })
        if (review.status !== 'APPROVED' && decision.approve)
          ratingChanges.push({ productId: review.productId, rating: review.rating, delta: 1 })
        if (review.status === 'APPROVED' && !decision.approve)
          ratingChanges.push({ productId: review.productId, rating: review.rating, delta: -1 })
        await recordAudit(tx, {
          actor,
          action: decision.approve ? 'review.approve' : 'review.reject',
          target: {
            type: 'REVIEW',
            id,
            label: `“${review.title}” by ${review.user.name} <${review.user.email}> on ${review.product.title}`,
          },
          reason: decision.approve ? null : decision.reason,
          details: {
            before: { status: review.status },
            after: { status },
            rating: review.rating,
            productId: review.productId,
            reportsResolved,
            ...(refs.length > 1 ? { bulk: refs.length } : {}),
          },
        })
        outcome.decided.push({ id, status })
        notifications.push(...decisionNotifications(review, decision))
      }
      await applyRatingChanges(tx, ratingChanges)
      await notifyAll(tx, notifications)
      return outcome
    },
    { maxWait: 10_000 },
  )
}

/** The author hears the decision; the shop hears of a review newly published on its product. */
function decisionNotifications(
  review: {
    userId: string
    status: ReviewStatus
    rating: number
    product: Parameters<typeof productNames>[0] & { slug: string; shop: { ownerId: string } }
  },
  decision: Decision,
): NotifyInput[] {
  const product = { productSlug: review.product.slug, ...productNames(review.product) }
  if (!decision.approve)
    return [
      {
        userId: review.userId,
        kind: 'REVIEW_REJECTED',
        data: { ...product, reason: decision.reason },
      },
    ]
  const notes: NotifyInput[] = [{ userId: review.userId, kind: 'REVIEW_APPROVED', data: product }]
  if (review.status !== 'APPROVED')
    notes.push({
      userId: review.product.shop.ownerId,
      kind: 'NEW_REVIEW',
      data: { ...product, rating: review.rating },
    })
  return notes
}

export { AUTHOR_BLOCKED_REASON }

/**
 * Hides a user's pending reviews when an admin blocks them: rejected with AUTHOR_BLOCKED_REASON,
 * out of the queue. Pending reviews never count in ratings, so no product changes. Runs in the
 * block's transaction; returns what the block's audit entry records.
 */
export async function hidePendingReviewsOf(tx: Tx, userId: string, actorId: string) {
  const { count } = await tx.review.updateMany({
    where: { userId, status: 'PENDING' },
    data: {
      status: 'REJECTED',
      rejectionReason: AUTHOR_BLOCKED_REASON,
      decidedById: actorId,
      decidedAt: new Date(),
      queuedAt: null,
      version: { increment: 1 },
    },
  })
  return { pendingReviewsHidden: count }
}

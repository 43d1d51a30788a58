import { z } from 'zod'
import { prisma, Prisma } from '~/infra/db.server.ts'
import {
  REVIEWS_PAGE_SIZE,
  REVIEW_FITS,
  distributionRows,
  fitSummary,
  type ReviewFitValue,
  type ReviewListQuery,
} from './schemas.ts'

// Reviews as the product page reads them: the summary, a page of approved reviews in the chosen
// order, and the signed-in shopper's own review.

const SORT_SQL: Record<ReviewListQuery['reviewSort'], Prisma.Sql> = {
  newest: Prisma.sql`"createdAt" DESC, id DESC`,
  helpful: Prisma.sql`"helpfulCount" DESC, "createdAt" DESC, id DESC`,
  highest: Prisma.sql`rating DESC, "createdAt" DESC, id DESC`,
  lowest: Prisma.sql`rating ASC, "createdAt" DESC, id DESC`,
}

/** Whether fit feedback applies: sized products (clothing and shoes), not one-size ones. */
export function fitApplies(sizeCount: number) {
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

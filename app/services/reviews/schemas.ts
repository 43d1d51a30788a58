import { z } from 'zod'
import { numberInput } from '~/i18n/format.ts'
import { message } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'

// Review forms and query strings, shared by the server (which enforces them) and the browser
// (which checks as you type). No server code here.

export * from './limits.ts'
import {
  REVIEW_BODY_MAX,
  REVIEW_BODY_MIN,
  REVIEW_FITS,
  REVIEW_SORTS,
  REVIEW_TITLE_MAX,
  REVIEW_TITLE_MIN,
  REPORT_REASON_MAX,
  REPORT_REASON_MIN,
  REJECTION_REASON_MAX,
  REJECTION_REASON_MIN,
  BULK_MAX,
  type ReviewFitValue,
} from './limits.ts'

const STARS = message('review.rating', { min: 1, max: 5 })

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

/** The review form on the product page (new and edit alike). */
export const ReviewFormSchema = z.object({
  intent: z.literal('review'),
  rating: z.preprocess(
    numberInput,
    z.coerce.number({ error: STARS }).int(STARS).min(1, STARS).max(5, STARS),
  ),
  title: z
    .string({ error: message('review.title') })
    .trim()
    .min(REVIEW_TITLE_MIN, message('text.tooShort', { min: REVIEW_TITLE_MIN }))
    .max(REVIEW_TITLE_MAX, message('text.tooLong', { max: REVIEW_TITLE_MAX }))
    .refine(...noControlCharacters),
  body: z
    .string({ error: message('review.body') })
    .trim()
    .min(REVIEW_BODY_MIN, message('text.tooShort', { min: REVIEW_BODY_MIN }))
    .max(REVIEW_BODY_MAX, message('text.tooLong', { max: REVIEW_BODY_MAX }))
    .refine(...noControlCharacters),
  fit: z.preprocess(
    blankToUndefined,
    z.enum(REVIEW_FITS, { error: message('review.fit') }).optional(),
  ),
})
export type ReviewInput = Omit<z.infer<typeof ReviewFormSchema>, 'intent'>

const ReviewIdSchema = z
  .string({ error: message('review.choose') })
  .trim()
  .min(1, message('review.choose'))
  .max(64, message('review.choose'))

export const HelpfulSchema = z.object({ intent: z.literal('helpful'), reviewId: ReviewIdSchema })

export const ReportSchema = z.object({
  intent: z.literal('report'),
  reviewId: ReviewIdSchema,
  reason: z
    .string({ error: message('review.reportReason') })
    .trim()
    .min(REPORT_REASON_MIN, message('review.reasonMin', { min: REPORT_REASON_MIN }))
    .max(REPORT_REASON_MAX, message('text.tooLong', { max: REPORT_REASON_MAX }))
    .refine(...noControlCharacters),
})

/** The helpful button and the report form of each review in the list. */
export const ReviewFeedbackSchema = z.discriminatedUnion('intent', [HelpfulSchema, ReportSchema])

/** The list's sort and page, from the product page's URL (bad values fall back to the defaults). */
export const ReviewListQuerySchema = z.object({
  reviewSort: z.enum(REVIEW_SORTS).catch('newest').default('newest'),
  reviewPage: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type ReviewListQuery = z.infer<typeof ReviewListQuerySchema>

export function reviewListQuery(params: URLSearchParams): ReviewListQuery {
  return ReviewListQuerySchema.parse({
    reviewSort: params.get('reviewSort') ?? undefined,
    reviewPage: params.get('reviewPage') ?? undefined,
  })
}

// ---------------------------------------------------------------- moderation

/** "id:version": what a decision names, so a review changed since the admin saw it is not decided blind. */
const ReviewRefSchema = z
  .string()
  .regex(/^[^:\s]{1,64}:\d{1,9}$/, message('review.fromQueue'))
  .transform((value) => {
    const [id, version] = value.split(':')
    return { id: id!, version: Number(version) }
  })
export type ReviewRef = z.output<typeof ReviewRefSchema>

const RejectionReasonSchema = z
  .string({ error: message('review.rejectionReason') })
  .trim()
  .min(REJECTION_REASON_MIN, message('review.reasonMin', { min: REJECTION_REASON_MIN }))
  .max(REJECTION_REASON_MAX, message('text.tooLong', { max: REJECTION_REASON_MAX }))
  .refine(...noControlCharacters)

export const ApproveReviewSchema = z.object({
  intent: z.literal('approve'),
  review: ReviewRefSchema,
})
export const RejectReviewSchema = z.object({
  intent: z.literal('reject'),
  review: ReviewRefSchema,
  reason: RejectionReasonSchema,
})

const ReviewRefsSchema = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(ReviewRefSchema)
    .min(1, message('review.tickOne'))
    .max(BULK_MAX, message('review.bulkMax', { max: BULK_MAX })),
)
export const BulkApproveSchema = z.object({
  intent: z.literal('bulk-approve'),
  reviews: ReviewRefsSchema,
})
export const BulkRejectSchema = z.object({
  intent: z.literal('bulk-reject'),
  reviews: ReviewRefsSchema,
  reason: RejectionReasonSchema,
})

export const MODERATION_SCHEMAS = {
  approve: ApproveReviewSchema,
  reject: RejectReviewSchema,
  'bulk-approve': BulkApproveSchema,
  'bulk-reject': BulkRejectSchema,
} as const
export type ModerationIntent = keyof typeof MODERATION_SCHEMAS

export function isModerationIntent(value: unknown): value is ModerationIntent {
  return typeof value === 'string' && Object.hasOwn(MODERATION_SCHEMAS, value)
}

/** The fit most reviews name ("most say: runs small", product: reviews.fitSummary); null without a clear majority. */
export function fitSummary(
  counts: Record<ReviewFitValue, number>,
): { fit: ReviewFitValue; share: number; total: number } | null {
  const total = REVIEW_FITS.reduce((sum, fit) => sum + counts[fit], 0)
  if (total === 0) return null
  const ranked = [...REVIEW_FITS].sort((a, b) => counts[b] - counts[a])
  const top = ranked[0]!
  // A tie for first place says nothing useful.
  if (counts[ranked[1]!] === counts[top]) return null
  return {
    fit: top,
    share: counts[top] / total,
    total,
  }
}

/** Star distribution as 5..1 rows with their share of the total, for the bars. */
export function distributionRows(distribution: Record<1 | 2 | 3 | 4 | 5, number>) {
  const total =
    distribution[1] + distribution[2] + distribution[3] + distribution[4] + distribution[5]
  return ([5, 4, 3, 2, 1] as const).map((stars) => ({
    stars,
    count: distribution[stars],
    share: total ? distribution[stars] / total : 0,
  }))
}

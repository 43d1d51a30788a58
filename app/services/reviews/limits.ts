// The review forms' limits and choices, apart from their schemas: the product page's browser code
// needs these and no validation library.

export const REVIEW_TITLE_MIN = 3
export const REVIEW_TITLE_MAX = 120
export const REVIEW_BODY_MIN = 10
export const REVIEW_BODY_MAX = 5000
export const REPORT_REASON_MIN = 3
export const REPORT_REASON_MAX = 500
export const REJECTION_REASON_MIN = 3
export const REJECTION_REASON_MAX = 500
/** The rejection reason of the pending reviews hidden when their author is blocked; pages show it in their language. */
export const AUTHOR_BLOCKED_REASON = 'Author blocked'
export const REVIEWS_PAGE_SIZE = 10
export const QUEUE_PAGE_SIZE = 25
/** How many reviews one bulk decision may cover (the queue page size, with room to spare). */
export const BULK_MAX = 100

export const REVIEW_FITS = ['RUNS_SMALL', 'TRUE_TO_SIZE', 'RUNS_LARGE'] as const
export type ReviewFitValue = (typeof REVIEW_FITS)[number]

export const REVIEW_SORTS = ['newest', 'helpful', 'highest', 'lowest'] as const
export type ReviewSort = (typeof REVIEW_SORTS)[number]

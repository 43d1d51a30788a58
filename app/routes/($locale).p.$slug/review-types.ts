import type { SubmissionResult } from '@conform-to/react'
import type { ReviewFitValue, ReviewSort } from '~/services/reviews/limits.ts'

// What the product page's review pieces are given: the loader's summary, the viewer's own review,
// the approved reviews, and the action's answer.

export type Summary = {
  count: number
  average: number | null
  distribution: Array<{ stars: number; count: number; share: number }>
  fit: { fit: ReviewFitValue; share: number; total: number } | null
  fitApplies: boolean
}

export type OwnReview = {
  id: string
  rating: number
  title: string
  body: string
  fit: ReviewFitValue | null
  status: 'PENDING' | 'APPROVED' | 'REJECTED'
  rejectionReason: string | null
  verifiedPurchase: boolean
}

export type ReviewListItem = {
  id: string
  rating: number
  title: string
  body: string
  fit: ReviewFitValue | null
  verifiedPurchase: boolean
  helpfulCount: number
  createdAt: string | Date
  author: string
  own: boolean
  votedHelpful: boolean
  reported: boolean
}

export type ReviewActionData =
  | { intent: 'review'; result: SubmissionResult<string[]> }
  | {
      intent: 'helpful' | 'report'
      reviewId: string | null
      error: string
      fieldErrors?: Record<string, string[]>
    }

export type ReviewsSectionProps = {
  summary: Summary
  list: {
    reviews: ReviewListItem[]
    total: number
    page: number
    pageCount: number
    sort: ReviewSort
  }
  own: OwnReview | null
  /** The server's time when the page loaded: relative dates count from it on both sides. */
  now: string
  viewer: { signedIn: boolean; canReview: boolean; loginHref: string }
  actionData: ReviewActionData | undefined
}

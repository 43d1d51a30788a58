/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useNavigation, useSearchParams, useSubmit } from '@remix-run/react'
import { ErrorList, Field, InlineReasonField, TextareaField } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import {
  FIT_LABELS,
  REPORT_REASON_MAX,
  REVIEW_BODY_MAX,
  REVIEW_FITS,
  REVIEW_SORTS,
  REVIEW_SORT_LABELS,
  REVIEW_TITLE_MAX,
  ReviewFormSchema,
  type ReviewFitValue,
  type ReviewSort,
} from '~/services/reviews/schemas.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { withParams } from '~/utils/search-params.ts'
import { Stars, StarRadios } from './stars.tsx'

// The product page's reviews: the summary (average, count, 5..1 bars, fit), the viewer's own
// review with its status, the form, then the approved reviews with sort and pages from the URL.
// Every text is rendered by React as text: markup in a review shows as the characters typed.

type Summary = {
  count: number
  average: number | null
  distribution: Array<{ stars: number; count: number; share: number }>
  fit: { label: string; share: number; total: number } | null
  fitApplies: boolean
}

type OwnReview = {
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
  viewer: { signedIn: boolean; canReview: boolean; loginHref: string }
  actionData: ReviewActionData | undefined
}

export function ReviewsSection({ summary, list, own, viewer, actionData }: ReviewsSectionProps) {
  return (
    <section
      id="reviews"
      aria-labelledby="reviews-heading"
      className="mt-12 border-t border-stone-200 pt-8"
    >
      <h2 id="reviews-heading" className="text-xl font-semibold">
        Reviews
      </h2>
      <div className="mt-6 grid gap-10 lg:grid-cols-[18rem_1fr]">
        <div className="space-y-6">
          <RatingSummary summary={summary} />
          {viewer.signedIn ? null : (
            <p
              className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-sm"
              data-testid="review-sign-in"
            >
              <Link to={viewer.loginHref} className="link">
                Sign in
              </Link>{' '}
              to write a review.
            </p>
          )}
        </div>
        <div className="min-w-0 space-y-8">
          {own ? <OwnReviewStatus review={own} /> : null}
          {viewer.signedIn && viewer.canReview ? (
            <ReviewForm
              own={own}
              fitApplies={summary.fitApplies}
              lastResult={actionData?.intent === 'review' ? actionData.result : undefined}
            />
          ) : null}
          <ReviewList
            list={list}
            signedIn={viewer.signedIn}
            actionData={actionData?.intent === 'review' ? undefined : actionData}
          />
        </div>
      </div>
    </section>
  )
}

function RatingSummary({ summary }: { summary: Summary }) {
  if (!summary.count || summary.average === null) {
    return (
      <p className="text-sm text-stone-600" data-testid="review-summary">
        No reviews yet.
      </p>
    )
  }
  return (
    <div data-testid="review-summary">
      <p className="flex items-center gap-3">
        <span className="text-4xl font-bold" data-testid="review-average">
          {summary.average.toFixed(1)}
        </span>
        <Stars rating={summary.average} size="lg" />
      </p>
      <p className="mt-1 text-sm text-stone-600" data-testid="review-count">
        {summary.count} review{summary.count === 1 ? '' : 's'}
      </p>
      <ol className="mt-4 space-y-1" aria-label="Star distribution">
        {summary.distribution.map((row) => (
          <li key={row.stars} className="flex items-center gap-2 text-sm">
            <span className="w-12 shrink-0">{row.stars} star</span>
            <span className="h-2 flex-1 overflow-hidden rounded-full bg-stone-200" aria-hidden>
              <span
                className="block h-full bg-amber-500"
                style={{ width: `${Math.round(row.share * 100)}%` }}
              />
            </span>
            <span
              className="w-8 shrink-0 text-end text-stone-600"
              data-testid={`review-bar-${row.stars}`}
            >
              {row.count}
            </span>
          </li>
        ))}
      </ol>
      {summary.fit ? (
        <p className="mt-4 text-sm font-medium" data-testid="review-fit">
          {summary.fit.label}{' '}
          <span className="font-normal text-stone-500">
            ({Math.round(summary.fit.share * 100)}% of {summary.fit.total})
          </span>
        </p>
      ) : null}
    </div>
  )
}

const STATUS_TEXT = {
  PENDING: 'Waiting for approval: only you can see it until a moderator approves it.',
  APPROVED: 'Published.',
  REJECTED: 'Not published.',
} as const

function OwnReviewStatus({ review }: { review: OwnReview }) {
  const tone =
    review.status === 'REJECTED'
      ? 'border-red-200 bg-red-50'
      : review.status === 'PENDING'
        ? 'border-amber-200 bg-amber-50'
        : 'border-green-200 bg-green-50'
  return (
    <div
      className={`rounded-lg border p-4 text-sm ${tone}`}
      data-testid="own-review"
      data-status={review.status}
    >
      <p className="font-semibold">Your review · {STATUS_TEXT[review.status]}</p>
      {review.status === 'REJECTED' && review.rejectionReason ? (
        <p className="mt-1 whitespace-pre-line">Reason: {review.rejectionReason}</p>
      ) : null}
      <div className="mt-2 flex items-center gap-2">
        <Stars rating={review.rating} />
        <span className="font-medium">{review.title}</span>
      </div>
      <p className="mt-1 whitespace-pre-line text-stone-700">{review.body}</p>
    </div>
  )
}

function ReviewForm({
  own,
  fitApplies,
  lastResult,
}: {
  own: OwnReview | null
  fitApplies: boolean
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'review-form',
    lastResult,
    defaultValue: own
      ? { rating: String(own.rating), title: own.title, body: own.body, fit: own.fit ?? '' }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewFormSchema }),
    // On input, not on blur: an error cleared on blur would move the submit button away from a
    // click that has already started.
    shouldRevalidate: 'onInput',
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'review'
  return (
    <Form
      method="post"
      preventScrollReset
      className="space-y-4 card"
      {...getFormProps(form)}
      aria-labelledby="review-form-heading"
    >
      <h3 id="review-form-heading" className="text-lg font-semibold">
        {own ? 'Edit your review' : 'Write a review'}
      </h3>
      {own ? (
        <p className="text-sm text-stone-600">
          An edited review waits for approval again before it shows.
        </p>
      ) : null}
      <input type="hidden" name="intent" value="review" />
      <div>
        <StarRadios
          name={fields.rating.name}
          defaultValue={fields.rating.initialValue?.toString()}
          errorId={fields.rating.errorId}
          invalid={Boolean(fields.rating.errors?.length)}
        />
        <ErrorList id={fields.rating.errorId} errors={fields.rating.errors} />
      </div>
      <Field
        label="Title"
        inputProps={{
          ...getInputProps(fields.title, { type: 'text' }),
          maxLength: REVIEW_TITLE_MAX,
        }}
        errors={fields.title.errors}
      />
      <TextareaField
        label="Your review"
        textareaProps={{ ...getTextareaProps(fields.body), rows: 5, maxLength: REVIEW_BODY_MAX }}
        errors={fields.body.errors}
      />
      {fitApplies ? (
        <div>
          <label htmlFor={fields.fit.id} className="block text-sm font-medium text-stone-800">
            How does it fit? (optional)
          </label>
          <select
            id={fields.fit.id}
            name={fields.fit.name}
            defaultValue={fields.fit.initialValue?.toString() ?? ''}
            className="mt-1 input w-auto"
          >
            <option value="">Not saying</option>
            {REVIEW_FITS.map((fit) => (
              <option key={fit} value={fit}>
                {FIT_LABELS[fit]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.fit.errorId} errors={fields.fit.errors} />
        </div>
      ) : null}
      <ErrorList id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {own ? 'Save and resubmit' : 'Submit review'}
      </button>
    </Form>
  )
}

/** The sort as a GET form that keeps the other parameters and goes back to page 1; applies on change with JavaScript. */
function ReviewSortControl({ sort }: { sort: ReviewSort }) {
  const [params] = useSearchParams()
  const submit = useSubmit()
  const hydrated = useHydrated()
  const kept = [...params.entries()].filter(([key]) => key !== 'reviewSort' && key !== 'reviewPage')
  return (
    <Form
      method="get"
      preventScrollReset
      className="flex items-center gap-2"
      onChange={(event) => submit(event.currentTarget, { preventScrollReset: true })}
    >
      {kept.map(([key, value]) => (
        <input key={`${key}=${value}`} type="hidden" name={key} value={value} />
      ))}
      <label htmlFor="review-sort" className="text-sm text-stone-600">
        Sort reviews
      </label>
      <select
        id="review-sort"
        name="reviewSort"
        defaultValue={sort}
        key={sort}
        className="input w-auto py-1.5"
      >
        {REVIEW_SORTS.map((value) => (
          <option key={value} value={value}>
            {REVIEW_SORT_LABELS[value]}
          </option>
        ))}
      </select>
      {hydrated ? null : (
        <button type="submit" className="btn-secondary py-1.5">
          Sort
        </button>
      )}
    </Form>
  )
}

function ReviewList({
  list,
  signedIn,
  actionData,
}: {
  list: ReviewsSectionProps['list']
  signedIn: boolean
  actionData: Exclude<ReviewActionData, { intent: 'review' }> | undefined
}) {
  const [params] = useSearchParams()
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600">
          {list.total} published review{list.total === 1 ? '' : 's'}
        </p>
        {list.total > 1 ? <ReviewSortControl sort={list.sort} /> : null}
      </div>
      <ol className="mt-4 divide-y divide-stone-200" data-testid="review-list">
        {list.reviews.map((review) => (
          <ReviewItem
            key={review.id}
            review={review}
            signedIn={signedIn}
            failure={actionData?.reviewId === review.id ? actionData : undefined}
          />
        ))}
      </ol>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        label="Pages of reviews"
        param="reviewPage"
      />
      {list.page > list.pageCount ? (
        <p className="mt-4 text-sm">
          <Link to={`?${withParams(params, { reviewPage: null })}#reviews`} className="link">
            Back to the first page of reviews
          </Link>
        </p>
      ) : null}
    </div>
  )
}

function ReviewItem({
  review,
  signedIn,
  failure,
}: {
  review: ReviewListItem
  signedIn: boolean
  failure: Exclude<ReviewActionData, { intent: 'review' }> | undefined
}) {
  const navigation = useNavigation()
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('reviewId') === review.id
  return (
    <li className="py-5" data-testid="review">
      <div className="flex flex-wrap items-center gap-2">
        <Stars rating={review.rating} />
        <h3 className="font-semibold">{review.title}</h3>
      </div>
      <p className="mt-1 text-xs text-stone-500">
        {review.author} ·{' '}
        {new Date(review.createdAt).toLocaleDateString('en-US', {
          timeZone: 'UTC',
          year: 'numeric',
          month: 'short',
          day: 'numeric',
        })}
        {review.verifiedPurchase ? (
          <span
            className="ms-2 rounded-full bg-green-100 px-2 py-0.5 font-medium text-green-800"
            data-testid="verified-purchase"
          >
            Verified purchase
          </span>
        ) : null}
        {review.fit ? <span className="ms-2">Fit: {FIT_LABELS[review.fit]}</span> : null}
      </p>
      <p className="mt-2 whitespace-pre-line text-stone-800">{review.body}</p>
      <div className="mt-3 flex flex-wrap items-start gap-4 text-sm">
        <span className="text-stone-500">{review.helpfulCount} found this helpful</span>
        {signedIn && !review.own ? (
          <>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="helpful" />
              <input type="hidden" name="reviewId" value={review.id} />
              <button
                type="submit"
                className="btn-secondary py-1 text-sm"
                disabled={review.votedHelpful || busy}
                aria-pressed={review.votedHelpful}
              >
                {review.votedHelpful ? 'You found this helpful' : 'Helpful'}
              </button>
            </Form>
            {review.reported ? (
              <span className="text-stone-500">You reported this review</span>
            ) : (
              <details open={failure?.intent === 'report' || undefined}>
                <summary className="cursor-pointer text-stone-600 hover:text-stone-900">
                  Report
                </summary>
                <Form
                  method="post"
                  preventScrollReset
                  className="mt-2 flex flex-wrap items-start gap-2"
                >
                  <input type="hidden" name="intent" value="report" />
                  <input type="hidden" name="reviewId" value={review.id} />
                  <InlineReasonField
                    id={`report-${review.id}`}
                    label="Why are you reporting this review?"
                    placeholder="What is wrong with it?"
                    maxLength={REPORT_REASON_MAX}
                    errors={failure?.fieldErrors?.reason}
                  />
                  <button type="submit" className="btn-danger py-1 text-sm" disabled={busy}>
                    Send report
                  </button>
                </Form>
              </details>
            )}
          </>
        ) : null}
      </div>
      {failure?.error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {failure.error}
        </p>
      ) : null}
    </li>
  )
}

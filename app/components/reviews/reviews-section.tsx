import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { Form, Link, useNavigation, useSearchParams, useSubmit } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import {
  ErrorList,
  Field,
  InlineReasonField,
  TextareaField,
  useValidationMessage,
} from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { useFormat } from '~/i18n/use-locale.ts'
import {
  AUTHOR_BLOCKED_REASON,
  REPORT_REASON_MAX,
  REVIEW_BODY_MAX,
  REVIEW_FITS,
  REVIEW_SORTS,
  REVIEW_TITLE_MAX,
  type ReviewFitValue,
  type ReviewSort,
} from '~/services/reviews/limits.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { withParams } from '~/utils/search-params.ts'
import type { validateReview } from './review-form-validation.ts'
import { Stars, StarRadios } from './stars.tsx'

// The product page's reviews: the summary (average, count, 5..1 bars, fit), the viewer's own
// review with its status, the form, then the approved reviews with sort and pages from the URL.
// Every text is rendered by React as text: markup in a review shows as the characters typed.

type Summary = {
  count: number
  average: number | null
  distribution: Array<{ stars: number; count: number; share: number }>
  fit: { fit: ReviewFitValue; share: number; total: number } | null
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
  /** The server's time when the page loaded: relative dates count from it on both sides. */
  now: string
  viewer: { signedIn: boolean; canReview: boolean; loginHref: string }
  actionData: ReviewActionData | undefined
}

export function ReviewsSection({
  summary,
  list,
  own,
  now,
  viewer,
  actionData,
}: ReviewsSectionProps) {
  const { t } = useTranslation('product')
  return (
    <section
      id="reviews"
      aria-labelledby="reviews-heading"
      className="mt-12 border-t border-stone-200 pt-8"
    >
      <h2 id="reviews-heading" className="text-xl font-semibold">
        {t('reviews.heading')}
      </h2>
      <div className="mt-6 grid gap-10 lg:grid-cols-[18rem_1fr]">
        <div className="space-y-6">
          <RatingSummary summary={summary} />
          {viewer.signedIn ? null : (
            <p
              className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-sm"
              data-testid="review-sign-in"
            >
              <Trans
                t={t}
                i18nKey="reviews.signInToReview"
                components={{ signin: <Link to={viewer.loginHref} className="link" /> }}
              />
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
            now={now}
            actionData={actionData?.intent === 'review' ? undefined : actionData}
          />
        </div>
      </div>
    </section>
  )
}

function RatingSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation('product')
  const f = useFormat()
  if (!summary.count || summary.average === null) {
    return (
      <p className="text-sm text-stone-600" data-testid="review-summary">
        {t('reviews.none')}
      </p>
    )
  }
  return (
    <div data-testid="review-summary">
      <p className="flex items-center gap-3">
        <span className="text-4xl font-bold" data-testid="review-average">
          {f.decimal(summary.average)}
        </span>
        <Stars rating={summary.average} size="lg" />
      </p>
      <p className="mt-1 text-sm text-stone-600" data-testid="review-count">
        {t('reviews.count', { count: summary.count })}
      </p>
      <ol className="mt-4 space-y-1" aria-label={t('reviews.distribution')}>
        {summary.distribution.map((row) => (
          <li key={row.stars} className="flex items-center gap-2 text-sm">
            <span className="w-14 shrink-0">{t('reviews.starRow', { count: row.stars })}</span>
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
              {f.number(row.count)}
            </span>
          </li>
        ))}
      </ol>
      {summary.fit ? (
        <p className="mt-4 text-sm font-medium" data-testid="review-fit">
          {t('reviews.fitSummary', { fit: t(`reviews.fitLower.${summary.fit.fit}`) })}{' '}
          <span className="font-normal text-stone-500">
            {t('reviews.fitShare', {
              share: f.percent(summary.fit.share),
              total: summary.fit.total,
            })}
          </span>
        </p>
      ) : null}
    </div>
  )
}

function OwnReviewStatus({ review }: { review: OwnReview }) {
  const { t } = useTranslation('product')
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
      <p className="font-semibold">
        {t('reviews.yours', { status: t(`reviews.status.${review.status}`) })}
      </p>
      {review.status === 'REJECTED' && review.rejectionReason ? (
        <p className="mt-1 whitespace-pre-line">
          {t('reviews.reason', {
            reason:
              review.rejectionReason === AUTHOR_BLOCKED_REASON
                ? t('reviews.authorBlocked')
                : review.rejectionReason,
          })}
        </p>
      ) : null}
      <div className="mt-2 flex items-center gap-2">
        <Stars rating={review.rating} />
        <span dir="auto" className="font-medium">
          {review.title}
        </span>
      </div>
      <p dir="auto" className="mt-1 whitespace-pre-line text-stone-700">
        {review.body}
      </p>
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
  const { t } = useTranslation('product')
  const navigation = useNavigation()
  const [validate, setValidate] = useState<typeof validateReview | null>(null)
  useEffect(() => {
    let live = true
    void import('./review-form-validation.ts').then((module) => {
      if (live) setValidate(() => module.validateReview)
    })
    return () => {
      live = false
    }
  }, [])
  const [form, fields] = useForm({
    id: 'review-form',
    lastResult,
    defaultValue: own
      ? { rating: String(own.rating), title: own.title, body: own.body, fit: own.fit ?? '' }
      : undefined,
    // Until the check has loaded (or with it failing to), the server checks the submission.
    onValidate: validate ? ({ formData }) => validate(formData) : undefined,
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
        {own ? t('reviews.edit') : t('reviews.write')}
      </h3>
      {own ? <p className="text-sm text-stone-600">{t('reviews.editedWaits')}</p> : null}
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
        label={t('reviews.titleLabel')}
        inputProps={{
          ...getInputProps(fields.title, { type: 'text' }),
          maxLength: REVIEW_TITLE_MAX,
        }}
        errors={fields.title.errors}
      />
      <TextareaField
        label={t('reviews.bodyLabel')}
        textareaProps={{ ...getTextareaProps(fields.body), rows: 5, maxLength: REVIEW_BODY_MAX }}
        errors={fields.body.errors}
      />
      {fitApplies ? (
        <div>
          <label htmlFor={fields.fit.id} className="block text-sm font-medium text-stone-800">
            {t('reviews.fitLabel')}
          </label>
          <select
            id={fields.fit.id}
            name={fields.fit.name}
            defaultValue={fields.fit.initialValue?.toString() ?? ''}
            className="mt-1 input w-auto"
          >
            <option value="">{t('reviews.fitNone')}</option>
            {REVIEW_FITS.map((fit) => (
              <option key={fit} value={fit}>
                {t(`reviews.fit.${fit}`)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.fit.errorId} errors={fields.fit.errors} />
        </div>
      ) : (
        // No fit question for this product, but a refusal about fit still needs a place.
        <ErrorList id={fields.fit.errorId} errors={fields.fit.errors} />
      )}
      <ErrorList id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {own ? t('reviews.resubmit') : t('reviews.submit')}
      </button>
    </Form>
  )
}

/** The sort as a GET form that keeps the other parameters and goes back to page 1; applies on change with JavaScript. */
function ReviewSortControl({ sort }: { sort: ReviewSort }) {
  const { t } = useTranslation('product')
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
        {t('reviews.sortLabel')}
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
            {t(`reviews.sort.${value}`)}
          </option>
        ))}
      </select>
      {hydrated ? null : (
        <button type="submit" className="btn-secondary py-1.5">
          {t('reviews.sortButton')}
        </button>
      )}
    </Form>
  )
}

function ReviewList({
  list,
  signedIn,
  now,
  actionData,
}: {
  list: ReviewsSectionProps['list']
  signedIn: boolean
  now: string
  actionData: Exclude<ReviewActionData, { intent: 'review' }> | undefined
}) {
  const { t } = useTranslation('product')
  const [params] = useSearchParams()
  return (
    <div>
      {/* With none yet, the summary already says so. */}
      {list.total > 0 ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-stone-600">{t('reviews.published', { count: list.total })}</p>
          {list.total > 1 ? <ReviewSortControl sort={list.sort} /> : null}
        </div>
      ) : null}
      <ol className="mt-4 divide-y divide-stone-200" data-testid="review-list">
        {list.reviews.map((review) => (
          <ReviewItem
            key={review.id}
            review={review}
            signedIn={signedIn}
            now={now}
            failure={actionData?.reviewId === review.id ? actionData : undefined}
          />
        ))}
      </ol>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        label={t('reviews.pages')}
        param="reviewPage"
      />
      {list.page > list.pageCount ? (
        <p className="mt-4 text-sm">
          <Link to={`?${withParams(params, { reviewPage: null })}#reviews`} className="link">
            {t('reviews.backToFirst')}
          </Link>
        </p>
      ) : null}
    </div>
  )
}

function ReviewItem({
  review,
  signedIn,
  now,
  failure,
}: {
  review: ReviewListItem
  signedIn: boolean
  now: string
  failure: Exclude<ReviewActionData, { intent: 'review' }> | undefined
}) {
  const { t } = useTranslation('product')
  const f = useFormat()
  const say = useValidationMessage()
  const navigation = useNavigation()
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('reviewId') === review.id
  return (
    <li className="py-5" data-testid="review">
      <div className="flex flex-wrap items-center gap-2">
        <Stars rating={review.rating} />
        <h3 dir="auto" className="font-semibold">
          {review.title}
        </h3>
      </div>
      <p className="mt-1 text-xs text-stone-500">
        <bdi>{review.author}</bdi> ·{' '}
        <time dateTime={new Date(review.createdAt).toISOString()} title={f.date(review.createdAt)}>
          {f.relative(review.createdAt, now)}
        </time>
        {review.verifiedPurchase ? (
          <span
            className="ms-2 rounded-full bg-green-100 px-2 py-0.5 font-medium text-green-800"
            data-testid="verified-purchase"
          >
            {t('reviews.verified')}
          </span>
        ) : null}
        {review.fit ? (
          <span className="ms-2">
            {t('reviews.fitShown', { fit: t(`reviews.fit.${review.fit}`) })}
          </span>
        ) : null}
      </p>
      <p dir="auto" className="mt-2 whitespace-pre-line text-stone-800">
        {review.body}
      </p>
      <div className="mt-3 flex flex-wrap items-start gap-4 text-sm">
        {review.helpfulCount > 0 ? (
          <span className="text-stone-500">
            {t('reviews.helpfulCount', { count: review.helpfulCount })}
          </span>
        ) : null}
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
                {review.votedHelpful ? t('reviews.youFoundHelpful') : t('reviews.helpful')}
              </button>
            </Form>
            {review.reported ? (
              <span className="text-stone-500">{t('reviews.youReported')}</span>
            ) : (
              <details open={failure?.intent === 'report' || undefined}>
                <summary className="cursor-pointer text-stone-600 hover:text-stone-900">
                  {t('reviews.report')}
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
                    label={t('reviews.reportLabel')}
                    placeholder={t('reviews.reportPlaceholder')}
                    maxLength={REPORT_REASON_MAX}
                    errors={failure?.fieldErrors?.reason}
                  />
                  <button type="submit" className="btn-danger py-1 text-sm" disabled={busy}>
                    {t('reviews.sendReport')}
                  </button>
                </Form>
              </details>
            )}
          </>
        ) : null}
      </div>
      {failure?.error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {say(failure.error)}
        </p>
      ) : null}
    </li>
  )
}

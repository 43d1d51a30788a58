import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import { AUTHOR_BLOCKED_REASON } from '~/services/reviews/limits.ts'
import { Stars } from '~/components/reviews/stars.tsx'
import type { OwnReview, ReviewsSectionProps, Summary } from './review-types.ts'
import { ReviewForm } from './review-form.tsx'
import { ReviewList } from './review-list.tsx'

// The product page's reviews: the summary (average, count, 5..1 bars, fit), the viewer's own
// review with its status, the form, then the approved reviews with sort and pages from the URL.
// Every text is rendered by React as text: markup in a review shows as the characters typed.

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

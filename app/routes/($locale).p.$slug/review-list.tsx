import { Form, Link, useNavigation, useSearchParams, useSubmit } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InlineReasonField, useValidationMessage } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { useFormat } from '~/i18n/use-locale.ts'
import { REPORT_REASON_MAX, REVIEW_SORTS, type ReviewSort } from '~/services/reviews/limits.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { withParams } from '~/utils/search-params.ts'
import { Stars } from '~/components/reviews/stars.tsx'
import type { ReviewActionData, ReviewListItem, ReviewsSectionProps } from './review-types.ts'

// The approved reviews of the product page: the sort control, the list with its pages, and one
// review with its helpful and report buttons.

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

export function ReviewList({
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

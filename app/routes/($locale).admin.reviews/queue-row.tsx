import { Form, Link, type useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { ErrorList, InlineReasonField } from '~/components/forms.tsx'
import { Stars } from '~/components/reviews/stars.tsx'
import { StatusBadge } from '~/components/user-badges.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { REJECTION_REASON_MAX } from '~/services/reviews/schemas.ts'
import type { loader } from './route.tsx'

// One review in the moderation queue: its text, its author's record, its reports, and approve or
// reject (with a reason). Its checkbox belongs to the bulk form above the list.

type QueueReview = ReturnType<typeof useLoaderData<typeof loader>>['reviews'][number]

export function QueueRow({
  review,
  failed,
  busy,
}: {
  review: QueueReview
  failed: { reason?: string[] | undefined; form?: string[] | undefined } | null
  busy: boolean
}) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const ref = `${review.id}:${review.version}`
  return (
    <li
      tabIndex={-1}
      data-queue-row
      className="card outline-none focus-within:ring-2 focus-within:ring-brand-500"
      data-testid="queue-row"
    >
      <div className="flex flex-wrap items-start gap-3">
        <input
          type="checkbox"
          name="reviews"
          value={ref}
          form="bulk"
          aria-label={t('reviews.tick', { title: review.title })}
          className="mt-1 size-4"
        />
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2">
            <Stars rating={review.rating} />
            <span className="font-semibold">{review.title}</span>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${review.status === 'APPROVED' ? 'bg-green-100 text-green-800' : 'bg-amber-100 text-amber-800'}`}
            >
              {review.status === 'APPROVED'
                ? t('reviews.publishedReported')
                : review.status === 'REJECTED'
                  ? t('reviews.rejectedReported')
                  : t('reviews.pending')}
            </span>
            {review.verifiedPurchase ? (
              <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs text-green-800">
                {t('reviews.verified')}
              </span>
            ) : null}
          </p>
          <p className="mt-1 text-sm text-stone-600">
            <Trans
              t={t}
              i18nKey="reviews.on"
              components={{
                product: (
                  <Link to={lp(`/p/${review.product.slug}`)} className="link">
                    {review.product.title}
                  </Link>
                ),
              }}
            />
            {t('common.separator')}
            {t('reviews.waitingSince', {
              date: review.queuedAt ? f.dateTime(review.queuedAt) : t('common.none'),
            })}
            {review.fit ? (
              <>
                {t('common.separator')}
                {t('reviews.fit', { fit: t(`reviews.fits.${review.fit}`) })}
              </>
            ) : null}
          </p>
          <p className="mt-2 whitespace-pre-line text-stone-800">{review.body}</p>
          <p
            className="mt-3 flex flex-wrap items-center gap-2 text-sm text-stone-600"
            data-testid="author-history"
          >
            <span>
              <Trans
                t={t}
                i18nKey="reviews.by"
                components={{
                  author: (
                    <Link to={lp(`/admin/users/${review.user.id}`)} className="link">
                      {review.user.name}
                    </Link>
                  ),
                  email: <bdi>{review.user.email}</bdi>,
                }}
              />
            </span>
            <StatusBadge status={review.user.status} />
            <span>
              {t('reviews.history', {
                approved: review.authorHistory.APPROVED,
                rejected: review.authorHistory.REJECTED,
                pending: review.authorHistory.PENDING,
              })}
            </span>
          </p>
          {review.reports.length ? (
            <div className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-900">
              <p className="font-medium">
                {t('reviews.reports', { count: review.reports.length })}
              </p>
              <ul className="mt-1 list-disc ps-5">
                {review.reports.map((report) => (
                  <li key={report.id}>
                    {t('reviews.report', {
                      reason: report.reason,
                      name: report.user.name,
                      date: f.dateTime(report.createdAt),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-start gap-2 border-t border-stone-100 pt-3">
        <Form method="post">
          <input type="hidden" name="review" value={ref} />
          <button
            type="submit"
            name="intent"
            value="approve"
            className="btn-primary"
            data-shortcut="approve"
            disabled={busy}
          >
            {review.status === 'APPROVED' ? t('reviews.keepPublished') : t('reviews.approve')}
          </button>
        </Form>
        <Form method="post" className="flex flex-wrap items-start gap-2">
          <input type="hidden" name="review" value={ref} />
          <InlineReasonField
            id={`reason-${review.id}`}
            label={t('reviews.reasonLabel', { title: review.title })}
            placeholder={t('reviews.reasonPlaceholder')}
            maxLength={REJECTION_REASON_MAX}
            errors={failed?.reason}
            inputProps={{ 'data-shortcut': 'reject-reason' }}
          />
          <button type="submit" name="intent" value="reject" className="btn-danger" disabled={busy}>
            {t('reviews.reject')}
          </button>
          <ErrorList errors={failed?.form} />
        </Form>
      </div>
    </li>
  )
}

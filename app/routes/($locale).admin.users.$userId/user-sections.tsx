import { Link, type useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { AuditDetails, useAuditVocabulary } from '~/components/audit-details.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { AUTHOR_BLOCKED_REASON } from '~/services/reviews/schemas.ts'
import type { loader } from './route.tsx'

// The admin's page of one person: the account's facts, their activity, their reviews and the
// history of what admins did to the account.

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export function AccountSection({ user, lastSeenAt }: Pick<PageData, 'user' | 'lastSeenAt'>) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  return (
    <section aria-labelledby="account-heading" className="card">
      <h2 id="account-heading" className="text-lg font-semibold">
        {t('user.account')}
      </h2>
      <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <Fact label={t('user.accountId')}>
          <code className="text-xs break-all" dir="ltr">
            {user.id}
          </code>
        </Fact>
        <Fact label={t('user.joined')}>{f.date(user.createdAt)}</Fact>
        <Fact label={t('user.lastSeen')}>
          {lastSeenAt ? f.dateTime(lastSeenAt) : t('user.noSession')}
        </Fact>
        <Fact label={t('user.shop')}>
          {user.shop ? (
            <>
              <bdi>{user.shop.name}</bdi>{' '}
              <span className="text-stone-500" dir="ltr">
                ({user.shop.slug})
              </span>
              {user.shop.status === 'SUSPENDED' ? (
                <span className="ms-1 font-semibold text-red-700">{t('user.shopSuspended')}</span>
              ) : null}
            </>
          ) : (
            t('user.noShop')
          )}
        </Fact>
      </dl>
    </section>
  )
}

export function ActivitySection({ activity }: Pick<PageData, 'activity'>) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <section aria-labelledby="activity-heading" className="card">
      <h2 id="activity-heading" className="text-lg font-semibold">
        {t('user.activity')}
      </h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-3">
        {activity.map((fact) => (
          <div
            key={fact.key}
            className="rounded-md bg-stone-50 p-3"
            data-testid={`activity-${fact.key}`}
          >
            <dt className="text-xs font-medium tracking-wide text-stone-500 uppercase">
              {t(`user.activityFacts.${fact.key}`)}
            </dt>
            <dd className="mt-1 text-2xl font-semibold">
              {fact.href ? (
                <Link to={lp(fact.href)}>{f.number(fact.value)}</Link>
              ) : (
                f.number(fact.value)
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

const REVIEW_STATUS_STYLES = {
  PENDING: 'bg-amber-100 text-amber-800',
  APPROVED: 'bg-green-100 text-green-800',
  REJECTED: 'bg-red-100 text-red-800',
} as const

export function UserReviews({
  reviews,
}: {
  reviews: ReturnType<typeof useLoaderData<typeof loader>>['reviews']['reviews']
}) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <section aria-labelledby="reviews-heading" className="card">
      <h2 id="reviews-heading" className="text-lg font-semibold">
        {t('user.reviews')}
      </h2>
      {reviews.length ? (
        <ol className="mt-4 divide-y divide-stone-100 text-sm" data-testid="user-reviews">
          {reviews.map((review) => (
            <li key={review.id} className="py-3">
              <p className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-semibold ${REVIEW_STATUS_STYLES[review.status]}`}
                >
                  {t(`reviewStatus.${review.status}`)}
                </span>
                <span className="font-medium">{review.title}</span>
                <span className="text-stone-500">
                  <Trans
                    t={t}
                    i18nKey="user.reviewOn"
                    values={{ rating: review.rating, date: f.date(review.createdAt) }}
                    components={{
                      product: (
                        <Link to={lp(`/p/${review.product.slug}`)} className="link">
                          {review.product.title}
                        </Link>
                      ),
                    }}
                  />
                  {review.reportCount ? (
                    <>
                      {t('common.separator')}
                      {t('user.openReports', { count: review.reportCount })}
                    </>
                  ) : null}
                </span>
              </p>
              {review.rejectionReason ? (
                <p className="mt-1 text-stone-600">
                  {t('user.rejectedBecause', {
                    reason:
                      review.rejectionReason === AUTHOR_BLOCKED_REASON
                        ? t('user.authorBlocked')
                        : review.rejectionReason,
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-4 text-sm text-stone-600">{t('user.noReviews')}</p>
      )}
    </section>
  )
}

export function HistorySection({
  userId,
  history,
}: {
  userId: string
  history: PageData['history']
}) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const vocabulary = useAuditVocabulary()
  return (
    <section aria-labelledby="history-heading" className="card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t('user.history')}
        </h2>
        <Link
          to={lp(`/admin/audit?${new URLSearchParams({ type: 'USER', target: userId })}`)}
          className="text-sm link"
        >
          {t('user.historyAll')}
        </Link>
      </div>
      {history.length ? (
        <ol className="mt-4 divide-y divide-stone-100 text-sm">
          {history.map((entry) => (
            <li key={entry.id} className="py-3">
              <p>
                <Trans
                  t={t}
                  i18nKey="user.historyEntry"
                  values={{ actor: entry.actorLabel }}
                  components={{
                    action: <span className="font-medium">{vocabulary.action(entry.action)}</span>,
                  }}
                />
                <span className="text-stone-500">
                  {t('common.separator')}
                  {f.dateTime(entry.createdAt)}
                </span>
              </p>
              {entry.reason ? (
                <p className="mt-1 whitespace-pre-line text-stone-700">
                  {t('common.quoted', { text: entry.reason })}
                </p>
              ) : null}
              <div className="mt-1">
                <AuditDetails details={entry.details} />
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-4 text-sm text-stone-600">{t('user.historyEmpty')}</p>
      )}
    </section>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium">{children}</dd>
    </div>
  )
}

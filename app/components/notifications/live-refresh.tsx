import { useState } from 'react'
import { useLocation, useRevalidator } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import type { NotificationKind } from '~/services/notifications/kinds.ts'
import { useLiveNotifications } from './live.ts'

/**
 * Keeps a list page up to date from the live notification stream (live.ts): when a notification
 * of one of `kinds` arrives, either the page's loaders run again at once (`auto`, for a list
 * with nothing to type into) or a banner offers to show the new rows (a queue with forms, where
 * rows must not move under the pointer). Without JavaScript nothing shows: a reload does it.
 */
export function LiveRefresh({
  kinds,
  messageKey,
  auto = false,
}: {
  kinds: readonly NotificationKind[]
  /** A `notifications` catalogue key with `_one`/`_other` forms, given `count` and `n`. */
  messageKey: 'live.newOrders' | 'live.newReviews'
  auto?: boolean
}) {
  const { t } = useTranslation('notifications')
  const { number } = useFormat()
  const revalidator = useRevalidator()
  const location = useLocation()
  // Counted per location: a navigation (a filter, a page, a decision) brings fresh rows, so
  // the banner has said its part.
  const [seen, setSeen] = useState<{ key: string; count: number }>({ key: '', count: 0 })
  const count = seen.key === location.key ? seen.count : 0
  const setCount = (next: number) => setSeen({ key: location.key, count: next })
  useLiveNotifications((notification) => {
    if (!kinds.includes(notification.kind)) return
    setCount(count + 1)
    if (auto) revalidator.revalidate()
  })
  const message = count ? t(messageKey, { count, n: number(count) }) : ''
  return (
    <div role="status" aria-live="polite" data-testid="live-refresh">
      {count && !auto ? (
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-sm">
          <span className="font-medium text-brand-900">{message}</span>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setCount(0)
              revalidator.revalidate()
            }}
          >
            {t('live.show')}
          </button>
        </div>
      ) : (
        <span className="sr-only">{message}</span>
      )}
    </div>
  )
}

import { NavLink } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { useLiveNotifications, useNotificationStream } from './live.ts'

/**
 * The bell in the header: a link to /notifications with the unread count (a plain link without
 * JavaScript), kept up to date by the live stream with it.
 */
export function NotificationBell({ unread, latestId }: { unread: number; latestId: string }) {
  const { t } = useTranslation('notifications')
  const lp = useLocalePath()
  const { number } = useFormat()
  // The live count holds until a navigation brings a fresh one (after marking read, say).
  const [live, setLive] = useState<{ from: number; count: number } | null>(null)
  const count = live && live.from === unread ? live.count : unread
  useNotificationStream(latestId)
  useLiveNotifications((notification) => setLive({ from: unread, count: notification.unread }))
  const label = count ? t('bell.labelWithCount', { count, n: number(count) }) : t('bell.label')
  return (
    <NavLink
      to={lp('/notifications')}
      className="relative inline-flex items-center rounded-md p-2 text-stone-800 hover:bg-stone-100"
      aria-label={label}
      data-testid="notification-bell"
      data-count={count}
    >
      <svg
        aria-hidden
        width="24"
        height="24"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 10a6 6 0 1 1 12 0c0 5 2 6.5 2 6.5H4S6 15 6 10Z" />
        <path d="M10 19.5a2 2 0 0 0 4 0" />
      </svg>
      {count ? (
        <span
          aria-hidden
          className="absolute -end-0.5 -top-0.5 min-w-5 rounded-full bg-brand-600 px-1 text-center text-xs leading-5 font-bold text-white"
        >
          {count > 99 ? t('bell.many', { n: number(99) }) : number(count)}
        </span>
      ) : null}
    </NavLink>
  )
}

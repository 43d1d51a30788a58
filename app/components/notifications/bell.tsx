import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HeaderIconLink } from '~/components/header-icon-link.tsx'
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
  // The live count holds until the loader brings a fresh badge (after marking read, say). The
  // badge is told apart by its newest id too: marking read can bring the unread count back to
  // the very number the page had before the live one arrived.
  const badge = `${unread}:${latestId}`
  const [live, setLive] = useState<{ from: string; count: number } | null>(null)
  const count = live && live.from === badge ? live.count : unread
  useNotificationStream(latestId)
  useLiveNotifications((notification) => setLive({ from: badge, count: notification.unread }))
  const label = count ? t('bell.labelWithCount', { count, n: number(count) }) : t('bell.label')
  return (
    <HeaderIconLink
      to={lp('/notifications')}
      label={label}
      count={count}
      many={t('bell.many', { n: number(99) })}
      testId="notification-bell"
    >
      <path d="M6 10a6 6 0 1 1 12 0c0 5 2 6.5 2 6.5H4S6 15 6 10Z" />
      <path d="M10 19.5a2 2 0 0 0 4 0" />
    </HeaderIconLink>
  )
}

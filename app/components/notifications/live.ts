import { useEffect, useRef } from 'react'
import type { NotificationView } from '~/services/notifications/kinds.ts'

// One EventSource per page (opened by <NotificationStream> in the root), shared by every part of
// the page that reacts to new notifications: the bell, the notification list, the seller's
// orders and the admin's review queue. The browser reconnects by itself and sends the last
// event id back, so the server resumes exactly after it.

export type LiveNotification = NotificationView & { unread: number }

const target = typeof window === 'undefined' ? null : new EventTarget()

/** Calls `handler` for every notification pushed to this page. */
export function useLiveNotifications(handler: (notification: LiveNotification) => void) {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    if (!target) return
    const listener = (event: Event) =>
      latest.current((event as CustomEvent<LiveNotification>).detail)
    target.addEventListener('notification', listener)
    return () => target.removeEventListener('notification', listener)
  }, [])
}

/** Opens the live stream from the newest notification the page was rendered with. */
export function useNotificationStream(after: string | null) {
  // The first value only: later renders (after a revalidation) must not reopen the stream.
  const start = useRef(after)
  const enabled = after !== null
  useEffect(() => {
    if (!enabled || !target || typeof EventSource === 'undefined') return
    const source = new EventSource(`/notifications/stream?after=${start.current ?? '0'}`)
    source.addEventListener('notification', (event) => {
      try {
        const detail = JSON.parse((event as MessageEvent<string>).data) as LiveNotification
        target.dispatchEvent(new CustomEvent('notification', { detail }))
      } catch {
        // A malformed event is skipped; the next one carries the count again.
      }
    })
    return () => source.close()
  }, [enabled])
}

import { BUS_RESUMED, liveBus, type LiveBus } from '~/infra/live/bus.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { countUnread, listNotificationsAfter } from './notifications.server.ts'
import { NOTIFICATIONS_TOPIC } from './notify.server.ts'

// A person's live notifications as Server-Sent Events. The stored rows are the truth: the bus
// only says "something new for user X", and the stream then sends every row after the last id
// it sent, each with its id as the event id. A page that reconnects sends that id back
// (Last-Event-ID) and gets exactly the rows after it, so a dropped connection misses nothing.
// notify() commits one person's rows in id order (see notify.server.ts), so "after the last id"
// never skips a row that commits late.

const BATCH = 100

export type StreamOptions = {
  userId: string
  /** The last id the page has (Last-Event-ID, or the newest id when the page was rendered). */
  after: bigint
  signal: AbortSignal
  bus?: LiveBus
  heartbeatMs?: number
}

export function notificationStream({
  userId,
  after,
  signal,
  bus = liveBus,
  heartbeatMs = 25_000,
}: StreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let last = after
  let closed = false
  let running = false
  let again = false
  let stop = () => {}
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text))
      }
      // One catch-up at a time; a wake-up during one runs another after it.
      const catchUp = async () => {
        if (running) {
          again = true
          return
        }
        running = true
        try {
          do {
            again = false
            const rows = await listNotificationsAfter(userId, last, BATCH)
            if (!rows.length || closed) continue
            const unread = await countUnread(userId)
            for (const row of rows) {
              send(
                `id: ${row.id}\nevent: notification\ndata: ${JSON.stringify({ ...row, unread })}\n\n`,
              )
              last = BigInt(row.id)
            }
            if (rows.length === BATCH) again = true
          } while (again && !closed)
        } catch (error) {
          // The next wake-up (or the page's reconnection) tries again from the same id.
          logger.warn({ err: error, userId }, 'Live notifications: catching up failed')
        } finally {
          running = false
        }
      }
      const unsubscribe = await bus.subscribe(NOTIFICATIONS_TOPIC, (message) => {
        // Hints sent while the bus was away are lost: look at the stored rows.
        if (message === BUS_RESUMED) return void catchUp()
        try {
          const hint = JSON.parse(message) as { userId?: unknown; id?: unknown }
          if (hint.userId === userId && typeof hint.id === 'string' && BigInt(hint.id) > last)
            void catchUp()
        } catch {
          // Not ours to read.
        }
      })
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), heartbeatMs)
      stop = () => {
        if (closed) return
        closed = true
        clearInterval(heartbeat)
        unsubscribe()
        try {
          controller.close()
        } catch {
          // Already closed by the reader.
        }
      }
      if (signal.aborted) return stop()
      signal.addEventListener('abort', () => stop(), { once: true })
      // Subscribed before the first catch-up, so nothing between the two is missed.
      send('retry: 3000\n\n')
      await catchUp()
    },
    cancel() {
      stop()
    },
  })
}

/** The id to resume after: Last-Event-ID when the browser reconnects, else the page's `after`. */
export function resumeId(request: Request): bigint {
  const header = request.headers.get('Last-Event-ID')
  const query = new URL(request.url).searchParams.get('after')
  for (const value of [header, query]) {
    if (value && /^\d{1,19}$/.test(value)) return BigInt(value)
  }
  return 0n
}

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: the compression middleware leaves the stream alone (gzip would hold events
  // back in its buffer), and so do proxies that honour it.
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
}

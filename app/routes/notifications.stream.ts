import type { LoaderFunctionArgs } from '@remix-run/node'
import { shutdownSignal } from '~/infra/shutdown.server.ts'
import { getUser } from '~/services/accounts/auth.server.ts'
import {
  notificationStream,
  resumeId,
  SSE_HEADERS,
} from '~/services/notifications/stream.server.ts'

// The signed-in person's notifications, live (Server-Sent Events); see stream.server.ts.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (!user) return new Response(null, { status: 401, headers: { 'Cache-Control': 'no-store' } })
  const body = notificationStream({
    userId: user.id,
    after: resumeId(request),
    // Ends when the page goes away, or when this process stops (the page reconnects elsewhere).
    signal: AbortSignal.any([request.signal, shutdownSignal]),
  })
  return new Response(body, { headers: SSE_HEADERS })
}

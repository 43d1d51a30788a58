import type { LoaderFunctionArgs } from '@remix-run/node'
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
    signal: request.signal,
  })
  return new Response(body, { headers: SSE_HEADERS })
}

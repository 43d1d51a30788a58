import { AsyncLocalStorage } from 'node:async_hooks'
import { singleton } from './singleton.server.ts'

// Per-request facts available anywhere below the request without threading them through calls:
// the request id (for every log line) and how many database round trips the request made.
export type RequestContext = { requestId: string; roundTrips?: number }

export const requestContext = singleton(
  'request-context',
  () => new AsyncLocalStorage<RequestContext>(),
)

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId
}

/** Called by the database client for every query it sends. */
export function countRoundTrip() {
  const store = requestContext.getStore()
  if (store) store.roundTrips = (store.roundTrips ?? 0) + 1
}

import { AsyncLocalStorage } from 'node:async_hooks'
import type { Span } from '@opentelemetry/api'
import { singleton } from './singleton.server.ts'

// Per-request facts available anywhere below the request without threading them through calls:
// the request id (for every log line) and how many database round trips the request made.
export type RequestContext = {
  requestId: string
  roundTrips?: number
  /** Values computed once per HTTP request (see oncePerRequest). */
  memo?: Map<string, unknown>
  /** What the page being rendered shows, for the page cache (see tagPage). */
  pageTags?: Set<string>
  /** The HTTP request's span, when traces are exported (named after its route by app/server/tracing.ts). */
  span?: Span
  routeDepth?: number
  /** A loader or action failed because the database could not be reached: the answer is a 503. */
  databaseUnavailable?: boolean
}

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

/**
 * Computes a value once per HTTP request for reads: Remix hands every loader its own copy of the
 * Request, so a WeakMap on the Request object would not share between the root's loader and the
 * page's. Outside a request (tests calling a loader directly) it computes every time.
 */
export function onceForRequest<T>(request: Request, key: string, compute: () => T): T {
  const store = requestContext.getStore()
  // An action changes things the loaders after it must read afresh.
  if (!store || (request.method !== 'GET' && request.method !== 'HEAD')) return compute()
  store.memo ??= new Map()
  if (!store.memo.has(key)) store.memo.set(key, compute())
  return store.memo.get(key) as T
}

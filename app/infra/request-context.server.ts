import { AsyncLocalStorage } from 'node:async_hooks'
import { singleton } from './singleton.server.ts'

// Per-request facts (the request id) available to every log line without threading them through calls.
export type RequestContext = { requestId: string }

export const requestContext = singleton(
  'request-context',
  () => new AsyncLocalStorage<RequestContext>(),
)

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId
}

import { createHash } from 'node:crypto'
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentAnswer,
} from '~/services/accounts/api-idempotency.server.ts'
import { DomainError } from '~/utils/domain-error.ts'

// Replaying by Idempotency-Key (the key is read in endpoint.server.ts): a retry of the same request gets the
// first one's answer (waiting while it runs), another request under the same key is refused.

/** What makes two requests the same request: method, path and the body as parsed. */
export function fingerprint(request: Request, body: unknown) {
  const { pathname } = new URL(request.url)
  return createHash('sha256')
    .update(`${request.method} ${pathname}\n${JSON.stringify(body ?? null)}`)
    .digest('hex')
}

const REPLAY_WAIT_MS = 10_000
const REPLAY_POLL_MS = 50

/**
 * Runs the request once per key: the first claims the key and stores its answer (a refusal
 * frees the key, as nothing was done); a retry of the same request gets that answer, waiting for
 * it while the first still runs; another request under the same key is refused.
 */
export async function idempotently(
  userId: string,
  key: string,
  print: string,
  rateHeaders: Record<string, string>,
  run: () => Promise<Response>,
): Promise<Response> {
  const deadline = Date.now() + REPLAY_WAIT_MS
  for (;;) {
    const claim = await claimIdempotencyKey(userId, key, print)
    if (claim.claimed) {
      let response: Response
      try {
        response = await run()
      } catch (error) {
        await releaseIdempotencyKey(claim.id)
        throw error
      }
      await storeIdempotentAnswer(claim.id, {
        status: response.status,
        body: await response.clone().text(),
        location: response.headers.get('Location'),
      })
      return response
    }
    if (claim.fingerprint !== print)
      throw new DomainError(
        'invalid',
        'idempotency-key-reused',
        'This Idempotency-Key was sent with another request: use a new key for a new request.',
      )
    if (claim.answer) {
      const { status, body, location } = claim.answer
      const headers = new Headers({ ...rateHeaders, 'Idempotent-Replayed': 'true' })
      headers.set('Cache-Control', 'no-store')
      if (location) headers.set('Location', location)
      if (body) headers.set('Content-Type', 'application/json; charset=utf-8')
      return new Response(body || null, { status, headers })
    }
    if (Date.now() >= deadline)
      throw new DomainError(
        'conflict',
        'idempotency-key-in-use',
        'A request with this Idempotency-Key is still running: retry in a moment.',
        { retryAt: new Date(Date.now() + 1000) },
      )
    await new Promise((resolve) => setTimeout(resolve, REPLAY_POLL_MS))
  }
}

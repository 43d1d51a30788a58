import { RateLimiterRes } from 'rate-limiter-flexible'
import { createLimiter } from '~/infra/rate-limit.server.ts'
import { singleton } from '~/infra/singleton.server.ts'

// Rate limits of /api/v1: per token (or signed-in account) and, without either, per address.
// Announced with the IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers):
// `RateLimit-Policy: "token";q=600;w=60` and `RateLimit: "token";r=599;t=42`.

export const API_LIMITS = {
  token: { points: 600, durationSeconds: 60 },
  address: { points: 120, durationSeconds: 60 },
} as const
export type ApiLimitName = keyof typeof API_LIMITS

export const apiLimiters = () =>
  singleton('api-limiters', () => ({
    token: createLimiter({ name: 'api-token', ...API_LIMITS.token }),
    address: createLimiter({ name: 'api-address', ...API_LIMITS.address }),
  }))

export type RateDecision = { allowed: boolean; headers: Record<string, string> }

/** Counts one request against `key` under the named policy; refused ones are not counted. */
export async function consumeApiRequest(name: ApiLimitName, key: string): Promise<RateDecision> {
  const { points, durationSeconds } = API_LIMITS[name]
  const policy = `"${name}";q=${points};w=${durationSeconds}`
  try {
    const state = await apiLimiters()[name].consume(key)
    return { allowed: true, headers: rateHeaders(policy, name, state) }
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    const headers = rateHeaders(policy, name, rejection)
    headers['Retry-After'] = String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)))
    return { allowed: false, headers }
  }
}

function rateHeaders(policy: string, name: string, state: RateLimiterRes): Record<string, string> {
  const remaining = Math.max(0, state.remainingPoints)
  const reset = Math.max(0, Math.ceil(state.msBeforeNext / 1000))
  return { 'RateLimit-Policy': policy, RateLimit: `"${name}";r=${remaining};t=${reset}` }
}

import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'
import { redis, redisKey } from './redis.server.ts'
import { businessMetrics } from './business-metrics.server.ts'

export type Limiter = RateLimiterAbstract

/**
 * While the connection to Redis is lost, counts in memory at once instead of waiting for a
 * reconnection (a login would otherwise wait for the command timeout); a first connection still
 * being made is waited for. rate-limiter-flexible asks `_isRedisReady` when
 * `rejectIfRedisNotReady` is set; the Redis-down drill (tests/drills) checks the effect.
 */
class FailFastRedisLimiter extends RateLimiterRedis {
  _isRedisReady() {
    const status = redis?.status
    return status !== 'reconnecting' && status !== 'close' && status !== 'end'
  }
}

/**
 * A counter of events per key within a window, in Redis when configured (shared by every app
 * instance) and in memory otherwise. A Redis outage falls back to the in-memory counter
 * instead of failing the request.
 */
export function createLimiter({
  name,
  points,
  durationSeconds,
}: {
  name: string
  points: number
  durationSeconds: number
}): Limiter {
  const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds })
  const limiter = redis
    ? new FailFastRedisLimiter({
        storeClient: redis,
        keyPrefix: redisKey('rl', name),
        points,
        duration: durationSeconds,
        insuranceLimiter: memory,
        rejectIfRedisNotReady: true,
      })
    : memory
  names.set(limiter, name)
  return limiter
}

/** Limiters' names, the label of their refusals on /metrics. */
const names = new WeakMap<Limiter, string>()

function countRefusal(limiter: Limiter) {
  businessMetrics.rateLimitRefusals.inc({ limiter: names.get(limiter) ?? 'unnamed' })
}

/** Milliseconds until `key` may try again, or 0 when it is under the limit. */
export async function msUntilAllowed(limiter: Limiter, key: string): Promise<number> {
  const state = await limiter.get(key)
  if (!state || state.consumedPoints < limiter.points) return 0
  countRefusal(limiter)
  return state.msBeforeNext
}

/** Counts one event (a failure) against `key`; never throws when the limit is passed. */
export async function recordEvent(limiter: Limiter, key: string): Promise<void> {
  await limiter.penalty(key, 1)
}

/**
 * Counts one event against `key` when it is under the limit and returns 0; otherwise counts
 * nothing and returns the milliseconds until it may try again.
 */
export async function consumeOrWait(limiter: Limiter, key: string): Promise<number> {
  try {
    await limiter.consume(key)
    return 0
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      countRefusal(limiter)
      return Math.max(1, rejection.msBeforeNext)
    }
    throw rejection
  }
}

import { Redis } from 'ioredis'
import { getEnv } from './env.server.ts'
import { logger } from './logger.server.ts'
import { singleton } from './singleton.server.ts'

/** How long a request waits for Redis before doing without it. */
export const REDIS_COMMAND_TIMEOUT_MS = 1000

/**
 * The shared Redis connection, or null when REDIS_URL is unset: then Redis-backed features
 * (rate limits ...) use in-process implementations, which is fine on one machine.
 */
export const redis: Redis | null = singleton('redis', () => {
  const env = getEnv()
  if (!env.REDIS_URL) return null
  // A command Redis has not answered within a second fails, so a Redis that is down (commands
  // waiting for a reconnection) costs a request at most that: rate limits then count in memory
  // and pages are rendered (docs/operations.md, "Fault drills").
  const client = new Redis(env.REDIS_URL, {
    maxRetriesPerRequest: 2,
    connectTimeout: 2000,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
  })
  client.on('error', (error) => logger.warn({ err: error }, 'Redis connection error'))
  return client
})

/** Every Redis key this app writes starts with REDIS_PREFIX, so environments can share a server. */
export function redisKey(...parts: string[]) {
  return getEnv().REDIS_PREFIX + parts.join(':')
}

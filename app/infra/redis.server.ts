import { Redis } from 'ioredis'
import { getEnv } from './env.server.ts'
import { logger } from './logger.server.ts'
import { singleton } from './singleton.server.ts'

/**
 * The shared Redis connection, or null when REDIS_URL is unset: then Redis-backed features
 * (rate limits ...) use in-process implementations, which is fine on one machine.
 */
export const redis: Redis | null = singleton('redis', () => {
  const env = getEnv()
  if (!env.REDIS_URL) return null
  const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, connectTimeout: 2000 })
  client.on('error', (error) => logger.warn({ err: error }, 'Redis connection error'))
  return client
})

/** Every Redis key this app writes starts with REDIS_PREFIX, so environments can share a server. */
export function redisKey(...parts: string[]) {
  return getEnv().REDIS_PREFIX + parts.join(':')
}

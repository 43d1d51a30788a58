import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from '~/infra/env.server.ts'

describe('parseEnv', () => {
  test('development runs on embedded and in-process defaults', () => {
    const env = parseEnv({ NODE_ENV: 'development' })
    expect(env.embeddedPostgres).toBe(true)
    expect(env.databaseUrl).toBe('postgresql://postgres:postgres@127.0.0.1:54329/shikposh')
    expect(env.REDIS_URL).toBeUndefined()
    expect(env.PORT).toBe(3000)
    expect(env.STORE_CURRENCY).toBe('USD')
    expect(env.STORE_TIMEZONE).toBe('UTC')
  })

  test('production names every missing service', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL, REDIS_URL, SESSION_SECRET/)
    expect(() =>
      parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x', SESSION_SECRET: 'x'.repeat(32) }),
    ).toThrow(/Missing required environment variable for production: REDIS_URL$/)
  })

  test('a malformed value is named with what is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL: must be a URL/)
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT:/)
    expect(() => parseEnv({ STORE_CURRENCY: 'dollars' })).toThrow(/STORE_CURRENCY: must be an ISO 4217 code/)
    expect(() => parseEnv({ STORE_TIMEZONE: 'Mars/Olympus' })).toThrow(/STORE_TIMEZONE: must be an IANA time zone/)
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/)
  })

  test('an empty variable counts as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', REDIS_URL: '  ' })
    expect(env.embeddedPostgres).toBe(true)
    expect(env.REDIS_URL).toBeUndefined()
  })
})

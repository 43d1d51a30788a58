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
    expect(env.embeddedMeilisearch).toBe(true)
    expect(env.meiliHost).toBe('http://127.0.0.1:7700')
  })

  test('search points at a real cluster when MEILI_HOST is set', () => {
    const env = parseEnv({ MEILI_HOST: 'https://search.example.com', MEILI_MASTER_KEY: 'secret', EMBEDDED_MEILI_PORT: '7703' })
    expect(env.embeddedMeilisearch).toBe(false)
    expect(env.meiliHost).toBe('https://search.example.com')
    expect(parseEnv({ EMBEDDED_MEILI_PORT: '7703' }).meiliHost).toBe('http://127.0.0.1:7703')
    expect(() => parseEnv({ MEILI_INDEX_PREFIX: 'a b' })).toThrow(/MEILI_INDEX_PREFIX/)
  })

  test('production names every missing service', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL, REDIS_URL, SESSION_SECRET, MEILI_HOST, MEILI_MASTER_KEY/)
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgresql://db/x',
        SESSION_SECRET: 'x'.repeat(32),
        MEILI_HOST: 'https://search.example.com',
        MEILI_MASTER_KEY: 'k',
      }),
    ).toThrow(/Missing required environment variable for production: REDIS_URL$/)
  })

  test('a malformed value is named with what is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL: must be a URL/)
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT:/)
    expect(() => parseEnv({ STORE_CURRENCY: 'dollars' })).toThrow(/STORE_CURRENCY: must be an ISO 4217 code/)
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/)
  })

  test('an empty variable counts as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', REDIS_URL: '  ' })
    expect(env.embeddedPostgres).toBe(true)
    expect(env.REDIS_URL).toBeUndefined()
  })
})

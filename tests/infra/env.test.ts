import { mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
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
    expect(env.embeddedMeilisearch).toBe(true)
    expect(env.meiliHost).toBe('http://127.0.0.1:7700')
  })

  test('search points at a real cluster when MEILI_HOST is set', () => {
    const env = parseEnv({
      MEILI_HOST: 'https://search.example.com',
      MEILI_MASTER_KEY: 'secret',
      EMBEDDED_MEILI_PORT: '7703',
    })
    expect(env.embeddedMeilisearch).toBe(false)
    expect(env.meiliHost).toBe('https://search.example.com')
    expect(parseEnv({ EMBEDDED_MEILI_PORT: '7703' }).meiliHost).toBe('http://127.0.0.1:7703')
    expect(() => parseEnv({ MEILI_INDEX_PREFIX: 'a b' })).toThrow(/MEILI_INDEX_PREFIX/)
  })

  test('a production deployment (DATABASE_URL set) names every missing service', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x' })).toThrow(
      EnvError,
    )
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x' })).toThrow(
      /APP_URL, REDIS_URL, SESSION_SECRET, MEILI_HOST, MEILI_MASTER_KEY, SMTP_URL, S3_BUCKET/,
    )
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        APP_URL: 'https://shop.example',
        DATABASE_URL: 'postgresql://db/x',
        SESSION_SECRET: 'x'.repeat(32),
        MEILI_HOST: 'https://search.example.com',
        MEILI_MASTER_KEY: 'k',
        SMTP_URL: 'smtp://mail:587',
        S3_BUCKET: 'images',
      }),
    ).toThrow(/production deployment \(DATABASE_URL is set\): REDIS_URL$/)
  })

  test('a deployment runs one web process per core unless WEB_CONCURRENCY says; more than one needs shared services', () => {
    const deployment = {
      NODE_ENV: 'production',
      APP_URL: 'https://shop.example',
      DATABASE_URL: 'postgresql://db/x',
      REDIS_URL: 'redis://cache:6379',
      SESSION_SECRET: 'x'.repeat(32),
      MEILI_HOST: 'https://search.example.com',
      MEILI_MASTER_KEY: 'k',
      SMTP_URL: 'smtp://mail:587',
      S3_BUCKET: 'images',
    }
    expect(parseEnv(deployment).webProcesses).toBe(availableParallelism())
    expect(parseEnv({ ...deployment, WEB_CONCURRENCY: '3' }).webProcesses).toBe(3)
    expect(parseEnv(deployment).WEB_HEAP_MB).toBe(256)
    // Development, tests and the embedded default: the server alone in its process.
    expect(parseEnv({ NODE_ENV: 'development' }).webProcesses).toBe(0)
    expect(parseEnv({ NODE_ENV: 'production' }).webProcesses).toBe(0)
    expect(() => parseEnv({ WEB_CONCURRENCY: '2' })).toThrow(
      /WEB_CONCURRENCY: above 1 needs DATABASE_URL, MEILI_HOST and REDIS_URL/,
    )
    expect(() =>
      parseEnv({
        DATABASE_URL: 'postgresql://db/x',
        MEILI_HOST: 'http://search:7700',
        WEB_CONCURRENCY: '2',
      }),
    ).toThrow(/WEB_CONCURRENCY/)
    expect(() => parseEnv({ ...deployment, WEB_CONCURRENCY: '0' })).toThrow(/WEB_CONCURRENCY/)
    expect(() => parseEnv({ ...deployment, WEB_HEAP_MB: '10' })).toThrow(/WEB_HEAP_MB/)
  })

  test('the production build without DATABASE_URL runs on the embedded default, with a session secret kept in DATA_DIR', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'shikposh-env-'))
    try {
      const env = parseEnv({ NODE_ENV: 'production', DATA_DIR: dataDir })
      expect(env.isProduction).toBe(true)
      expect(env.embeddedPostgres).toBe(true)
      expect(env.embeddedMeilisearch).toBe(true)
      expect(env.storage.kind).toBe('local')
      expect(env.https).toBe(false)
      const [secret] = env.sessionSecrets
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(secret).not.toBe(parseEnv({ NODE_ENV: 'development' }).sessionSecrets[0])
      // The same secret on the next start, so sessions survive a restart.
      expect(parseEnv({ NODE_ENV: 'production', DATA_DIR: dataDir }).sessionSecrets).toEqual([
        secret,
      ])
      expect((await stat(path.join(dataDir, 'session-secret'))).mode & 0o777).toBe(0o600)
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  test('cookies are Secure and HSTS is sent when APP_URL is https, whatever the mode', () => {
    expect(parseEnv({ APP_URL: 'https://shop.example' }).https).toBe(true)
    expect(parseEnv({ APP_URL: 'http://localhost:3000', NODE_ENV: 'production' }).https).toBe(false)
    expect(parseEnv({}).https).toBe(false)
  })

  test('a malformed value is named with what is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL: must be a URL/)
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT:/)
    expect(() => parseEnv({ STORE_CURRENCY: 'dollars' })).toThrow(
      /STORE_CURRENCY: must be an ISO 4217 code/,
    )
    expect(() => parseEnv({ STORE_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /STORE_TIMEZONE: must be an IANA time zone/,
    )
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET: must be at least 32 characters/,
    )
    expect(() => parseEnv({ SMTP_URL: 'https://mail.example' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    )
  })

  test('an empty variable counts as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', REDIS_URL: '  ' })
    expect(env.embeddedPostgres).toBe(true)
    expect(env.REDIS_URL).toBeUndefined()
  })

  test('images go to DATA_DIR/media unless an S3 bucket is configured', () => {
    const local = parseEnv({ DATA_DIR: '/srv/shikposh' })
    expect(local.storage).toEqual({ kind: 'local', dir: '/srv/shikposh/media' })

    const s3 = parseEnv({
      S3_BUCKET: 'shop-images',
      S3_REGION: 'auto',
      S3_ENDPOINT: 'https://fly.storage.tigris.dev',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PUBLIC_URL: 'https://cdn.example.com/',
    })
    expect(s3.storage).toEqual({
      kind: 's3',
      bucket: 'shop-images',
      region: 'auto',
      endpoint: 'https://fly.storage.tigris.dev',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
      publicUrl: 'https://cdn.example.com',
    })
    // Without keys the AWS SDK finds credentials itself (environment, instance role).
    expect(parseEnv({ S3_BUCKET: 'b' }).storage).toMatchObject({
      kind: 's3',
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
    })
  })

  test('S3 keys come in pairs, and the media concurrency is a small positive number', () => {
    expect(() => parseEnv({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'key' })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/,
    )
    expect(() => parseEnv({ S3_PUBLIC_URL: 'cdn' })).toThrow(/S3_PUBLIC_URL: must be a URL/)
    expect(() => parseEnv({ MEDIA_CONCURRENCY: '0' })).toThrow(/MEDIA_CONCURRENCY/)
    expect(parseEnv({ MEDIA_CONCURRENCY: '3' }).mediaConcurrency).toBe(3)
    expect(parseEnv({}).mediaConcurrency).toBeGreaterThanOrEqual(1)
    expect(parseEnv({}).PASSWORD_HASH_COST).toBe(12)
    expect(() => parseEnv({ PASSWORD_HASH_COST: '3' })).toThrow(/PASSWORD_HASH_COST/)
  })

  test('payment providers: chosen by PAYMENT_PROVIDERS, each with its keys and a currency it takes', () => {
    expect(parseEnv({}).PAYMENT_PROVIDERS).toEqual(['pay-on-delivery'])
    expect(parseEnv({}).PAYMENT_HOLD_MINUTES).toBe(30)
    expect(() => parseEnv({ PAYMENT_PROVIDERS: 'paypal' })).toThrow(/PAYMENT_PROVIDERS/)
    expect(() => parseEnv({ PAYMENT_PROVIDERS: ' , ' })).toThrow(/at least one way to pay/)
    expect(() => parseEnv({ PAYMENT_PROVIDERS: 'stripe' })).toThrow(
      /STRIPE_SECRET_KEY: required when PAYMENT_PROVIDERS lists stripe[\s\S]*STRIPE_WEBHOOK_SECRET: required/,
    )
    expect(() =>
      parseEnv({
        PAYMENT_PROVIDERS: 'stripe',
        STRIPE_SECRET_KEY: 'pk_test_abc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      }),
    ).toThrow(/STRIPE_SECRET_KEY: must be a Stripe secret key/)
    const stripe = parseEnv({
      PAYMENT_PROVIDERS: 'stripe, pay-on-delivery',
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      PAYMENT_HOLD_MINUTES: '15',
    })
    expect(stripe.PAYMENT_PROVIDERS).toEqual(['stripe', 'pay-on-delivery'])
    expect(stripe.PAYMENT_HOLD_MINUTES).toBe(15)
    expect(() => parseEnv({ PAYMENT_PROVIDERS: 'zarinpal', STORE_CURRENCY: 'IRR' })).toThrow(
      /ZARINPAL_MERCHANT_ID: required when PAYMENT_PROVIDERS lists zarinpal/,
    )
    const merchant = { ZARINPAL_MERCHANT_ID: '1344b5d4-0048-11e8-94db-005056a205be' }
    expect(() => parseEnv({ PAYMENT_PROVIDERS: 'zarinpal', ...merchant })).toThrow(
      /zarinpal takes rials only/,
    )
    expect(() =>
      parseEnv({ PAYMENT_PROVIDERS: 'zarinpal', STORE_CURRENCY: 'IRR', ZARINPAL_MERCHANT_ID: 'x' }),
    ).toThrow(/ZARINPAL_MERCHANT_ID: must be the merchant id/)
    expect(
      parseEnv({ PAYMENT_PROVIDERS: 'zarinpal', STORE_CURRENCY: 'IRR', ...merchant })
        .ZARINPAL_API_URL,
    ).toBe('https://payment.zarinpal.com')
    expect(() => parseEnv({ PAYMENT_HOLD_MINUTES: '0' })).toThrow(/PAYMENT_HOLD_MINUTES/)
  })
})

import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { LOCALES } from '~/i18n/locales.ts'

/** Every payment provider the app has (app/services/orders/payments); PAYMENT_PROVIDERS picks from them. */
export const PAYMENT_PROVIDER_IDS = ['pay-on-delivery', 'stripe', 'zarinpal'] as const
export type PaymentProviderId = (typeof PAYMENT_PROVIDER_IDS)[number]

// Every setting the app reads, validated once at boot. A service whose URL is missing falls back
// to an embedded or in-process one, in every mode: `npm start` on a laptop is the production
// build on the embedded default. A production deployment is recognised by its DATABASE_URL, and
// then every external service is required: a half-configured deployment would otherwise keep
// emails and images on one machine's disk without anyone noticing.

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .pipe(z.url({ error: 'must be a URL' }).optional())
  .optional()

const optionalString = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional()

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback)
    .transform((value) => value === 'true' || value === '1')

function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  APP_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: flag('false'),
  DATA_DIR: z.string().default('.data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  STORE_NAME: z.string().min(1).default('Shikposh'),
  STORE_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .default('USD'),
  /** The time zone sellers schedule discounts in (an IANA name such as Europe/Berlin). */
  STORE_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin or UTC')
    .default('UTC'),
  /** The language served without a URL prefix; the other one lives under `/fa/…` or `/en/…`. */
  STORE_DEFAULT_LOCALE: z.enum(LOCALES).default('en'),
  /** `toman` shows prices of an IRR store in Toman (rials ÷ 10), in both languages and in sellers' forms. */
  STORE_PRICE_DISPLAY: z.enum(['currency', 'toman']).default('currency'),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  REDIS_URL: optionalUrl,
  REDIS_PREFIX: z.string().default('shikposh:'),
  /** `inline` runs the background worker (jobs and schedules) inside the web process; `off` when `npm run worker` runs it. */
  OUTBOX_WORKER: z.enum(['inline', 'off']).default('inline'),
  /** smtp:// or smtps:// URL of the mail server; unset outside production, emails are written to DATA_DIR/mail as .eml files. */
  SMTP_URL: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional())
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default('Shikposh <orders@shikposh.test>'),
  /** Object storage for images; unset outside production, images go to DATA_DIR/media. */
  S3_BUCKET: optionalString,
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  /** For S3-compatible services (R2, Tigris, MinIO); unset means AWS S3. */
  S3_ENDPOINT: optionalUrl,
  /** Unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID, instance roles ...). */
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Path-style URLs (endpoint/bucket/key), which MinIO and many S3-compatible servers need. */
  S3_FORCE_PATH_STYLE: flag('false'),
  /** Public base URL (a CDN, or the bucket's public address) of the `img/` objects; unset, the app serves them at /media. */
  S3_PUBLIC_URL: optionalUrl,
  /** Image pipelines (sharp) that may run at once; the rest wait their turn. */
  MEDIA_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  MEILI_HOST: optionalUrl,
  MEILI_MASTER_KEY: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .optional(),
  EMBEDDED_MEILI_PORT: z.coerce.number().int().min(1).max(65535).default(7700),
  /** Prepended to every index name, so several environments (or test files) can share one cluster. */
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/, 'may hold only letters, digits, - and _')
    .max(200)
    .default(''),
  /** How long one request to Meilisearch may take before the search counts as unavailable. */
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  /** The ways to pay checkout offers, in its order: `pay-on-delivery`, `stripe`, `zarinpal`. */
  PAYMENT_PROVIDERS: z
    .string()
    .default('pay-on-delivery')
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(
          z.enum(PAYMENT_PROVIDER_IDS, { error: `must list ${PAYMENT_PROVIDER_IDS.join(', ')}` }),
        )
        .min(1, 'must name at least one way to pay'),
    ),
  /** bcrypt's cost for passwords (2^cost rounds): 12 in production; the test suites use 4. */
  PASSWORD_HASH_COST: z.coerce.number().int().min(4).max(15).default(12),
  /** How long an order waiting for an online payment holds its stock before it is released. */
  PAYMENT_HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  /** Days after a parcel is delivered during which its items can be returned (docs/domains/orders.md). */
  RETURN_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  STRIPE_SECRET_KEY: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_…)')
        .optional(),
    )
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
        .optional(),
    )
    .optional(),
  /** Where the Stripe SDK sends its requests; unset, api.stripe.com (a local stand-in in tests). */
  STRIPE_API_URL: optionalUrl,
  /** The merchant id (a UUID) of a Zarinpal-protocol gateway. */
  ZARINPAL_MERCHANT_ID: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.uuid({ error: 'must be the merchant id (a UUID)' }).optional())
    .optional(),
  /** The gateway's REST API (payment request and verify). */
  ZARINPAL_API_URL: z.url({ error: 'must be a URL' }).default('https://payment.zarinpal.com'),
  /** The page the shopper is sent to, followed by the payment's authority. */
  ZARINPAL_GATEWAY_URL: z
    .url({ error: 'must be a URL' })
    .default('https://payment.zarinpal.com/pg/StartPay/'),
  /** How long one call to a payment provider may take before it counts as failed. */
  PAYMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Origins (comma-separated, e.g. `https://app.example.com`) whose pages may call /api/v1 from a browser; unset: none. */
  API_CORS_ORIGINS: z
    .string()
    .trim()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^https?:\/\/[^/\s]+$/,
            'must list origins such as https://app.example.com (no path)',
          ),
      ),
    ),
  /**
   * Web processes of a deployment, each taking requests on PORT (node:cluster); one per core when
   * unset. Above 1 it needs DATABASE_URL, MEILI_HOST and REDIS_URL: embedded services and
   * in-process counters belong to one process.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Heap limit of each web process of a deployment in MB (V8's --max-old-space-size). */
  WEB_HEAP_MB: z.coerce.number().int().min(64).max(65536).default(256),
  /** Bearer token for GET /metrics; without it /metrics is open in development and off in production. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * On SIGTERM, how long requests and jobs in hand may take to finish before the process ends
   * anyway; keep it under the platform's own limit (fly.toml's kill_timeout).
   */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
})

export type Env = ReturnType<typeof parseEnv>

export class EnvError extends Error {
  override name = 'EnvError'
}

const DEV_SESSION_SECRET = 'development-only-session-secret-not-for-production'

export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  const raw = parsed.data
  const isProduction = raw.NODE_ENV === 'production'

  if (isProduction && raw.DATABASE_URL) {
    const required = {
      APP_URL: raw.APP_URL,
      REDIS_URL: raw.REDIS_URL,
      SESSION_SECRET: raw.SESSION_SECRET,
      MEILI_HOST: raw.MEILI_HOST,
      MEILI_MASTER_KEY: raw.MEILI_MASTER_KEY,
      SMTP_URL: raw.SMTP_URL,
      S3_BUCKET: raw.S3_BUCKET,
    }
    const missing = Object.entries(required)
      .filter(([, value]) => !value)
      .map(([name]) => name)
    if (missing.length > 0) {
      throw new EnvError(
        `Missing required environment variable${missing.length > 1 ? 's' : ''} for a production deployment (DATABASE_URL is set): ${missing.join(', ')}`,
      )
    }
  }

  const paymentProblems = paymentConfigProblems(raw)
  if (paymentProblems.length) {
    throw new EnvError(
      `Invalid environment configuration:\n${paymentProblems.map((line) => `  ${line}`).join('\n')}`,
    )
  }

  if (Boolean(raw.S3_ACCESS_KEY_ID) !== Boolean(raw.S3_SECRET_ACCESS_KEY)) {
    throw new EnvError(
      'Invalid environment configuration:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left unset to use the AWS SDK defaults)',
    )
  }

  const dataDir = path.resolve(raw.DATA_DIR)
  const embeddedPostgres = !raw.DATABASE_URL
  const embeddedMeilisearch = !raw.MEILI_HOST
  const sharedServices = !embeddedPostgres && !embeddedMeilisearch && Boolean(raw.REDIS_URL)
  if ((raw.WEB_CONCURRENCY ?? 1) > 1 && !sharedServices) {
    throw new EnvError(
      'Invalid environment configuration:\n  WEB_CONCURRENCY: above 1 needs DATABASE_URL, MEILI_HOST and REDIS_URL (embedded services and in-process counters belong to one process)',
    )
  }
  const appUrl = raw.APP_URL ?? `http://localhost:${raw.PORT}`
  let sessionSecrets: string[] | undefined
  return {
    ...raw,
    isProduction,
    dataDir,
    appUrl,
    /** Served over HTTPS (APP_URL says so): Secure, __Host- cookies, HSTS, upgraded subresources. */
    https: new URL(appUrl).protocol === 'https:',
    /**
     * SESSION_SECRET's list; without it, a fixed value in development and tests, and in a
     * production build on the embedded default a random one kept in DATA_DIR (read on first use).
     */
    get sessionSecrets(): string[] {
      sessionSecrets ??= raw.SESSION_SECRET
        ? raw.SESSION_SECRET.split(',')
        : [
            isProduction
              ? readOrCreateSecret(path.join(dataDir, 'session-secret'))
              : DEV_SESSION_SECRET,
          ]
      return sessionSecrets
    },
    embeddedPostgres,
    databaseUrl:
      raw.DATABASE_URL ??
      `postgresql://postgres:postgres@127.0.0.1:${raw.EMBEDDED_PG_PORT}/shikposh`,
    embeddedMeilisearch,
    /** The embedded one's master key is generated on first start and kept in its data directory. */
    meiliHost: raw.MEILI_HOST ?? `http://127.0.0.1:${raw.EMBEDDED_MEILI_PORT}`,
    storage: storageConfig(raw, dataDir),
    // sharp already uses a thread per core inside one pipeline where it can; half the cores for
    // uploads leaves the other half to page requests.
    mediaConcurrency: raw.MEDIA_CONCURRENCY ?? Math.max(1, Math.floor(availableParallelism() / 2)),
    /**
     * Web processes under one supervisor (app/server/cluster.ts): a deployment's (a production
     * build on shared services), one per core unless WEB_CONCURRENCY says; 0 runs the server in
     * this process alone (development, tests, the embedded default).
     */
    webProcesses:
      raw.WEB_CONCURRENCY ?? (isProduction && sharedServices ? availableParallelism() : 0),
  }
}

/** Each enabled payment provider's keys, and a currency it can take. */
function paymentConfigProblems(raw: z.infer<typeof EnvSchema>) {
  const problems: string[] = []
  if (raw.PAYMENT_PROVIDERS.includes('stripe')) {
    if (!raw.STRIPE_SECRET_KEY)
      problems.push('STRIPE_SECRET_KEY: required when PAYMENT_PROVIDERS lists stripe')
    if (!raw.STRIPE_WEBHOOK_SECRET)
      problems.push('STRIPE_WEBHOOK_SECRET: required when PAYMENT_PROVIDERS lists stripe')
    if (raw.STORE_CURRENCY === 'IRR')
      problems.push('PAYMENT_PROVIDERS: stripe cannot take IRR (STORE_CURRENCY); use zarinpal')
  }
  if (raw.PAYMENT_PROVIDERS.includes('zarinpal')) {
    if (!raw.ZARINPAL_MERCHANT_ID)
      problems.push('ZARINPAL_MERCHANT_ID: required when PAYMENT_PROVIDERS lists zarinpal')
    if (raw.STORE_CURRENCY !== 'IRR')
      problems.push('PAYMENT_PROVIDERS: zarinpal takes rials only (STORE_CURRENCY must be IRR)')
  }
  return problems
}

/** A random secret kept in a file readable by this user only, created on first use. */
function readOrCreateSecret(file: string) {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' })
    } catch (error) {
      // Another process of this project created it at the same moment: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  return readFileSync(file, 'utf8').trim()
}

export type StorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3'
      bucket: string
      region: string
      endpoint?: string
      credentials?: { accessKeyId: string; secretAccessKey: string }
      forcePathStyle: boolean
      publicUrl?: string
    }

function storageConfig(raw: z.infer<typeof EnvSchema>, dataDir: string): StorageConfig {
  if (!raw.S3_BUCKET) return { kind: 'local', dir: path.join(dataDir, 'media') }
  return {
    kind: 's3',
    bucket: raw.S3_BUCKET,
    region: raw.S3_REGION,
    endpoint: raw.S3_ENDPOINT,
    credentials:
      raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: raw.S3_ACCESS_KEY_ID, secretAccessKey: raw.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: raw.S3_FORCE_PATH_STYLE,
    publicUrl: raw.S3_PUBLIC_URL?.replace(/\/+$/, ''),
  }
}

let cached: Env | undefined
/** The validated configuration; parsed on first use and then fixed for the life of the process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

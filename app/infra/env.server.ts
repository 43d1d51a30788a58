import path from 'node:path'
import { z } from 'zod'

// Every setting the app reads, validated once at boot. In development a missing external
// service falls back to an embedded or in-process one; in production each one is required.

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .pipe(z.url({ error: 'must be a URL' }).optional())
  .optional()

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  APP_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  DATA_DIR: z.string().default('.data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  STORE_NAME: z.string().min(1).default('Shikposh'),
  STORE_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .default('USD'),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  REDIS_URL: optionalUrl,
  REDIS_PREFIX: z.string().default('shikposh:'),
  /** `inline` runs the outbox worker inside the web process; `off` when `npm run worker` runs it. */
  OUTBOX_WORKER: z.enum(['inline', 'off']).default('inline'),
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
  /** Bearer token for GET /metrics; without it /metrics is open in development and off in production. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
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

  if (isProduction) {
    const required = {
      DATABASE_URL: raw.DATABASE_URL,
      REDIS_URL: raw.REDIS_URL,
      SESSION_SECRET: raw.SESSION_SECRET,
      MEILI_HOST: raw.MEILI_HOST,
      MEILI_MASTER_KEY: raw.MEILI_MASTER_KEY,
    }
    const missing = Object.entries(required)
      .filter(([, value]) => !value)
      .map(([name]) => name)
    if (missing.length > 0) {
      throw new EnvError(
        `Missing required environment variable${missing.length > 1 ? 's' : ''} for production: ${missing.join(', ')}`,
      )
    }
  }

  const dataDir = path.resolve(raw.DATA_DIR)
  const embeddedPostgres = !raw.DATABASE_URL
  const embeddedMeilisearch = !raw.MEILI_HOST
  return {
    ...raw,
    isProduction,
    dataDir,
    appUrl: raw.APP_URL ?? `http://localhost:${raw.PORT}`,
    sessionSecrets: (raw.SESSION_SECRET ?? DEV_SESSION_SECRET).split(','),
    embeddedPostgres,
    databaseUrl:
      raw.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${raw.EMBEDDED_PG_PORT}/shikposh`,
    embeddedMeilisearch,
    /** The embedded one's master key is generated on first start and kept in its data directory. */
    meiliHost: raw.MEILI_HOST ?? `http://127.0.0.1:${raw.EMBEDDED_MEILI_PORT}`,
  }
}

let cached: Env | undefined
/** The validated configuration; parsed on first use and then fixed for the life of the process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

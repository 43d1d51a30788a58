import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import pg from 'pg'
import { migrate } from '../../app/infra/migrate.server.ts'
import { ADMIN_URL, createDatabase, databaseUrl } from '../setup/databases.ts'
import {
  E2E_DATA_DIR,
  E2E_DATABASE,
  E2E_MEILI_PORT,
  E2E_PORT,
  E2E_REDIS_PREFIX,
  E2E_RIAL_PORT,
  E2E_STRIPE_PORT,
} from './environment.ts'

// Playwright's web server: a fresh database, then the built app (`npm run build` first) on it,
// with its own embedded Meilisearch, taking cards through a local stand-in of Stripe (its API,
// hosted Checkout page and signed webhooks), and the app's twin configured as an Iranian store.

const admin = new pg.Client({ connectionString: ADMIN_URL })
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS "${E2E_DATABASE}" WITH (FORCE)`)
await createDatabase(admin, E2E_DATABASE)
await admin.end()
await migrate(databaseUrl(E2E_DATABASE))

// The store's shared vocabulary (categories, brands, colours, size scales) and its pages as the
// demo seed makes them; tests add their own shops and products.
process.env.DATABASE_URL = databaseUrl(E2E_DATABASE)
process.env.LOG_LEVEL ??= 'error'
{
  const { seedTaxonomy } = await import('../../prisma/seed/catalog.ts')
  const { seedStorePages } = await import('../../prisma/seed/pages.ts')
  const { catalogBasics } = await import('../support/shop-fixtures.ts')
  const { prisma } = await import('../../app/infra/db.server.ts')
  await seedTaxonomy()
  // The tests' own category, scale and colours exist before the app caches the category tree
  // (for 30 s), so a test that creates its first product never meets a category page's 404.
  await catalogBasics()
  // The footer's pages and the size guides, so no journey meets a dead footer link.
  await seedStorePages()
  await prisma.$disconnect()
}

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const { Redis } = await import('ioredis')
const redis = new Redis(redisUrl)
const stale = await redis.keys(`${E2E_REDIS_PREFIX}*`)
if (stale.length) await redis.del(...stale)
await redis.quit()

const dataDir = E2E_DATA_DIR
rmSync(dataDir, { recursive: true, force: true })
const { startStripeStandIn, STAND_IN_SECRET_KEY, STAND_IN_WEBHOOK_SECRET } =
  await import('../support/payments/stripe-stand-in.ts')
const stripe = await startStripeStandIn({
  port: E2E_STRIPE_PORT,
  webhookUrl: `http://127.0.0.1:${E2E_PORT}/webhooks/stripe`,
})
const appEnv = {
  ...process.env,
  NODE_ENV: 'test' as const,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'error',
  PORT: String(E2E_PORT),
  HOST: '127.0.0.1',
  DATABASE_URL: databaseUrl(E2E_DATABASE),
  REDIS_URL: redisUrl,
  REDIS_PREFIX: E2E_REDIS_PREFIX,
  // Tests act as clients at different addresses through X-Forwarded-For, as behind a proxy.
  TRUST_PROXY: 'true',
  DATA_DIR: dataDir,
  // Search runs on the embedded default: the app starts Meilisearch itself (and stops it).
  MEILI_HOST: '',
  MEILI_MASTER_KEY: '',
  EMBEDDED_MEILI_PORT: String(E2E_MEILI_PORT),
  PAYMENT_PROVIDERS: 'pay-on-delivery,stripe',
  STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET,
  STRIPE_API_URL: stripe.apiUrl,
}
const server: ChildProcess = spawn(process.execPath, ['build/server.js'], {
  stdio: 'inherit',
  env: appEnv,
})

// Once the app is up, its twin as an Iranian store, on the same database and (shared, not
// restarted) embedded Meilisearch; the app's worker does the background work of both.
async function startTwinOnceUp(): Promise<ChildProcess | undefined> {
  const appUrl = `http://127.0.0.1:${E2E_PORT}/healthz`
  for (let tries = 0; tries < 240 && server.exitCode === null; tries += 1) {
    const up = await fetch(appUrl)
      .then((response) => response.ok)
      .catch(() => false)
    if (up)
      return spawn(process.execPath, ['build/server.js'], {
        stdio: 'inherit',
        env: {
          ...appEnv,
          PORT: String(E2E_RIAL_PORT),
          REDIS_PREFIX: `${E2E_REDIS_PREFIX}rial:`,
          STORE_CURRENCY: 'IRR',
          STORE_PRICE_DISPLAY: 'toman',
          STORE_DEFAULT_LOCALE: 'fa',
          STORE_TIMEZONE: 'Asia/Tehran',
          // Stripe does not take rials.
          PAYMENT_PROVIDERS: 'pay-on-delivery',
          OUTBOX_WORKER: 'off',
        },
      })
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return undefined
}
const twin = await startTwinOnceUp()

const stop = () => {
  twin?.kill('SIGTERM')
  server.kill('SIGTERM')
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
twin?.on('exit', (code) => {
  // The twin is part of the environment: if it dies, so does the run's server.
  if (server.exitCode === null && code) server.kill('SIGTERM')
})
server.on('exit', (code) => {
  twin?.kill('SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
  void stripe.close().finally(() => process.exit(code ?? 0))
})

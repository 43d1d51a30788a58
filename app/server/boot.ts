import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startEmbeddedServices } from '~/infra/embedded/index.server.ts'
import type { Env } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { migrate } from '~/infra/migrate.server.ts'

/**
 * Gets the services ready before the app takes requests: starts the embedded ones the
 * configuration leaves out; applies pending migrations to the embedded database and outside
 * production (a deployment's release command does, see fly.toml); seeds demo data into a
 * brand-new embedded database.
 * Returns the function that stops what it started, in order.
 */
export async function prepareServices(env: Env) {
  if (!env.REDIS_URL)
    logger.info('REDIS_URL is not set: rate limits and other Redis-backed features run in-process')
  const embedded = await startEmbeddedServices(env)
  await prepareDatabase(env, embedded.freshDatabase).catch(async (error: unknown) => {
    // Stop what was started, or an orphaned embedded Meilisearch keeps its port after we exit.
    await embedded.stop()
    throw error
  })
  // Search settings go to Meilisearch in the background: the store starts even while it is down.
  const { applySettingsInBackground } = await import('~/services/search/settings.server.ts')
  const stopApplyingSettings = applySettingsInBackground()
  let stopWorker: (() => Promise<void>) | undefined
  if (env.OUTBOX_WORKER === 'inline') {
    const { startOutboxWorker } = await import('~/infra/outbox/worker.server.ts')
    const { outboxHandlers } = await import('~/services/outbox-handlers.server.ts')
    stopWorker = startOutboxWorker({ handlers: outboxHandlers })
  }
  /** Stops the worker, closes the connections, then stops the embedded services. */
  return async function stopServices() {
    stopApplyingSettings()
    await stopWorker?.()
    const [{ prisma }, { redis }, { closeSearchClient }] = await Promise.all([
      import('~/infra/db.server.ts'),
      import('~/infra/redis.server.ts'),
      import('~/infra/search/client.server.ts'),
    ])
    closeSearchClient()
    await Promise.allSettled([prisma.$disconnect(), redis?.quit()])
    await embedded.stop()
  }
}

/** Applies pending migrations outside production; seeds demo data into a new embedded database. */
async function prepareDatabase(env: Env, freshDatabase: boolean) {
  // A marker from the database's creation until its seed is done: a first start stopped halfway
  // (a failed migration, a crash while seeding) is finished by the next one.
  const seedPending = path.join(env.dataDir, 'seed-pending')
  if (freshDatabase) await writeFile(seedPending, '')
  // A deployment's release command migrates (fly.toml); the embedded database is this process's own.
  if (!env.isProduction || env.embeddedPostgres) {
    await migrate(env.databaseUrl, { log: (message) => logger.info(message) })
  }
  if (env.embeddedPostgres && existsSync(seedPending)) {
    const { seedDemoData, DEMO_ACCOUNTS } = await import('../../prisma/seed/index.ts')
    await seedDemoData()
    await rm(seedPending, { force: true })
    const lines = DEMO_ACCOUNTS.map(
      (account) => `  ${account.role.padEnd(8)} ${account.email}  /  ${account.password}`,
    )
    logger.info('Seeded demo data into the new embedded database')
    console.log(`\nDemo accounts (email / password):\n${lines.join('\n')}\n`)
  }
}

import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { startEmbeddedServices } from '~/infra/embedded/index.server.ts'
import type { Env } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { migrate } from '~/infra/migrate.server.ts'

/**
 * Gets the services ready before the app takes requests: starts the embedded ones the
 * configuration leaves out; applies pending migrations to the embedded database and outside
 * production (a deployment's release command does, see fly.toml); seeds demo data into a
 * brand-new embedded database.
 * Returns how to stop what it started: the background work first, then the connections.
 * `backgroundWork` false (every web process of a deployment but the first) leaves the database,
 * the search settings and the in-process jobs to that first one.
 */
export async function prepareServices(env: Env, { backgroundWork = true } = {}) {
  if (!env.REDIS_URL)
    logger.info('REDIS_URL is not set: rate limits and other Redis-backed features run in-process')
  const embedded = await startEmbeddedServices(env)
  const photosPending =
    backgroundWork &&
    (await prepareDatabase(env, embedded.freshDatabase).catch(async (error: unknown) => {
      // Stop what was started, or an orphaned embedded Meilisearch keeps its port after we exit.
      await embedded.stop()
      throw error
    }))
  // Search settings go to Meilisearch in the background: the store starts even while it is down.
  const { applySettingsInBackground } = await import('~/services/search/settings.server.ts')
  const stopApplyingSettings = backgroundWork ? applySettingsInBackground() : () => {}
  let stopWorker: (() => Promise<void>) | undefined
  if (backgroundWork && env.OUTBOX_WORKER === 'inline') {
    const { startBackgroundWorkers } = await import('~/services/jobs.server.ts')
    stopWorker = await startBackgroundWorkers()
  }
  const stopPhotos = photosPending ? finishDemoPhotos(env) : undefined
  return {
    /** Stops taking jobs and waits for the ones in hand (graphile-worker's graceful stop). */
    async stopBackgroundWork() {
      stopApplyingSettings()
      await stopPhotos?.()
      await stopWorker?.()
    },
    /** Closes the connections (database pool, Redis, live bus, search), then the embedded services. */
    async closeConnections() {
      const [{ prisma }, { redis }, { closeSearchClient }, { liveBus }] = await Promise.all([
        import('~/infra/db.server.ts'),
        import('~/infra/redis.server.ts'),
        import('~/infra/search/client.server.ts'),
        import('~/infra/live/bus.server.ts'),
      ])
      closeSearchClient()
      await Promise.allSettled([prisma.$disconnect(), redis?.quit(), liveBus.close()])
      await embedded.stop()
    },
  }
}

/**
 * Applies pending migrations outside production; seeds demo data into a new embedded database.
 * Returns whether demo photos remain to be added (in the background, by finishDemoPhotos).
 */
async function prepareDatabase(env: Env, freshDatabase: boolean) {
  // Markers from the database's creation until its seed (and its photos) are done: a first
  // start stopped halfway (a failed migration, a crash while seeding) is finished by the next.
  const seedPending = path.join(env.dataDir, 'seed-pending')
  const photosPending = path.join(env.dataDir, 'photos-pending')
  if (freshDatabase) {
    await writeFile(seedPending, '')
    await writeFile(photosPending, '')
  }
  // A deployment's release command migrates (fly.toml); the embedded database is this process's own.
  if (!env.isProduction || env.embeddedPostgres) {
    await migrate(env.databaseUrl, { log: (message) => logger.info(message) })
  }
  if (env.embeddedPostgres && existsSync(seedPending)) {
    const { seedDemoData, DEMO_ACCOUNTS } = await import('../../prisma/seed/index.ts')
    const { describePhotos } = await import('../../prisma/seed/photos/index.ts')
    // The first photo of every product before the store opens, so no card is empty; the rest
    // follow in the background.
    const { photos } = await seedDemoData({
      photos: {
        cacheDir: demoPhotoCache(env),
        only: 'first',
        log: (message) => logger.info(message),
      },
    })
    await rm(seedPending, { force: true })
    if (photos) logger.info(describePhotos(photos))
    logger.info(
      `First start ready in ${sinceStart()}: embedded services, migrations, demo data and each product's first photo`,
    )
    const lines = DEMO_ACCOUNTS.map(
      (account) => `  ${account.role.padEnd(8)} ${account.email}  /  ${account.password}`,
    )
    logger.info('Seeded demo data into the new embedded database')
    console.log(`\nDemo accounts (email / password):\n${lines.join('\n')}\n`)
  }
  return env.embeddedPostgres && existsSync(photosPending)
}

/** "41.3 s (63.0 s of CPU)": wall time since the process started, and the CPU it used (all threads). */
function sinceStart() {
  const { user, system } = process.cpuUsage()
  return `${(performance.now() / 1000).toFixed(1)} s (${((user + system) / 1e6).toFixed(1)} s of CPU)`
}

const demoPhotoCache = (env: Env) => path.join(env.dataDir, 'demo-photos')

/**
 * Adds the rest of the demo photos while the store serves pages, with as many pipelines as
 * uploads get (MEDIA_CONCURRENCY), so pages keep a core. Returns the function that stops it
 * between two products; the next start carries on.
 */
function finishDemoPhotos(env: Env) {
  const controller = new AbortController()
  const done = (async () => {
    const { seedDemoPhotos, describePhotos } = await import('../../prisma/seed/photos/index.ts')
    const report = await seedDemoPhotos({
      cacheDir: demoPhotoCache(env),
      concurrency: env.mediaConcurrency,
      signal: controller.signal,
      log: (message) => logger.info(message),
    })
    if (controller.signal.aborted) return
    await rm(path.join(env.dataDir, 'photos-pending'), { force: true })
    logger.info(describePhotos(report))
    logger.info(`Every demo photo is in place, ${sinceStart()} after the start`)
  })().catch((error: unknown) => {
    logger.error({ err: error }, 'Could not add the demo photos; the next start tries again')
  })
  return async () => {
    controller.abort()
    await done
  }
}

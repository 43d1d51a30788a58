import type { Env } from '../env.server.ts'
import { logger } from '../logger.server.ts'
import { startEmbeddedMeilisearch } from './meilisearch.server.ts'
import { startEmbeddedPostgres } from './postgres.server.ts'

/**
 * Starts the embedded stand-ins for services the configuration leaves out (PostgreSQL, Meilisearch),
 * for the app and for CLI commands alike. Returns whether the database is brand new and how
 * to stop what was started.
 */
export async function startEmbeddedServices(env: Env) {
  const stops: Array<() => Promise<void>> = []
  let freshDatabase = false
  if (env.embeddedPostgres) {
    logger.info('DATABASE_URL is not set: using the embedded PostgreSQL under %s', env.dataDir)
    const postgres = await startEmbeddedPostgres({
      dataDir: env.dataDir,
      port: env.EMBEDDED_PG_PORT,
      log: (message) => logger.info(message),
    })
    freshDatabase = postgres.created
    stops.push(postgres.stop)
  }
  if (env.embeddedMeilisearch) {
    logger.info('MEILI_HOST is not set: using the embedded Meilisearch under %s', env.dataDir)
    const meilisearch = await startEmbeddedMeilisearch({
      dataDir: env.dataDir,
      port: env.EMBEDDED_MEILI_PORT,
      log: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
    })
    stops.push(meilisearch.stop)
  }
  return {
    freshDatabase,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => {})
    },
  }
}

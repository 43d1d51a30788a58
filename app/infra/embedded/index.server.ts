import type { Env } from '../env.server.ts'
import { logger } from '../logger.server.ts'
import { startEmbeddedPostgres } from './postgres.server.ts'

/**
 * Starts the embedded stand-ins for services the configuration leaves out (today PostgreSQL),
 * for the app and for CLI commands alike. Returns whether the database is brand new and how
 * to stop what was started.
 */
export async function startEmbeddedServices(env: Env) {
  const stops: Array<() => Promise<void>> = []
  let freshDatabase = false
  if (env.embeddedPostgres) {
    logger.info('DATABASE_URL is not set: using the embedded PostgreSQL under %s', env.dataDir)
    const postgres = await startEmbeddedPostgres({ dataDir: env.dataDir, port: env.EMBEDDED_PG_PORT, log: (message) => logger.info(message) })
    freshDatabase = postgres.created
    stops.push(postgres.stop)
  }
  return {
    freshDatabase,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => {})
    },
  }
}

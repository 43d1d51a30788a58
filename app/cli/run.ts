import './env-file.ts'
import { startEmbeddedServices } from '~/infra/embedded/index.server.ts'
import { EnvError, getEnv, type Env } from '~/infra/env.server.ts'

/**
 * Runs a command-line task with the same configuration as the app, starting the embedded
 * services when the configuration leaves them out, and exits with a clear message on failure.
 */
export async function runTask(task: (env: Env) => Promise<void>) {
  let env: Env
  try {
    env = getEnv()
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error)
    process.exit(1)
  }
  const embedded = await startEmbeddedServices(env)
  let failed = false
  try {
    await task(env)
  } catch (error) {
    failed = true
    console.error(error instanceof Error ? error.message : error)
  } finally {
    const { prisma } = await import('~/infra/db.server.ts')
    const { redis } = await import('~/infra/redis.server.ts')
    await Promise.allSettled([prisma.$disconnect(), redis?.quit()])
    await embedded.stop()
  }
  process.exit(failed ? 1 : 0)
}

import type { Env } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { createApp } from './app.ts'
import { prepareServices } from './boot.ts'
import { webProcessIndex } from './cluster.ts'
import { pageCacheWrites } from './page-cache.ts'
import { drainServer } from './shutdown.ts'

/**
 * One web process: prepares the services, listens on PORT and drains on SIGTERM. The only one,
 * or one of a deployment's (app/server/cluster.ts), where the first also runs background work.
 */
export async function serve(env: Env, { viteDev }: { viteDev: boolean }) {
  let services: Awaited<ReturnType<typeof prepareServices>>
  try {
    services = await prepareServices(env, { backgroundWork: webProcessIndex() === 0 })
  } catch (error) {
    logger.fatal({ err: error }, 'Could not prepare the services the store needs')
    process.exit(1)
  }

  const vite = viteDev
    ? await import('vite').then(({ createServer }) =>
        createServer({ server: { middlewareMode: true } }),
      )
    : undefined
  const app = await createApp(env, vite)

  const server = app.listen(env.PORT, env.HOST, () => {
    logger.info(`Shikposh is ready at ${env.appUrl}`)
  })

  // A deploy or a scale-down sends SIGTERM: stop taking connections, let the requests and jobs in
  // hand finish (at most SHUTDOWN_TIMEOUT_SECONDS), then close the pools. A request is either
  // answered in full or never read, so a checkout is never cut halfway (docs/operations.md).
  let closing = false
  async function shutdown(signal: string) {
    if (closing) return
    closing = true
    const timeoutMs = env.SHUTDOWN_TIMEOUT_SECONDS * 1000
    logger.info(`${signal} received: finishing the requests and jobs in hand`)
    // Whatever hangs below, the process ends before the platform kills it mid-write.
    setTimeout(() => {
      logger.error('Shutdown overran its deadline: exiting now')
      process.exit(1)
    }, timeoutMs + 5_000).unref()
    const [drained] = await Promise.all([
      drainServer(server, timeoutMs),
      services.stopBackgroundWork(),
    ])
    if (drained.forced)
      logger.warn(`Cut ${drained.forced} connection(s) still open after ${timeoutMs} ms`)
    else logger.info(`Every request in hand finished (${drained.ms} ms)`)
    await pageCacheWrites()
    await vite?.close()
    await services.closeConnections()
    const { flushTracing } = await import('~/infra/telemetry/tracing.server.ts')
    await flushTracing()
    logger.info('Stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

import { existsSync } from 'node:fs'
import { EnvError, getEnv } from '~/infra/env.server.ts'

// The one entry point: `npm run dev` runs this file through Vite; `npm start` runs its build.
declare const __SHIKPOSH_BUILT__: boolean | undefined
const viteDev = typeof __SHIKPOSH_BUILT__ === 'undefined'

if (existsSync('.env')) process.loadEnvFile('.env')
// The built server is the production build, whatever the shell forgot to say; the embedded
// services still start for whatever has no URL (see app/infra/env.server.ts).
if (!viteDev && !process.env.NODE_ENV) process.env.NODE_ENV = 'production'

let env: ReturnType<typeof getEnv>
try {
  env = getEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const { logger } = await import('~/infra/logger.server.ts')
const { prepareServices } = await import('./boot.ts')
const { createApp } = await import('./app.ts')
const { drainServer } = await import('./shutdown.ts')
const { pageCacheWrites } = await import('./page-cache.ts')

let services: Awaited<ReturnType<typeof prepareServices>>
try {
  services = await prepareServices(env)
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

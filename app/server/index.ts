import { existsSync } from 'node:fs'
import { EnvError, getEnv } from '~/infra/env.server.ts'

// The one entry point: `npm run dev` runs this file through Vite; `npm start` runs its build.
declare const __SHIKPOSH_BUILT__: boolean | undefined
const viteDev = typeof __SHIKPOSH_BUILT__ === 'undefined'

if (existsSync('.env')) process.loadEnvFile('.env')
// The built server is the production build, whatever the shell forgot to say; the embedded
// services still start for whatever has no URL (see app/infra/env.server.ts).
if (!viteDev && !process.env.NODE_ENV) process.env.NODE_ENV = 'production'

let env
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

let stopServices: () => Promise<void>
try {
  stopServices = await prepareServices(env)
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

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  logger.info(`${signal} received: closing`)
  await new Promise((resolve) => server.close(resolve))
  await vite?.close()
  await stopServices()
  const { flushTracing } = await import('~/infra/telemetry/tracing.server.ts')
  await flushTracing()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

import cluster from 'node:cluster'
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
if (!viteDev && cluster.isPrimary && env.webProcesses > 0) {
  const { superviseWebProcesses } = await import('./cluster.ts')
  superviseWebProcesses({
    count: env.webProcesses,
    heapMb: env.WEB_HEAP_MB,
    shutdownTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
    logger,
  })
} else {
  const { serve } = await import('./serve.ts')
  await serve(env, { viteDev })
}

import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '~/utils/free-port.server.ts'

// A second built app for a test that needs the process itself (its environment, its signals):
// on the run's database and Redis, with a port, data folder and embedded Meilisearch of its own.
// `npm run build` first, as for every end-to-end test.

export type ExtraApp = {
  baseUrl: string
  meiliPort: number
  process: ChildProcess
  output: () => string
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
  stop: () => Promise<number | null>
}

export async function startExtraApp({
  env = {},
  nodeArgs = [],
}: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<ExtraApp> {
  const port = await freePort()
  const meiliPort = await freePort()
  const dataDir = path.join(
    existsSync('/dev/shm') ? '/dev/shm' : tmpdir(),
    `shikposh-extra-${port}`,
  )
  rmSync(dataDir, { recursive: true, force: true })
  let output = ''
  const child = spawn(process.execPath, [...nodeArgs, 'build/server.js'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
      TRUST_PROXY: 'true',
      DATA_DIR: dataDir,
      MEILI_HOST: '',
      MEILI_MASTER_KEY: '',
      EMBEDDED_MEILI_PORT: String(meiliPort),
      OUTBOX_WORKER: 'off',
      ...env,
    },
  })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true })
      resolve(code)
    }),
  )
  const baseUrl = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`The app exited at start:\n${output}`)
    const ready = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) break
    if (attempt > 600) throw new Error(`The app did not start within a minute:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    baseUrl,
    meiliPort,
    process: child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}

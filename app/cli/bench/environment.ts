import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedMeilisearch } from '~/infra/embedded/meilisearch.server.ts'
import { startEmbeddedPostgres } from '~/infra/embedded/postgres.server.ts'
import { parseEnv } from '~/infra/env.server.ts'
import { migrate } from '~/infra/migrate.server.ts'
import { freePort } from '~/utils/free-port.server.ts'

// What the benchmarks on the synthetic catalog share: the services (the configured ones, or the
// embedded stand-ins), a database of their own (`shikposh_bench`, or BENCH_DATABASE_URL) with
// the migrations applied, and production builds of the app started as child processes.

export type BenchServices = {
  benchUrl: string
  meiliHost: string
  meiliKey: string | undefined
  currency: string
  stop: () => Promise<void>
}

export const BENCH_INDEX_PREFIX = 'bench_'

/**
 * Starts (or finds) PostgreSQL and Meilisearch, creates and migrates the benchmark database,
 * and points this process's configuration at them, before the app's modules read it.
 */
export async function prepareBenchServices({
  database = 'shikposh_bench',
}: { database?: string } = {}): Promise<BenchServices> {
  const stops: Array<() => Promise<void>> = []
  const base = parseEnv(process.env)
  let adminUrl: string
  if (base.embeddedPostgres) {
    const postgres = await startEmbeddedPostgres({
      dataDir: base.dataDir,
      port: base.EMBEDDED_PG_PORT,
      log: () => {},
    })
    stops.push(postgres.stop)
    adminUrl = postgres.url.replace(/\/[^/]+$/, '/postgres')
  } else {
    const url = new URL(base.databaseUrl)
    url.pathname = '/postgres'
    adminUrl = url.toString()
  }
  let meiliHost = base.meiliHost
  let meiliKey = base.MEILI_MASTER_KEY
  if (base.embeddedMeilisearch) {
    const meilisearch = await startEmbeddedMeilisearch({
      dataDir: base.dataDir,
      port: base.EMBEDDED_MEILI_PORT,
      log: () => {},
    })
    stops.push(meilisearch.stop)
    meiliHost = meilisearch.host
    meiliKey = meilisearch.masterKey
  }
  const benchUrl = process.env.BENCH_DATABASE_URL ?? adminUrl.replace(/\/postgres$/, `/${database}`)
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  const name = new URL(benchUrl).pathname.slice(1)
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`)
  await admin.end()
  await migrate(benchUrl)
  Object.assign(process.env, {
    DATABASE_URL: benchUrl,
    MEILI_HOST: meiliHost,
    MEILI_MASTER_KEY: meiliKey ?? '',
    MEILI_INDEX_PREFIX: BENCH_INDEX_PREFIX,
    LOG_LEVEL: 'warn',
  })
  return {
    benchUrl,
    meiliHost,
    meiliKey,
    currency: base.STORE_CURRENCY,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => {})
    },
  }
}

/** Runs `npm run build` in the checkout unless its production build is there (or `force`). */
export function ensureBuild(dir: string, { force = false, log = console.log } = {}) {
  const built =
    existsSync(path.join(dir, 'build/server.js')) &&
    existsSync(path.join(dir, 'build/server/index.js'))
  if (built && !force) return
  log(`Building ${dir} (npm run build) …`)
  const build = spawnSync('npm', ['run', 'build'], { cwd: dir, stdio: 'inherit' })
  if (build.status !== 0) throw new Error(`npm run build failed in ${dir}`)
}

export type RunningApp = { process: ChildProcess; port: number; url: string; stop(): Promise<void> }

/** The production server of a built checkout, on its own port, against the benchmark's services. */
export async function startBuiltApp(
  services: BenchServices,
  {
    dir = process.cwd(),
    env = {},
    sessionSecret,
  }: { dir?: string; env?: Record<string, string>; sessionSecret: string },
): Promise<RunningApp> {
  const port = await freePort()
  // BENCH_APP_FLAGS: Node flags for the app alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const flags = process.env.BENCH_APP_FLAGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...flags, 'build/server.js'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // As the Dockerfile runs it: glibc's malloc with two arenas, not one per thread.
      MALLOC_ARENA_MAX: '2',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: services.benchUrl,
      MEILI_HOST: services.meiliHost,
      MEILI_MASTER_KEY: services.meiliKey ?? '',
      MEILI_INDEX_PREFIX: BENCH_INDEX_PREFIX,
      REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `shikposh-bench-${randomBytes(3).toString('hex')}:`,
      SESSION_SECRET: sessionSecret,
      OUTBOX_WORKER: 'off',
      LOG_LEVEL: 'warn',
      // Production requires mail and a bucket; pages use neither (no mail is sent with the
      // worker off, and photo URLs are only formatted), so these point at nothing.
      SMTP_URL: 'smtp://127.0.0.1:9',
      S3_BUCKET: 'bench-unused',
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'bench',
      S3_SECRET_ACCESS_KEY: 'bench',
      ...env,
    },
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The app in ${dir} exited with code ${child.exitCode}`)
    const up = await httpGet(`${url}/healthz`).then(
      (response) => response.status === 200,
      () => false,
    )
    if (up) break
    if (Date.now() > deadline) throw new Error(`The app in ${dir} did not start within 90 s`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    process: child,
    port,
    url,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

/** One GET over a keep-alive connection; the body as received (not decompressed). */
export function httpGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const request = http.get(url, { agent, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        )
        response.on('error', reject)
      })
      request.on('error', reject)
    },
  )
}

export function closeHttpAgent() {
  agent.destroy()
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export function latencyStats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    n: sorted.length,
  }
}

/** A process's resident memory in KB (0 once it has gone). */
export function rssKb(pid: number) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

/** The process and its descendants (the supervisor's web processes, ADR 031). */
export function processTree(pid: number | undefined): number[] {
  if (!pid) return []
  const children = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number)
    } catch {
      return []
    }
  })()
  return [pid, ...children.flatMap((child) => processTree(child))]
}

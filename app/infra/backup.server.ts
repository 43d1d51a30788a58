import { spawn } from 'node:child_process'
import { stat } from 'node:fs/promises'

// Backups of the database with PostgreSQL's own tools (docs/operations.md, "Backup and
// restore"): pg_dump's custom format (compressed, restorable table by table, into any newer
// PostgreSQL) of everything the app keeps, the graphile_worker queue and the migrations'
// bookkeeping included. Search is rebuilt from the database and images live in the bucket, so
// the dump is the one thing to keep.

/** Runs a PostgreSQL client tool; rejects with its stderr when it fails. */
function run(command: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    )
  })
}

/** Writes a dump of the database at `url` to `file`; returns its size in bytes. */
export async function dumpDatabase(url: string, file: string) {
  // No owners or grants: the dump restores under whatever role the new server gives the app.
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-acl', `--file=${file}`, url])
  return (await stat(file)).size
}

/**
 * Restores `file` into the empty database at `url`, in one transaction: it is all there or
 * nothing is (a failed restore leaves the database as empty as it was).
 */
export async function restoreDatabase(file: string, url: string) {
  await run('pg_restore', [
    '--no-owner',
    '--no-acl',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${url}`,
    file,
  ])
}

import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { Logger as GraphileLogger, runMigrations as migrateGraphileWorker } from 'graphile-worker'
import pg from 'pg'
import { splitSqlStatements } from './sql-split.server.ts'

// Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's native engine:
// same folder layout, same `_prisma_migrations` rows and checksums, same advisory lock, so
// `prisma migrate deploy|status` can take over the same database wherever the engine exists.
// Unlike Prisma, each migration runs in one transaction with its bookkeeping row, so a failure
// leaves nothing behind.

/** The advisory lock key `prisma migrate` takes, so our runner and Prisma's exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

export const DEFAULT_MIGRATIONS_DIR = path.resolve('prisma/migrations')

export type LocalMigration = { name: string; sql: string; checksum: string }

export type MigrateResult = {
  applied: string[]
  alreadyApplied: number
  /** Applied migrations whose file changed since (Prisma warns about these too). */
  modified: string[]
}

export class MigrationError extends Error {
  override name = 'MigrationError'
  constructor(
    readonly migration: string,
    readonly statementIndex: number,
    readonly statement: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    const excerpt = statement.length > 300 ? `${statement.slice(0, 300)}…` : statement
    super(
      `Migration ${migration}/migration.sql failed at statement ${statementIndex + 1}: ${reason}\n` +
        `Nothing from this migration was applied. The statement was:\n${excerpt}`,
      { cause },
    )
  }
}

export async function readLocalMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, 'migration.sql'))
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      }
    }),
  )
}

type AppliedRow = {
  migration_name: string
  checksum: string
  finished_at: Date | null
  rolled_back_at: Date | null
}

export async function migrate(
  databaseUrl: string,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {})
  const local = await readLocalMigrations(options.dir)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    // Session-level lock: a second process starting at the same time waits here, then finds
    // the migrations already recorded and applies nothing twice.
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY])
    await client.query(CREATE_MIGRATIONS_TABLE)
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    )

    // The job queue's own schema (graphile_worker) first: migrations may queue jobs, and it is
    // versioned by graphile-worker itself. Idempotent; it takes its own lock.
    await migrateGraphileWorker({
      connectionString: databaseUrl,
      logger: new GraphileLogger(() => (level, message) => {
        if (level === 'error' || level === 'warning') log(`graphile-worker: ${message}`)
      }),
    })

    const failed = rows.find((row) => !row.finished_at && !row.rolled_back_at)
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} is recorded as started but not finished (a failed \`prisma migrate deploy\`?). ` +
          'Resolve it with `prisma migrate resolve` before applying more migrations.',
      )
    }

    const applied = new Map(
      rows.filter((row) => row.finished_at).map((row) => [row.migration_name, row]),
    )
    const result: MigrateResult = { applied: [], alreadyApplied: 0, modified: [] }
    for (const migration of local) {
      const existing = applied.get(migration.name)
      if (existing) {
        result.alreadyApplied++
        if (existing.checksum !== migration.checksum) result.modified.push(migration.name)
        continue
      }
      await applyMigration(client, migration)
      result.applied.push(migration.name)
      log(`Applied migration ${migration.name}`)
    }
    for (const name of result.modified) {
      log(`Warning: migration ${name} was changed after it was applied to this database.`)
    }
    return result
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {})
    await client.end()
  }
}

async function applyMigration(client: pg.Client, migration: LocalMigration) {
  const statements = splitSqlStatements(migration.sql)
  const id = randomUUID()
  await client.query('BEGIN')
  let index = 0
  try {
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
      [id, migration.checksum, migration.name],
    )
    for (; index < statements.length; index++) {
      await client.query(statements[index]!)
    }
    await client.query(
      'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
      [id],
    )
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw new MigrationError(migration.name, index, statements[index] ?? '', error)
  }
}

import { createHash, randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrate } from '../../app/infra/migrate.server.ts'

// Test databases live on the PostgreSQL in TEST_DATABASE_URL (the machine's own by default).
// Their names carry a hash of this checkout's path, so two checkouts can test at once.

export const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const PREFIX = `shikposh_t${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`
export const TEMPLATE_DB = `${PREFIX}_template`

export function databaseUrl(name: string) {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/**
 * A test database's sessions commit without waiting for the disk (synchronous_commit off): the
 * same transactions, locks and constraints, a tenth of the time per commit (2.2 ms against
 * 0.3 ms here), and nothing a test checks depends on surviving a crash of the machine.
 * A setting of the database itself, so the app, psql and pg_dump sessions on it all have it.
 */
export async function createDatabase(client: pg.Client, name: string, template?: string) {
  await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`)
  await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`)
}

/** Rebuilds the template database from the migrations; every test database is a copy of it. */
export async function createTemplateDatabase() {
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`)
    await createDatabase(client, TEMPLATE_DB)
  })
  await migrate(databaseUrl(TEMPLATE_DB))
}

/** A fresh database copied from the template, so each test file starts from the same state. */
export async function createTestDatabase(label: string) {
  const name = `${PREFIX}_${label}_${randomBytes(4).toString('hex')}`
  await withAdmin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await createDatabase(client, name, TEMPLATE_DB)
        return
      } catch (error) {
        // Two copies started at the same instant can see each other on the template; try again.
        const busy = error instanceof Error && /being accessed by other users/.test(error.message)
        if (!busy || attempt >= 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
      }
    }
  })
  return { name, url: databaseUrl(name) }
}

/** An empty database, for tests of the migrations themselves. */
export async function createEmptyDatabase(label: string) {
  const name = `${PREFIX}_${label}_${randomBytes(4).toString('hex')}`
  await withAdmin((client) => createDatabase(client, name))
  return { name, url: databaseUrl(name) }
}

export async function dropDatabase(name: string) {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

/**
 * Drops this checkout's test databases but the template: at the end of a run, and at the start
 * of the next (a killed run cannot clean up). A DROP DATABASE waits for a checkpoint (a second
 * each while other files write, measured); dropped side by side, the drops share checkpoints.
 */
export async function dropTestDatabases() {
  const names = await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
      [`${PREFIX}\\_%`, TEMPLATE_DB],
    )
    return rows.map((row) => row.datname)
  })
  const queue = [...names]
  await Promise.all(
    Array.from({ length: Math.min(8, queue.length) }, () =>
      withAdmin(async (client) => {
        for (let name = queue.shift(); name; name = queue.shift())
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      }),
    ),
  )
}

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

/** Rebuilds the template database from the migrations; every test database is a copy of it. */
export async function createTemplateDatabase() {
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${TEMPLATE_DB}"`)
  })
  await migrate(databaseUrl(TEMPLATE_DB))
}

/** A fresh database copied from the template, so each test file starts from the same state. */
export async function createTestDatabase(label: string) {
  const name = `${PREFIX}_${label}_${randomBytes(4).toString('hex')}`
  await withAdmin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`)
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
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`))
  return { name, url: databaseUrl(name) }
}

export async function dropDatabase(name: string) {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

/** Drops what earlier runs of this checkout left behind (a killed run cannot clean up). */
export async function dropLeftoverDatabases() {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
      [`${PREFIX}\\_%`, TEMPLATE_DB],
    )
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  })
}

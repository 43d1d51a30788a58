import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrate } from '../../app/infra/migrate.server.ts'
import { ADMIN_URL, databaseUrl } from '../setup/databases.ts'

/**
 * Runs a benchmark on a scratch database of the PostgreSQL in TEST_DATABASE_URL: created and
 * migrated before, dropped after. Set before the app's modules load (import them inside `run`).
 */
export async function withScratchDatabase(run: () => Promise<void>) {
  const name = `shikposh_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  process.env.DATABASE_URL = databaseUrl(name)
  process.env.NODE_ENV = 'test'
  process.env.DATA_DIR = `/tmp/${name}`
  try {
    await migrate(process.env.DATABASE_URL)
    await run()
  } finally {
    const { prisma } = await import('~/infra/db.server.ts')
    await prisma.$disconnect()
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
  }
}

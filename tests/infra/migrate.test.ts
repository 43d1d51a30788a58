import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { MigrationError, migrate } from '~/infra/migrate.server.ts'
import { createEmptyDatabase, dropDatabase } from '../setup/databases.ts'

const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function emptyDatabase() {
  const db = await createEmptyDatabase('migrate')
  cleanups.push(() => dropDatabase(db.name))
  return db.url
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

async function migrationsDir(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'shikposh-migrations-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name))
    await writeFile(path.join(dir, name, 'migration.sql'), sql)
  }
  return dir
}

type MigrationRow = {
  id: string
  checksum: string
  migration_name: string
  finished_at: Date | null
  applied_steps_count: number
  rolled_back_at: Date | null
  logs: string | null
}

describe('migrate', () => {
  test('applies the project migrations once and records them as prisma migrate deploy does', async () => {
    const url = await emptyDatabase()
    const first = await migrate(url)
    const names = (await readdir('prisma/migrations', { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
    expect(first.applied).toEqual(names)

    const rows = await query<MigrationRow>(
      url,
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
    )
    expect(rows.map((row) => row.migration_name)).toEqual(names)
    for (const row of rows) {
      const bytes = await readFile(
        path.join('prisma/migrations', row.migration_name, 'migration.sql'),
      )
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(row.finished_at).toBeInstanceOf(Date)
      expect(row.applied_steps_count).toBe(1)
      expect(row.rolled_back_at).toBeNull()
    }

    const second = await migrate(url)
    expect(second).toEqual({ applied: [], alreadyApplied: names.length, modified: [] })
  })

  test('a failing migration leaves nothing behind and names its file and statement', async () => {
    const url = await emptyDatabase()
    const dir = await migrationsDir({
      '20260101000000_good': 'CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);',
      '20260102000000_bad': [
        '-- CreateTable',
        'CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);',
        'INSERT INTO "Half" VALUES (1); -- a comment with a ; in it',
        'INSERT INTO "Missing" VALUES (1);',
      ].join('\n'),
      '20260103000000_after': 'CREATE TABLE "After" ("id" INTEGER);',
    })

    const error = await migrate(url, { dir }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MigrationError)
    const failure = error as MigrationError
    expect(failure.migration).toBe('20260102000000_bad')
    expect(failure.statementIndex).toBe(2)
    expect(failure.statement).toMatch(/INSERT INTO "Missing" VALUES \(1\)$/)
    expect(failure.message).toContain('20260102000000_bad/migration.sql failed at statement 3')
    expect(failure.message).toContain('relation "Missing" does not exist')

    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    )
    expect(tables.map((row) => row.table_name)).toEqual(['Good', '_prisma_migrations'])
    const rows = await query<MigrationRow>(url, 'SELECT migration_name FROM "_prisma_migrations"')
    expect(rows.map((row) => row.migration_name)).toEqual(['20260101000000_good'])
  })

  test('concurrent starts apply each migration exactly once', async () => {
    const url = await emptyDatabase()
    const results = await Promise.all(Array.from({ length: 6 }, () => migrate(url)))
    const appliedCounts = results.map((result) => result.applied.length)
    const total = results[0]!.applied.length + results[0]!.alreadyApplied
    expect(appliedCounts.filter((count) => count > 0)).toEqual([total])
    const rows = await query<{ migration_name: string; n: string }>(
      url,
      'SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY migration_name',
    )
    expect(rows).toHaveLength(total)
    expect(rows.every((row) => row.n === '1')).toBe(true)
  })

  test('reports a migration changed after it was applied', async () => {
    const url = await emptyDatabase()
    const dir = await migrationsDir({ '20260101000000_one': 'CREATE TABLE "One" ("id" INTEGER);' })
    await migrate(url, { dir })
    await writeFile(
      path.join(dir, '20260101000000_one', 'migration.sql'),
      'CREATE TABLE "One" ("id" BIGINT);',
    )
    const result = await migrate(url, { dir })
    expect(result.modified).toEqual(['20260101000000_one'])
    expect(result.applied).toEqual([])
  })

  test('refuses to continue past a migration Prisma recorded as failed', async () => {
    const url = await emptyDatabase()
    const dir = await migrationsDir({ '20260101000000_one': 'CREATE TABLE "One" ("id" INTEGER);' })
    await migrate(url, { dir })
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('00000000-0000-0000-0000-000000000000', 'x', '20260102000000_broken', now())`,
    )
    await expect(migrate(url, { dir })).rejects.toThrow(
      /20260102000000_broken is recorded as started but not finished/,
    )
  })
})

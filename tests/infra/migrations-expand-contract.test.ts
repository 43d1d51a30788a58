import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { DEFAULT_MIGRATIONS_DIR, migrate, readLocalMigrations } from '~/infra/migrate.server.ts'
import { createEmptyDatabase, dropDatabase } from '../setup/databases.ts'

// Expand, then contract (docs/operations.md): a rolling deploy migrates while the previous release
// still serves, so a migration may only add what the previous release's queries do not know
// about. Applied one at a time to an empty database, each migration must leave every table,
// column (with its type) and enum value of the schema before it in place, and every column it
// adds to an existing table must be nullable or have a default (or the old release's INSERTs
// fail). Removing something is a contract step: it ships a release after the code stopped
// using it, and is listed here with the reason, so it is always a decision.
const CONTRACT_STEPS: Record<string, string> = {}

type Snapshot = {
  columns: Map<string, { type: string; nullable: boolean; hasDefault: boolean }>
  enums: Set<string>
}

async function snapshot(client: pg.Client): Promise<Snapshot> {
  const { rows } = await client.query<{
    name: string
    type: string
    nullable: string
    has_default: boolean
    generated: string
  }>(
    `SELECT format('%I.%I.%I', table_schema, table_name, column_name) AS name,
       format('%s %s', data_type, udt_name) AS type, is_nullable AS nullable,
       (column_default IS NOT NULL OR is_identity = 'YES') AS has_default, is_generated AS generated
     FROM information_schema.columns c
     JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
  )
  const enums = await client.query<{ value: string }>(
    `SELECT format('%s.%s', t.typname, e.enumlabel) AS value
     FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
     JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'`,
  )
  return {
    columns: new Map(
      rows.map((row) => [
        row.name,
        {
          type: row.type,
          nullable: row.nullable === 'YES',
          hasDefault: row.has_default || row.generated === 'ALWAYS',
        },
      ]),
    ),
    enums: new Set(enums.rows.map((row) => row.value)),
  }
}

const cleanup: Array<() => unknown> = []
afterAll(async () => {
  for (const step of cleanup.reverse()) await step()
})

describe('migrations are expand-only while the previous release runs', () => {
  test('each migration keeps what the schema before it had, and adds columns the old code can ignore', async () => {
    const migrations = await readLocalMigrations()
    const database = await createEmptyDatabase('expand')
    cleanup.push(() => dropDatabase(database.name))
    const dir = mkdtempSync(path.join(tmpdir(), 'shikposh-migrations-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    cleanup.push(() => client.end())

    const breaks: string[] = []
    let before: Snapshot | null = null
    for (const migration of migrations) {
      // The migrations so far, applied by the release command's own code (one more each time).
      cpSync(path.join(DEFAULT_MIGRATIONS_DIR, migration.name), path.join(dir, migration.name), {
        recursive: true,
      })
      await migrate(database.url, { dir })
      const after = await snapshot(client)
      if (before && !(migration.name in CONTRACT_STEPS)) {
        const tables = new Set([...before.columns.keys()].map((name) => name.split('.')[1]))
        for (const [name, column] of before.columns) {
          const now = after.columns.get(name)
          if (!now) breaks.push(`${migration.name}: drops or renames ${name}`)
          else if (now.type !== column.type)
            breaks.push(`${migration.name}: changes ${name} from ${column.type} to ${now.type}`)
          else if (column.nullable && !now.nullable && !now.hasDefault)
            breaks.push(`${migration.name}: makes ${name} required without a default`)
        }
        for (const [name, column] of after.columns) {
          const table = name.split('.')[1]
          if (
            !before.columns.has(name) &&
            tables.has(table) &&
            !column.nullable &&
            !column.hasDefault
          )
            breaks.push(`${migration.name}: adds ${name}, required and without a default`)
        }
        for (const value of before.enums)
          if (!after.enums.has(value)) breaks.push(`${migration.name}: removes enum value ${value}`)
      }
      before = after
    }
    expect(breaks).toEqual([])
    expect(migrations.length).toBeGreaterThan(1)
  }, 60_000)
})

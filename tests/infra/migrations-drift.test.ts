import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { diffMigrationsToSchema } from '../support/prisma-diff.ts'

// The equivalent of `prisma migrate diff --from-migrations prisma/migrations
// --to-schema-datamodel prisma/schema.prisma --exit-code`. CHECK constraints in the migrations
// are not drift: Prisma Migrate ignores them.

const SCHEMA = 'prisma/schema.prisma'
const MIGRATIONS = 'prisma/migrations'

const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

describe('prisma/migrations', () => {
  test('build exactly prisma/schema.prisma', async () => {
    const { drift, sql } = await diffMigrationsToSchema(SCHEMA, MIGRATIONS)
    // If this fails, `sql` is what a new prisma/migrations/<timestamp>_<name>/migration.sql needs.
    expect(sql).toBe('-- This is an empty migration.')
    expect(drift).toBe(false)
  })

  test('drift is reported when the schema has a field no migration creates', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shikposh-schema-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    const original = await readFile(SCHEMA, 'utf8')
    const changed = original.replace(/^model User \{\n/m, '$&  driftProbe String?\n')
    expect(changed).not.toBe(original)
    await writeFile(path.join(dir, 'schema.prisma'), changed)

    const { drift, sql } = await diffMigrationsToSchema(path.join(dir, 'schema.prisma'), MIGRATIONS)
    expect(drift).toBe(true)
    expect(sql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"driftProbe" TEXT;/)
  })
})

// `npm run db:diff [name]`: the SQL a schema change needs, from the migrations in the repository
// to prisma/schema.prisma, through the pinned WebAssembly engine the drift test uses (no native
// Prisma engine, no network). With a name it also writes
// prisma/migrations/<UTC timestamp>_<name>/migration.sql.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { diffMigrationsToSchema } from './prisma-diff.ts'

const name = process.argv[2]
if (name !== undefined && !/^[a-z0-9_]+$/.test(name)) {
  console.error('The migration name takes lowercase letters, digits and underscores only.')
  process.exit(64)
}

const { drift, sql } = await diffMigrationsToSchema('prisma/schema.prisma', 'prisma/migrations')
if (!drift) {
  console.error('prisma/migrations already build prisma/schema.prisma: nothing to write.')
  process.exit(0)
}
if (name === undefined) {
  console.log(sql)
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const dir = path.join('prisma/migrations', `${stamp}_${name}`)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'migration.sql'), `${sql}\n`)
  console.error(`Wrote ${dir}/migration.sql: read it before committing.`)
}

import { prisma } from '~/infra/db.server.ts'

// What the database holds, as one hash per table: equal fingerprints before and after a refused
// request prove that it stored nothing (no row added, changed or deleted anywhere).

export type Fingerprint = Record<string, string>

let hashEveryTable: Promise<string> | undefined

/** One statement hashing every table (the tables are read once per test file). */
async function fingerprintQuery() {
  const tables = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`
  return tables
    .map(({ name }) => {
      const literal = `'${name.replaceAll("'", "''")}'`
      const quoted = `"${name.replaceAll('"', '""')}"`
      return `SELECT ${literal} AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${quoted} t`
    })
    .join('\nUNION ALL\n')
}

export async function databaseFingerprint(): Promise<Fingerprint> {
  hashEveryTable ??= fingerprintQuery()
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string; hash: string }>>(
    await hashEveryTable,
  )
  return Object.fromEntries(rows.map(({ name, hash }) => [name, hash]))
}

import { prisma } from '~/infra/db.server.ts'

// What the database holds, as one hash per table: equal fingerprints before and after a refused
// request prove that it stored nothing (no row added, changed or deleted anywhere).

export type Fingerprint = Record<string, string>

export async function databaseFingerprint(): Promise<Fingerprint> {
  const tables = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`
  const result: Fingerprint = {}
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`
    const [row] = await prisma.$queryRawUnsafe<Array<{ hash: string }>>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${quoted} t`,
    )
    result[name] = row!.hash
  }
  return result
}

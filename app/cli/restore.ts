// `npm run restore -- FILE`: restores a dump made by `npm run backup` into the database
// DATABASE_URL names, which must be empty (create it first); all of it or nothing. Rebuild the
// search index afterwards with `npm run search:reindex`.
import './env-file.ts'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { restoreDatabase } from '~/infra/backup.server.ts'
import { runTask } from './run.ts'

const { positionals } = parseArgs({ allowPositionals: true })
const file = positionals[0]
if (!file) {
  console.error('Usage: npm run restore -- FILE (a dump made by npm run backup)')
  process.exit(1)
}

await runTask(async (env) => {
  const client = new pg.Client({ connectionString: env.databaseUrl })
  await client.connect()
  const { rows } = await client
    .query<{ count: number }>(
      `SELECT count(*)::int AS count FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
    )
    .finally(() => client.end())
  if (rows[0]!.count > 0)
    throw new Error('The database DATABASE_URL names is not empty: restore into a new database.')
  const started = Date.now()
  await restoreDatabase(file, env.databaseUrl)
  console.log(
    `Restored ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s. Now run npm run search:reindex.`,
  )
})

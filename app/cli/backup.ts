// `npm run backup [-- --out FILE]`: a pg_dump (custom format) of the configured database, by
// default to backups/shikposh-<UTC time>.dump. `npm run restore -- FILE` puts one into the
// empty database DATABASE_URL names; then `npm run search:reindex` (docs/operations.md).
import './env-file.ts'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { dumpDatabase } from '~/infra/backup.server.ts'
import { runTask } from './run.ts'

const { values } = parseArgs({ options: { out: { type: 'string' } } })

await runTask(async (env) => {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z')
  const file = path.resolve(values.out ?? path.join('backups', `shikposh-${stamp}.dump`))
  await mkdir(path.dirname(file), { recursive: true })
  const started = Date.now()
  const bytes = await dumpDatabase(env.databaseUrl, file)
  console.log(
    `Backup written: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  )
})

// `npm run db:migrate`: applies pending migrations (fly.toml runs this as the release command).
import './env-file.ts'
import { migrate } from '~/infra/migrate.server.ts'
import { runTask } from './run.ts'

await runTask(async (env) => {
  const result = await migrate(env.databaseUrl, { log: (message) => console.log(message) })
  console.log(
    `${result.applied.length} migration(s) applied, ${result.alreadyApplied} already in place.`,
  )
})

// `npm run worker`: runs the background jobs (and their cron schedules) as their own process;
// when scaling out, set OUTBOX_WORKER=off on the web processes and run any number of these.
import './env-file.ts'
import { logger } from '~/infra/logger.server.ts'
import { jobTasks, startBackgroundWorkers } from '~/services/jobs.server.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const stop = await startBackgroundWorkers()
  logger.info(`Background worker running (${Object.keys(jobTasks).join(', ')})`)
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve)
    process.once('SIGINT', resolve)
  })
  await stop()
})

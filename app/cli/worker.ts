// `npm run worker`: runs the background jobs (and their cron schedules) as their own process;
// when scaling out, set OUTBOX_WORKER=off on the web processes and run any number of these.
import './env-file.ts'
import { logger } from '~/infra/logger.server.ts'
import { jobTasks, startBackgroundWorkers } from '~/services/jobs.server.ts'
import { runTask } from './run.ts'

await runTask(async (env) => {
  const stop = await startBackgroundWorkers()
  logger.info(`Background worker running (${Object.keys(jobTasks).join(', ')})`)
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'))
    process.once('SIGINT', () => resolve('SIGINT'))
  })
  // SIGTERM: take no new job, let the ones running finish (graphile-worker signals them to
  // abort after 5 s), at most SHUTDOWN_TIMEOUT_SECONDS; a job cut short is retried by another.
  logger.info(`${signal} received: finishing the jobs in hand`)
  setTimeout(() => {
    logger.error('Shutdown overran its deadline: exiting now')
    process.exit(1)
  }, env.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref()
  await stop()
  logger.info('Background worker stopped')
})

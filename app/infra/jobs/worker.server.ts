import { EventEmitter } from 'node:events'
import {
  Logger,
  parseCronItems,
  run,
  runMigrations,
  runOnce,
  type CronItem,
  type Task,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker'
import { dbPool, prisma } from '../db.server.ts'
import { getEnv } from '../env.server.ts'
import { logger } from '../logger.server.ts'
import { metrics } from '../metrics.server.ts'
import { tracingEnabled, withSpan } from '../telemetry/tracing.server.ts'

// Runs the jobs of queue.server.ts with graphile-worker. Each job is taken with
// FOR UPDATE SKIP LOCKED in a statement of its own and committed at once, so no transaction
// stays open while a task calls Meilisearch, SMTP or S3, and any number of worker processes can
// run side by side. Idle workers wait for PostgreSQL's NOTIFY of a new job (plus a poll every
// `pollInterval` for jobs scheduled later). Cron items are scheduled once across all workers.

export type JobTask = Task
export type JobTasks = TaskList
export type JobSchedule = CronItem

/** How many jobs one process runs at once. */
const DEFAULT_CONCURRENCY = 2

/**
 * graphile-worker's log lines go to the app's logger; its debug chatter, and the line it writes
 * for every job done, stay at debug (failures are warnings and errors).
 */
const graphileLogger = new Logger((scope) => (level, message, meta) => {
  const fields = { ...scope, ...meta }
  if (level === 'error') logger.error(fields, message)
  else if (level === 'warning') logger.warn(fields, message)
  else if (level === 'info' && !message.startsWith('Completed task')) logger.info(fields, message)
  else logger.debug(fields, message)
})

function countFailures(events: WorkerEvents) {
  events.on('job:error', ({ job }) => metrics.jobFailures.inc({ task: job.task_identifier }))
  events.on('job:failed', ({ job, error }) =>
    logger.error(
      { task: job.task_identifier, jobId: job.id, attempts: job.attempts, err: error },
      'Job failed permanently; an admin can retry it on /admin/jobs',
    ),
  )
}

/** Each job runs in a span of its own (when traces are exported). */
function traced(tasks: JobTasks): JobTasks {
  if (!tracingEnabled) return tasks
  return Object.fromEntries(
    Object.entries(tasks).flatMap(([name, task]) => {
      if (!task) return []
      return [
        [
          name,
          ((payload, helpers) =>
            withSpan(
              `job ${name}`,
              { 'job.task': name, 'job.id': helpers.job.id, 'job.attempt': helpers.job.attempts },
              async () => task(payload, helpers),
            )) satisfies JobTask,
        ],
      ]
    }),
  )
}

/** Installs or upgrades the `graphile_worker` schema (idempotent; `migrate` calls it first). */
export async function migrateJobQueue(databaseUrl: string) {
  await runMigrations({ connectionString: databaseUrl, logger: graphileLogger })
}

export type JobWorkerOptions = {
  tasks: JobTasks
  schedules?: JobSchedule[]
  concurrency?: number
  /** How often an idle worker looks for jobs that became due (new jobs wake it at once). */
  pollIntervalMs?: number
}

/** Runs jobs until stopped. Resolves once the worker listens; returns the function that stops it. */
export async function startJobWorker({
  tasks,
  schedules = [],
  concurrency = DEFAULT_CONCURRENCY,
  pollIntervalMs = 2_000,
}: JobWorkerOptions) {
  const events: WorkerEvents = new EventEmitter()
  countFailures(events)
  const runner = await run({
    connectionString: getEnv().databaseUrl,
    maxPoolSize: concurrency + 2,
    concurrency,
    pollInterval: pollIntervalMs,
    noHandleSignals: true,
    logger: graphileLogger,
    events,
    taskList: traced(tasks),
    parsedCronItems: parseCronItems(schedules),
  })
  return async function stop() {
    await runner.stop()
  }
}

/**
 * Runs every job that is due now, once each, then returns (tests, and one-off commands).
 * A job that fails is rescheduled with backoff like in the worker.
 */
export async function runDueJobs(tasks: JobTasks) {
  // Starting graphile-worker costs its start-up checks (100 ms and more): not when idle.
  const [due] = await prisma.$queryRaw<Array<{ any: boolean }>>`
    SELECT EXISTS (
      SELECT 1 FROM graphile_worker._private_jobs AS jobs
      JOIN graphile_worker._private_tasks AS tasks ON tasks.id = jobs.task_id
      WHERE tasks.identifier = ANY(${Object.keys(tasks)}::text[]) AND jobs.run_at <= now()
        AND jobs.locked_at IS NULL AND jobs.attempts < jobs.max_attempts) AS any`
  if (!due?.any) return
  const events: WorkerEvents = new EventEmitter()
  countFailures(events)
  await runOnce({
    // The app's own pool: a pool of its own would cost new connections on every call.
    pgPool: dbPool(),
    noHandleSignals: true,
    logger: graphileLogger,
    events,
    taskList: traced(tasks),
  })
  // runOnce can return before the outcome of its last job is written: wait for it.
  for (let waited = 0; waited < 10_000; waited += 20) {
    const [row] = await prisma.$queryRaw<Array<{ locked: number }>>`
      SELECT count(*)::int AS locked FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL`
    if (!row?.locked) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

import { prisma, type Tx } from '../db.server.ts'

// Background work goes through graphile-worker's queue (the `graphile_worker` schema, installed
// by `migrate`): a job is a row added with `graphile_worker.add_job` in the same transaction as
// the change that causes it, so it runs if and only if the change commits. The worker
// (worker.server.ts) runs it, retries a failure with exponential backoff and, after
// `maxAttempts`, keeps it as permanently failed for an admin to retry or discard
// (app/services/admin/jobs.server.ts). See docs/decisions/019-background-jobs-on-graphile-worker.md.

/** How often a job is tried before it counts as permanently failed (about three days of backoff). */
export const DEFAULT_MAX_ATTEMPTS = 25

export type JobSpec = {
  /** The task that carries it out (app/services/jobs.server.ts lists them). */
  task: string
  /** JSON the task receives; say what happened (ids), not the finished work. */
  payload: Record<string, unknown>
  /** Not before this moment (e.g. when a scheduled discount starts). */
  runAt?: Date
  /**
   * At most one waiting job per key: a second add with the same key replaces the waiting one's
   * payload (or, with `preserveRunAt`, keeps its moment). A job already running is not touched.
   */
  jobKey?: string
  preserveRunAt?: boolean
  maxAttempts?: number
}

/** Queues jobs; pass the transaction of the change that causes them. */
export async function enqueueJobs(tx: Tx, ...jobs: JobSpec[]) {
  if (!jobs.length) return
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      job.task, job.payload::json,
      run_at := job.run_at, max_attempts := job.max_attempts,
      job_key := job.job_key, job_key_mode := job.job_key_mode)
    FROM unnest(
      ${jobs.map((job) => job.task)}::text[],
      ${jobs.map((job) => JSON.stringify(job.payload))}::text[],
      ${jobs.map((job) => job.runAt?.toISOString() ?? null)}::timestamptz[],
      ${jobs.map((job) => job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)}::int[],
      ${jobs.map((job) => job.jobKey ?? null)}::text[],
      ${jobs.map((job) => (job.preserveRunAt ? 'preserve_run_at' : 'replace'))}::text[]
    ) AS job(task, payload, run_at, max_attempts, job_key, job_key_mode)`
}

export type QueuedJob = {
  id: bigint
  task: string
  payload: unknown
  runAt: Date
  attempts: number
  maxAttempts: number
  lastError: string | null
  key: string | null
  lockedAt: Date | null
  createdAt: Date
}

/**
 * The jobs of a task not yet done (waiting, running, or failed for good), oldest first.
 * Reads graphile-worker's table directly: its public view leaves out the payload.
 */
export async function listQueuedJobs(task: string, client: Pick<Tx, '$queryRaw'> = prisma) {
  return client.$queryRaw<QueuedJob[]>`
    SELECT jobs.id, tasks.identifier AS task, jobs.payload, jobs.run_at AS "runAt",
      jobs.attempts::int AS attempts, jobs.max_attempts::int AS "maxAttempts",
      jobs.last_error AS "lastError", jobs.key, jobs.locked_at AS "lockedAt",
      jobs.created_at AS "createdAt"
    FROM graphile_worker._private_jobs AS jobs
    JOIN graphile_worker._private_tasks AS tasks ON tasks.id = jobs.task_id
    WHERE tasks.identifier = ${task}
    ORDER BY jobs.id`
}

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

// ---------------------------------------------------------------- failed for good (dead letters)

export type FailedJob = Omit<QueuedJob, 'lockedAt'> & { failedAt: Date }

const FAILED_PAGE_SIZE = 25

/** The jobs that used up their attempts, most recently failed first, one page at a time. */
export async function listFailedJobs(page = 1) {
  const [counted] = await prisma.$queryRaw<Array<{ total: number }>>`
    SELECT count(*)::int AS total FROM graphile_worker._private_jobs
    WHERE attempts >= max_attempts`
  const total = counted?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / FAILED_PAGE_SIZE))
  const current = Math.min(Math.max(1, page), pageCount)
  const jobs = await prisma.$queryRaw<FailedJob[]>`
    SELECT jobs.id, tasks.identifier AS task, jobs.payload, jobs.run_at AS "runAt",
      jobs.attempts::int AS attempts, jobs.max_attempts::int AS "maxAttempts",
      jobs.last_error AS "lastError", jobs.key, jobs.created_at AS "createdAt",
      jobs.updated_at AS "failedAt"
    FROM graphile_worker._private_jobs AS jobs
    JOIN graphile_worker._private_tasks AS tasks ON tasks.id = jobs.task_id
    WHERE jobs.attempts >= jobs.max_attempts
    ORDER BY jobs.updated_at DESC, jobs.id DESC
    LIMIT ${FAILED_PAGE_SIZE} OFFSET ${(current - 1) * FAILED_PAGE_SIZE}`
  return { jobs, total, page: current, pageCount }
}

/** The failed job, locked for a decision in `tx`; null when it is not (or no longer) failed. */
async function lockFailedJob(tx: Tx, id: bigint) {
  const [job] = await tx.$queryRaw<
    Array<Pick<FailedJob, 'id' | 'task' | 'payload' | 'lastError' | 'attempts'>>
  >`
    SELECT jobs.id, tasks.identifier AS task, jobs.payload, jobs.last_error AS "lastError",
      jobs.attempts::int AS attempts
    FROM graphile_worker._private_jobs AS jobs
    JOIN graphile_worker._private_tasks AS tasks ON tasks.id = jobs.task_id
    WHERE jobs.id = ${id} AND jobs.attempts >= jobs.max_attempts
    FOR UPDATE OF jobs`
  return job ?? null
}

/** Gives a failed job its attempts back and makes it due now. Returns it, or null. */
export async function retryFailedJob(tx: Tx, id: bigint) {
  const job = await lockFailedJob(tx, id)
  if (!job) return null
  await tx.$executeRaw`
    SELECT graphile_worker.reschedule_jobs(ARRAY[${id}]::bigint[], run_at := now(), attempts := 0)`
  return job
}

/** Deletes a failed job for good. Returns it, or null. */
export async function discardFailedJob(tx: Tx, id: bigint) {
  const job = await lockFailedJob(tx, id)
  if (!job) return null
  await tx.$executeRaw`SELECT graphile_worker.complete_jobs(ARRAY[${id}]::bigint[])`
  return job
}

// ---------------------------------------------------------------- doing several jobs in one go

export type ClaimedJob = { id: bigint; payload: unknown }

/**
 * For a task that does its kind of work better in bulk: takes other due, waiting jobs of
 * `task`, oldest first, for as long as `accept` takes their payloads (at most `limit`), and
 * puts them off by `holdMs`, so they are not run twice meanwhile and a crash only delays them.
 * Call `completeClaimedJobs` once their work is done; if it fails, they run again later.
 */
export async function claimDueJobs(
  task: string,
  {
    limit,
    accept,
    holdMs = 10 * 60_000,
  }: {
    limit: number
    accept: (payload: unknown) => boolean
    holdMs?: number
  },
): Promise<ClaimedJob[]> {
  return prisma.$transaction(async (tx) => {
    const candidates = await tx.$queryRaw<ClaimedJob[]>`
      SELECT jobs.id, jobs.payload FROM graphile_worker._private_jobs AS jobs
      JOIN graphile_worker._private_tasks AS tasks ON tasks.id = jobs.task_id
      WHERE tasks.identifier = ${task} AND jobs.run_at <= now() AND jobs.locked_at IS NULL
        AND jobs.attempts < jobs.max_attempts
      ORDER BY jobs.id
      LIMIT ${limit}
      FOR UPDATE OF jobs SKIP LOCKED`
    const claimed: ClaimedJob[] = []
    for (const job of candidates) {
      if (!accept(job.payload)) break
      claimed.push(job)
    }
    if (claimed.length)
      await tx.$executeRaw`
        SELECT FROM graphile_worker.reschedule_jobs(${claimed.map((job) => job.id)}::bigint[],
          run_at := now() + ${holdMs} * interval '1 millisecond')`
    return claimed
  })
}

/** Deletes claimed jobs whose work is done. */
export async function completeClaimedJobs(jobs: ClaimedJob[]) {
  if (!jobs.length) return
  await prisma.$executeRaw`
    SELECT FROM graphile_worker.complete_jobs(${jobs.map((job) => job.id)}::bigint[])`
}

/** Gives claimed jobs back, due now, when the work they were taken for failed. */
export async function releaseClaimedJobs(jobs: ClaimedJob[]) {
  if (!jobs.length) return
  await prisma.$executeRaw`
    SELECT FROM graphile_worker.reschedule_jobs(${jobs.map((job) => job.id)}::bigint[],
      run_at := now())`
}

import { prisma } from '~/infra/db.server.ts'
import { enqueueJobs, listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import type { JobTasks } from '~/infra/jobs/worker.server.ts'
import { SEARCH_PRODUCT_TASK } from '~/services/events/product-changes.server.ts'
import { jobTasks } from '~/services/jobs.server.ts'
import { MAIL_TASK } from '~/services/mail/mail.server.ts'

// Background work waiting in the database: jobs in graphile-worker's queue.

/**
 * The app's tasks but sending mail and updating search: tests read queued emails (mailsTo) and
 * run search updates when they look at the index (runSearchJobs).
 */
export const tasksExceptMailAndSearch: JobTasks = Object.fromEntries(
  Object.entries(jobTasks).filter(([task]) => task !== MAIL_TASK && task !== SEARCH_PRODUCT_TASK),
)

/** How many jobs wait (a refused command must not change it). */
export async function pendingWorkCount() {
  const [jobs] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs`
  return jobs!.n
}

/** The moments of the waiting jobs of `task` whose payload names the product. */
export async function jobMomentsFor(task: string, productId: string) {
  return (await listQueuedJobs(task))
    .filter((job) => {
      const ids = (job.payload as { productIds?: unknown }).productIds
      return Array.isArray(ids) && ids.includes(productId)
    })
    .map((job) => job.runAt.toISOString())
}

/** A job that used up its attempts, as if its task had failed every time. Returns its id. */
export async function createFailedJob(
  task: string,
  payload: Record<string, unknown>,
  error: string,
) {
  await prisma.$transaction((tx) => enqueueJobs(tx, { task, payload, maxAttempts: 3 }))
  const [job] = await prisma.$queryRaw<Array<{ id: bigint }>>`
    UPDATE graphile_worker._private_jobs SET attempts = 3, last_error = ${error}
    WHERE id = (SELECT max(id) FROM graphile_worker._private_jobs)
    RETURNING id`
  return job!.id
}

/** The jobs that used up their attempts: id, task, attempts, when due. */
export function failedJobsState() {
  return prisma.$queryRaw<Array<{ id: bigint; attempts: number; run_at: Date }>>`
    SELECT id, attempts::int AS attempts, run_at FROM graphile_worker._private_jobs
    WHERE attempts >= max_attempts ORDER BY id`
}

/** What each waiting job of these tasks is about, one entry per item its payload names. */
const ITEMS: Record<string, (payload: Record<string, unknown>) => unknown> = {
  'search.product': (payload) => payload.productIds,
  'storage.delete': (payload) => payload.keys,
  'media.sweep': (payload) => payload.assetIds,
  'mail.send': (payload) => [payload.key],
}

/**
 * The items the waiting jobs of `task` name (products to re-index, objects to delete, assets to
 * sweep, emails by key), in the order they were queued, each with its job's moment.
 */
export async function queuedKeys(task = 'search.product') {
  const items = ITEMS[task]
  if (!items) throw new Error(`No item list for ${task}`)
  return (await listQueuedJobs(task)).flatMap((job) =>
    (items(job.payload as Record<string, unknown>) as string[]).map((key) => ({
      key,
      runAt: job.runAt,
    })),
  )
}

/** Deletes the waiting jobs (of `task`, or all), so a test sees only what it queues next. */
export async function clearQueuedJobs(task?: string) {
  await prisma.$executeRaw`
    DELETE FROM graphile_worker._private_jobs AS jobs
    USING graphile_worker._private_tasks AS tasks
    WHERE tasks.id = jobs.task_id AND (${task ?? null}::text IS NULL OR tasks.identifier = ${task ?? null})`
}

/** Makes these jobs due now (as if their moment had come). */
export async function makeJobsDue(ids: bigint[]) {
  await prisma.$executeRaw`
    UPDATE graphile_worker._private_jobs SET run_at = now() WHERE id = ANY(${ids}::bigint[])`
}

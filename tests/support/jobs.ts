import { prisma } from '~/infra/db.server.ts'
import { enqueueJobs, listQueuedJobs } from '~/infra/jobs/queue.server.ts'

// Background work waiting in the database: jobs in graphile-worker's queue, and the outbox
// events of the topics that have not moved to jobs yet.

/** How many jobs and outbox events wait (a refused command must not change it). */
export async function pendingWorkCount() {
  const [jobs] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs`
  return jobs!.n + (await prisma.outboxEvent.count())
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

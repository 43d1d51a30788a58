import { prisma } from '~/infra/db.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'

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

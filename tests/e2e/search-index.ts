import { prisma } from '~/infra/db.server.ts'
import { SEARCH_PRODUCT_TASK } from '~/services/events/product-changes.server.ts'
import { expect } from './fixtures.ts'

/**
 * Waits until the app's own job worker has sent every due change to its Meilisearch: the
 * category, brand and shop grids and /search show the index, which follows the database shortly.
 */
export async function waitForSearchIndex() {
  await expect
    .poll(
      async () => {
        // Due, waiting or running (a job is deleted once done).
        const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
          SELECT count(*)::int AS n FROM graphile_worker._private_jobs AS jobs
          JOIN graphile_worker._private_tasks AS tasks ON tasks.id = jobs.task_id
          WHERE tasks.identifier = ${SEARCH_PRODUCT_TASK} AND jobs.run_at <= now()
            AND jobs.attempts < jobs.max_attempts`
        return row!.n
      },
      { timeout: 60_000 },
    )
    .toBe(0)
}

import { prisma } from '~/infra/db.server.ts'
import { SEARCH_PRODUCT_TOPIC } from '~/services/events/product-changes.server.ts'
import { expect } from './fixtures.ts'

/**
 * Waits until the app's own outbox worker has sent every due change to its Meilisearch: the
 * category, brand and shop grids and /search show the index, which follows the database shortly.
 */
export async function waitForSearchIndex() {
  await expect
    .poll(
      () =>
        prisma.outboxEvent.count({
          where: {
            topic: SEARCH_PRODUCT_TOPIC,
            processedAt: null,
            availableAt: { lte: new Date() },
          },
        }),
      { timeout: 60_000 },
    )
    .toBe(0)
}

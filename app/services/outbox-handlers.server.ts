import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { invalidatePages } from '~/infra/page-cache/page-cache.server.ts'
import { invalidateProductPages, PAGE_TAGS } from './catalog/page-tags.server.ts'
import { mailOutboxHandler } from './mail/mail.server.ts'
import { mediaOutboxHandlers } from './media/cleanup.server.ts'
import { searchProductHandler } from './search/indexer.server.ts'

// The outbox topics not yet moved to jobs (app/services/jobs.server.ts) and the domain services
// that carry them out. New work goes to jobs.

/**
 * Products changed (committed): their own pages read the database, so they go at once; then the
 * search documents, and only then the grids and the rest (they read the index), so a page
 * rendered after each step sees the change however it reads it.
 */
const productChangedHandler: OutboxHandler = {
  ...searchProductHandler,
  async handle(events) {
    const ids = [...new Set(events.map((event) => event.key))]
    await invalidatePages(ids.map(PAGE_TAGS.product))
    await searchProductHandler.handle(events)
    await invalidateProductPages(ids)
  },
}

export const outboxHandlers: OutboxHandler[] = [
  productChangedHandler,
  mailOutboxHandler,
  ...mediaOutboxHandlers,
]

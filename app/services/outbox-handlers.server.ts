import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { invalidateProductPages } from './catalog/page-tags.server.ts'
import { mailOutboxHandler } from './mail/mail.server.ts'
import { mediaOutboxHandlers } from './media/cleanup.server.ts'
import { searchProductHandler } from './search/indexer.server.ts'

// The outbox topics not yet moved to jobs (app/services/jobs.server.ts) and the domain services
// that carry them out. New work goes to jobs.

/**
 * Products changed: their search documents first, then the cached pages showing them (grids
 * read the index, so a page rendered after this sees the change however it reads it).
 */
const productChangedHandler: OutboxHandler = {
  ...searchProductHandler,
  async handle(events) {
    await searchProductHandler.handle(events)
    await invalidateProductPages([...new Set(events.map((event) => event.key))])
  },
}

export const outboxHandlers: OutboxHandler[] = [
  productChangedHandler,
  mailOutboxHandler,
  ...mediaOutboxHandlers,
]

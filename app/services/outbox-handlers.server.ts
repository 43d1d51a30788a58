import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { mailOutboxHandler } from './mail/mail.server.ts'
import { mediaOutboxHandlers } from './media/cleanup.server.ts'
import { searchProductHandler } from './search/indexer.server.ts'

// The outbox topics not yet moved to jobs (app/services/jobs.server.ts) and the domain services
// that carry them out. New work goes to jobs.
export const outboxHandlers: OutboxHandler[] = [
  searchProductHandler,
  mailOutboxHandler,
  ...mediaOutboxHandlers,
]

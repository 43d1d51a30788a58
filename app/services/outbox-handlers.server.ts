import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { repriceHandler } from './catalog/changes.server.ts'
import { mailOutboxHandler } from './mail/mail.server.ts'
import { mediaOutboxHandlers } from './media/cleanup.server.ts'
import { paymentRefundHandler } from './orders/payments/refunds.server.ts'
import { searchProductHandler } from './search/indexer.server.ts'

// Every outbox topic and the domain service that carries it out. A domain adds its handler here.
export const outboxHandlers: OutboxHandler[] = [
  searchProductHandler,
  repriceHandler,
  mailOutboxHandler,
  paymentRefundHandler,
  ...mediaOutboxHandlers,
]

import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { searchProductHandler } from './search/indexer.server.ts'

// Every outbox topic and the domain service that carries it out. A domain adds its handler here.
export const outboxHandlers: OutboxHandler[] = [searchProductHandler]

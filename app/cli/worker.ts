// `npm run worker`: runs the outbox worker as its own process (when scaling out, set
// OUTBOX_WORKER=off on the web processes and run this instead).
import './env-file.ts'
import { logger } from '~/infra/logger.server.ts'
import { startOutboxWorker } from '~/infra/outbox/worker.server.ts'
import { outboxHandlers } from '~/services/outbox-handlers.server.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const stop = startOutboxWorker({ handlers: outboxHandlers })
  logger.info(
    `Outbox worker running (${outboxHandlers.map((handler) => handler.topic).join(', ') || 'no topics yet'})`,
  )
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve)
    process.once('SIGINT', resolve)
  })
  await stop()
})

import { z } from 'zod'
import { logger } from '~/infra/logger.server.ts'
import { prisma } from '~/infra/db.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { postDelivery, postRefund, releaseDue } from './ledger.server.ts'

// The finance domain's jobs: `ledger.post` carries out what orders announced through
// app/services/events/ledger-events.server.ts (idempotent, so retries are harmless), and
// `ledger.release` (every 15 minutes) moves balances whose return window is over to available.

export const LEDGER_RELEASE_TASK = 'ledger.release'

const LedgerEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shipment-delivered'), shipmentId: z.string().min(1) }),
  z.object({ kind: z.literal('refund-recorded'), refundId: z.string().min(1) }),
])

export const ledgerPostTask: JobTask = async (payload) => {
  const event = LedgerEventSchema.parse(payload)
  await prisma.$transaction((tx) =>
    event.kind === 'shipment-delivered'
      ? postDelivery(tx, event.shipmentId)
      : postRefund(tx, event.refundId),
  )
}

export const ledgerReleaseTask: JobTask = async () => {
  const released = await releaseDue()
  if (released) logger.info({ released }, 'Released shop balances past their return window')
}

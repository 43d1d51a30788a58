import { z } from 'zod'
import { prisma } from '~/infra/db.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { tellRefunded } from '../item-returns.server.ts'
import { findPaymentProvider } from './index.server.ts'

// A received return's refund through the order's provider, once: the provider call is
// idempotent on the Refund's id (Stripe's Idempotency-Key), so a retry after a crash, or the job
// running twice at once, gives the money back once; then the first to record it (PENDING →
// SUCCEEDED) tells the shopper, and the other changes nothing. No transaction is open while the
// provider is called. A provider that keeps refusing leaves a failed job for an admin.

const PayloadSchema = z.object({ refundId: z.string().min(1) })

export const returnRefundTask: JobTask = async (payload) => {
  const { refundId } = PayloadSchema.parse(payload)
  const refund = await prisma.refund.findUnique({
    where: { id: refundId },
    include: { order: { select: { id: true, paymentReference: true } } },
  })
  if (!refund || refund.status !== 'PENDING') return
  const provider = findPaymentProvider(refund.provider)
  if (!provider?.refundPart || !refund.order.paymentReference)
    throw new Error(`Provider "${refund.provider}" cannot refund part of order ${refund.orderId}`)
  const made = await provider.refundPart({
    key: refund.id,
    orderId: refund.order.id,
    reference: refund.order.paymentReference,
    amount: refund.amount,
    currency: refund.currency,
  })
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.refund.updateMany({
      where: { id: refund.id, status: 'PENDING' },
      data: { status: 'SUCCEEDED', providerReference: made.reference, completedAt: new Date() },
    })
    if (count) await tellRefunded(tx, refund.id)
  })
}

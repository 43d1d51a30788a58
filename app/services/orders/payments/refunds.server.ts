import { z } from 'zod'
import { prisma } from '~/infra/db.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { findPaymentProvider } from './index.server.ts'

// Refunds for cancelled orders that were paid: cancelling queues a `payment.refund` job in its
// transaction; this job asks the order's provider to give the money back (retried with backoff
// until it does, then kept for an admin as failed) and then records it. No transaction is open
// while the provider is called; the provider's refund is idempotent per order.

const RefundPayloadSchema = z.object({ orderId: z.string().min(1) })

export const paymentRefundTask: JobTask = async (payload) => {
  const { orderId } = RefundPayloadSchema.parse(payload)
  const order = await prisma.order.findUnique({ where: { id: orderId } })
  if (!order || order.paymentStatus !== 'REFUND_PENDING') return
  const provider = findPaymentProvider(order.paymentMethod)
  if (!provider)
    throw new Error(`No payment provider "${order.paymentMethod}" to refund order ${order.number}`)
  await provider.refund({
    id: order.id,
    number: order.number,
    amount: order.total,
    currency: order.currency,
    email: order.email,
    reference: order.paymentReference ?? '',
  })
  await prisma.order.updateMany({
    where: { id: order.id, paymentStatus: 'REFUND_PENDING' },
    data: { paymentStatus: 'REFUNDED' },
  })
}

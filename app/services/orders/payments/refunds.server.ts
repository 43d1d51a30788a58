import { prisma } from '~/infra/db.server.ts'
import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { PAYMENT_REFUND_TOPIC } from '../orders.server.ts'
import { findPaymentProvider } from './index.server.ts'

// Refunds for cancelled orders that were paid: cancelling writes a `payment.refund` outbox row
// in its transaction; this handler asks the order's provider to give the money back (retried
// with backoff until it does) and then records it.

export const paymentRefundHandler: OutboxHandler = {
  topic: PAYMENT_REFUND_TOPIC,
  batchSize: 10,
  async handle(events) {
    const failed = new Map<bigint, unknown>()
    for (const event of events) {
      try {
        const order = await prisma.order.findUnique({ where: { id: event.key } })
        if (!order || order.paymentStatus !== 'REFUND_PENDING') continue
        const provider = findPaymentProvider(order.paymentMethod)
        if (!provider)
          throw new Error(
            `No payment provider "${order.paymentMethod}" to refund order ${order.number}`,
          )
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
      } catch (error) {
        failed.set(event.id, error)
      }
    }
    return { failed }
  },
}

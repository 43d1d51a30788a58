import { businessMetrics } from '~/infra/business-metrics.server.ts'
import { prisma, type Tx } from '~/infra/db.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import { PAYMENT_REFUND_TASK } from '../orders.server.ts'

// The one place an online payment turns an order PAID. The shopper's return from the provider,
// its webhook and the hold's last check can all arrive for the same payment, in any order and at
// the same moment: each locks the order's row, so exactly one finds it waiting and marks it paid;
// the others find it paid and change nothing. A payment that arrives after the order's hold was
// released (the order is cancelled, its stock back on sale) is given back: it is recorded as
// REFUND_PENDING and the refund job runs (ADR 024).

export type ConfirmOutcome = 'paid' | 'already-paid' | 'refunding' | 'unknown-order'

type LockedOrder = { id: string; status: string; paymentStatus: string; paymentMethod: string }

export async function confirmPaymentInTx(
  tx: Tx,
  orderId: string,
  reference: string,
): Promise<ConfirmOutcome> {
  return (await confirmLocked(tx, orderId, reference)).outcome
}

/** Counts a confirmation on /metrics; call it once its transaction has committed. */
export function countConfirmation(provider: string, outcome: ConfirmOutcome) {
  if (outcome === 'paid') businessMetrics.countPayment(provider, 'paid')
  if (outcome === 'refunding') businessMetrics.countPayment(provider, 'paid_after_release')
}

async function confirmLocked(tx: Tx, orderId: string, reference: string) {
  const [order] = await tx.$queryRaw<LockedOrder[]>`
    SELECT "id", "status"::text AS "status", "paymentStatus"::text AS "paymentStatus",
      "paymentMethod"
    FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`
  if (!order) return { outcome: 'unknown-order' as const, provider: '' }
  return { outcome: await confirmOrder(tx, order, reference), provider: order.paymentMethod }
}

async function confirmOrder(
  tx: Tx,
  order: LockedOrder,
  reference: string,
): Promise<ConfirmOutcome> {
  if (order.paymentStatus === 'PENDING' && order.status !== 'CANCELLED') {
    await tx.order.update({
      where: { id: order.id },
      data: { paymentStatus: 'PAID', paymentReference: reference, paymentHeldUntil: null },
    })
    return 'paid'
  }
  if (order.paymentStatus === 'VOIDED') {
    // Cancelled (its hold released, or by the shopper) before the money came.
    await tx.order.update({
      where: { id: order.id },
      data: { paymentStatus: 'REFUND_PENDING', paymentReference: reference },
    })
    await enqueueJobs(tx, { task: PAYMENT_REFUND_TASK, payload: { orderId: order.id } })
    return 'refunding'
  }
  return 'already-paid'
}

/** The provider took the money for `orderId` (see confirmPaymentInTx). */
export async function confirmPayment(orderId: string, reference: string) {
  const { outcome, provider } = await prisma.$transaction(
    (tx) => confirmLocked(tx, orderId, reference),
    { maxWait: 15_000, timeout: 20_000 },
  )
  countConfirmation(provider, outcome)
  return outcome
}

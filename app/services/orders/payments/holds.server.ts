import { z } from 'zod'
import { businessMetrics } from '~/infra/business-metrics.server.ts'
import { prisma, type Tx } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { orderEmailLocale, renderOrderCancelled } from '../emails.server.ts'
import { orderPathFor } from '../order-access.server.ts'
import { customerNameOf } from '../orders.server.ts'
import { lockStock, returnStock, type StockChange } from '../stock.server.ts'
import { confirmPayment } from './confirm.server.ts'
import { findPaymentProvider } from './index.server.ts'

// An order paid online holds its stock while the shopper pays, for PAYMENT_HOLD_MINUTES. Placing
// it queues this job for the end of the hold, in the same transaction. When it runs and the order
// is still unpaid, it first asks the provider (the shopper may have paid and never come back, the
// webhook may be late): paid, the order is confirmed; otherwise it is cancelled and its stock goes
// back on sale. A payment that completes after that is refunded (confirm.server.ts, ADR 024).

export const PAYMENT_HOLD_TASK = 'payment.hold-expiry'

/** Holds the order's stock until `heldUntil`; pass the transaction that places it. */
export async function holdForPayment(tx: Tx, orderId: string, heldUntil: Date) {
  await enqueueJobs(tx, {
    task: PAYMENT_HOLD_TASK,
    payload: { orderId },
    runAt: heldUntil,
    jobKey: `payment-hold:${orderId}`,
  })
}

export function holdEndsAt(now: Date) {
  return new Date(now.getTime() + getEnv().PAYMENT_HOLD_MINUTES * 60_000)
}

export type ReleaseOutcome = 'released' | 'paid' | 'not-waiting' | 'not-due'

const PayloadSchema = z.object({ orderId: z.string().min(1) })

export const paymentHoldTask: JobTask = async (payload) => {
  const { orderId } = PayloadSchema.parse(payload)
  await releaseUnpaidOrder(orderId)
}

/** Releases the order's stock if it is still unpaid once its hold has ended (see above). */
export async function releaseUnpaidOrder(
  orderId: string,
  now: Date = new Date(),
): Promise<ReleaseOutcome> {
  const order = await prisma.order.findUnique({ where: { id: orderId } })
  if (!order || order.paymentStatus !== 'PENDING' || order.status === 'CANCELLED')
    return 'not-waiting'
  if (!order.paymentHeldUntil) return 'not-waiting'
  if (order.paymentHeldUntil > now) return 'not-due'
  const provider = findPaymentProvider(order.paymentMethod)
  const paymentOrder = {
    id: order.id,
    number: order.number,
    amount: order.total,
    currency: order.currency,
    email: order.email,
    reference: order.paymentReference ?? '',
  }
  // Throws when the provider cannot say: the job is tried again later and the hold lasts until then.
  if (provider?.check && order.paymentReference) {
    const checked = await provider.check(paymentOrder)
    if (checked.paid) {
      await confirmPayment(order.id, checked.reference)
      return 'paid'
    }
  }
  const released = await prisma.$transaction((tx) => releaseInTx(tx, order.id, now), {
    maxWait: 15_000,
    timeout: 20_000,
  })
  if (released && provider?.release && order.paymentReference) {
    await provider.release(paymentOrder).catch((error: unknown) => {
      logger.warn(
        { err: error, order: order.number },
        'Could not cancel a released order’s payment',
      )
    })
  }
  if (released) businessMetrics.countPayment(order.paymentMethod, 'expired')
  return released ? 'released' : 'not-waiting'
}

async function releaseInTx(tx: Tx, orderId: string, now: Date) {
  // The order's lock orders this after (or before) a payment being confirmed at the same moment.
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      user: { select: { name: true, locale: true } },
      lines: { select: { productId: true, variantId: true, quantity: true } },
    },
  })
  if (order.paymentStatus !== 'PENDING' || order.status === 'CANCELLED') return false
  const changes: StockChange[] = order.lines
    .filter(
      (line): line is typeof line & { productId: string; variantId: string } =>
        line.productId !== null && line.variantId !== null,
    )
    .map(({ productId, variantId, quantity }) => ({ productId, variantId, quantity }))
  if (changes.length) {
    await lockStock(tx, changes)
    await returnStock(tx, changes, now)
    await recordProductChanges(
      tx,
      changes.map((change) => change.productId),
    )
  }
  await tx.shipment.updateMany({
    where: { orderId },
    data: { status: 'CANCELLED', cancelledAt: now },
  })
  await tx.order.update({
    where: { id: orderId },
    data: {
      status: 'CANCELLED',
      cancelledAt: now,
      paymentStatus: 'VOIDED',
      paymentHeldUntil: null,
    },
  })
  const email = renderOrderCancelled(orderEmailLocale(order), {
    number: order.number,
    path: orderPathFor(order),
    customerName: customerNameOf(order),
    currency: order.currency,
    total: order.total,
    cancelledAt: now,
    refund: false,
  })
  await enqueueMail(tx, `order:${order.id}:cancelled`, { to: order.email, ...email })
  return true
}

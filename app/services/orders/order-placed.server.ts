import { z } from 'zod'
import { LOCALES, type Locale } from '~/i18n/locales.ts'
import { prisma, type Tx } from '~/infra/db.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { enqueueNewOrderForSellers } from './seller-emails.server.ts'
import { renderOrderPlaced } from './emails.server.ts'
import { orderPathFor } from './order-access.server.ts'
import { customerNameOf, parseAddressSnapshot } from './orders.server.ts'

// Placing an order queues the event (which order, and the shopper's email language); this job,
// after the commit, renders the shopper's confirmation and each shop's "new order" email from
// the order's rows and hands them to the mail queue, so the checkout transaction does no
// formatting or layout.

export const ORDER_PLACED_TASK = 'order.placed'

const OrderPlacedSchema = z.object({ orderId: z.string().min(1), locale: z.enum(LOCALES) })

/** Queues the confirmation of a new order; pass the transaction that creates it. */
export async function enqueueOrderPlaced(tx: Tx, orderId: string, locale: Locale) {
  await enqueueJobs(tx, { task: ORDER_PLACED_TASK, payload: { orderId, locale } })
}

export const orderPlacedTask: JobTask = async (payload) => {
  const { orderId, locale } = OrderPlacedSchema.parse(payload)
  const mailKey = `order:${orderId}:placed`
  await prisma.$transaction(async (tx) => {
    // Claimed with the emails, so a retry after they were queued (the job's end not recorded)
    // does not send them twice.
    const claimed = await tx.order.updateMany({
      where: { id: orderId, placedMailQueuedAt: null },
      data: { placedMailQueuedAt: new Date() },
    })
    if (!claimed.count) return
    const order = await tx.order.findUnique({
      where: { id: orderId },
      include: {
        user: { select: { name: true } },
        lines: {
          orderBy: { id: 'asc' },
          include: {
            discounts: { select: { code: true, amount: true }, orderBy: { code: 'asc' } },
          },
        },
        promoRedemptions: { select: { promoCode: { select: { code: true } } } },
      },
    })
    if (!order) return
    const customerName = customerNameOf(order)
    const address = parseAddressSnapshot(order.shippingAddress)
    const email = renderOrderPlaced(locale, {
      number: order.number,
      path: orderPathFor(order),
      customerName,
      currency: order.currency,
      placedAt: order.placedAt,
      itemsTotal: order.itemsTotal,
      itemsRegular: order.itemsRegular,
      promoDiscount: order.promoDiscount,
      shippingDiscount: order.shippingDiscount,
      promoCodes: order.promoRedemptions.map((redemption) => redemption.promoCode.code),
      shippingCost: order.shippingCost,
      total: order.total,
      shippingMethod: order.shippingMethod,
      paymentMethod: order.paymentMethod,
      address,
      lines: order.lines,
    })
    await enqueueMail(tx, mailKey, { to: order.email, ...email })
    await enqueueNewOrderForSellers(tx, {
      id: order.id,
      number: order.number,
      customerName,
      currency: order.currency,
      placedAt: order.placedAt,
      shippingMethod: order.shippingMethod,
      address,
      lines: order.lines,
    })
  })
}

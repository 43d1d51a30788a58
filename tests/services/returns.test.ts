import { afterAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import {
  decideReturn,
  getOrderReturns,
  receiveReturn,
  requestReturn,
  RETURN_REFUND_TASK,
} from '~/services/orders/item-returns.server.ts'
import { completeStripeReturn } from '~/services/orders/payments/returns.server.ts'
import { returnRefundTask } from '~/services/orders/payments/return-refunds.server.ts'
import { refundAmountFor } from '~/services/orders/refund-amounts.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'

// Returns of delivered items and their refunds, against the real database and, for card
// payments, the real Stripe SDK talking to the local stand-in of Stripe's API.
const stripe = await vi.hoisted(async () => {
  const { startStripeStandIn, STAND_IN_SECRET_KEY, STAND_IN_WEBHOOK_SECRET } =
    await import('../support/payments/stripe-stand-in.ts')
  const started = await startStripeStandIn()
  process.env.PAYMENT_PROVIDERS = 'stripe,pay-on-delivery'
  process.env.STRIPE_SECRET_KEY = STAND_IN_SECRET_KEY
  process.env.STRIPE_WEBHOOK_SECRET = STAND_IN_WEBHOOK_SECRET
  process.env.STRIPE_API_URL = started.apiUrl
  process.env.RETURN_WINDOW_DAYS = '14'
  return started
})

afterAll(() => stripe.close())

const DAY = 24 * 60 * 60 * 1000
const stockOf = async (variantId: string) =>
  (await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock

/** A delivered order of `quantity` units at `price` (paid by card or on delivery). */
async function deliveredOrder(
  options: { quantity?: number; price?: number; paymentMethod?: string } = {},
) {
  const shopper = await createUser()
  const seller = await createSeller()
  const product = await createProduct(seller.shop.id, {
    price: options.price ?? 4_000,
    variants: [{ stock: 10 }],
  })
  const variantId = product.variants[0]!.id
  const placed = await placeTestOrder(
    shopper.id,
    [{ variantId, quantity: options.quantity ?? 3 }],
    { paymentMethod: options.paymentMethod ?? 'pay-on-delivery' },
  )
  let order = await prisma.order.findUniqueOrThrow({
    where: { id: placed.id },
    include: { lines: true },
  })
  if (order.paymentMethod === 'stripe') {
    stripe.completeSession(order.paymentReference!)
    await completeStripeReturn(order.paymentReference!)
  }
  const deliveredAt = new Date()
  await markShipped(seller.user.id, order.number, {
    carrier: 'post',
    trackingNumber: 'TRACK-123456',
  })
  await markDelivered(seller.user.id, order.number, deliveredAt)
  order = await prisma.order.findUniqueOrThrow({
    where: { id: placed.id },
    include: { lines: true },
  })
  return { shopper, seller, order, line: order.lines[0]!, variantId, deliveredAt }
}

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return (error as { code?: string }).code
  }
  return 'ok'
}

const ask = (shopperId: string, number: string, lineId: string, quantity: number, now?: Date) =>
  requestReturn(
    { userId: shopperId },
    number,
    { lineId, quantity, reason: 'WRONG_SIZE', note: '' },
    now,
  )

describe('asking for a return', () => {
  test('within the window after delivery, not before delivery nor after the window', async () => {
    const { shopper, order, line, deliveredAt } = await deliveredOrder()
    const last = new Date(deliveredAt.getTime() + 14 * DAY)
    expect(
      await codeOf(ask(shopper.id, order.number, line.id, 1, new Date(last.getTime() + 1))),
    ).toBe('return-window-closed')
    expect(await codeOf(ask(shopper.id, order.number, line.id, 1, last))).toBe('ok')
    expect((await getOrderReturns(order, new Date(last.getTime() + 1))).returnable).toEqual({})

    // A parcel not delivered yet cannot be returned.
    const other = await createUser()
    const { shop } = await createSeller()
    const product = await createProduct(shop.id, { variants: [{ stock: 2 }] })
    const placed = await placeTestOrder(other.id, [
      { variantId: product.variants[0]!.id, quantity: 1 },
    ])
    const pending = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      include: { lines: true },
    })
    expect(await codeOf(ask(other.id, pending.number, pending.lines[0]!.id, 1))).toBe(
      'return-not-delivered',
    )
  })

  test('never more units than bought and not already in a return; a refused return frees its units', async () => {
    const { shopper, seller, order, line } = await deliveredOrder({ quantity: 3 })
    const first = await ask(shopper.id, order.number, line.id, 2)
    expect(await codeOf(ask(shopper.id, order.number, line.id, 2))).toBe('return-too-many')
    await decideReturn(seller.user.id, order.number, first.id, {
      decision: 'refuse',
      reason: 'Worn and washed',
    })
    expect((await getOrderReturns(order)).returnable[line.id]?.units).toBe(3)
    await ask(shopper.id, order.number, line.id, 3)
    expect(await codeOf(ask(shopper.id, order.number, line.id, 1))).toBe('return-none-left')
    // Six at once for the last units of a fresh order: the order's lock lets exactly the ones that fit in.
    const again = await deliveredOrder({ quantity: 3 })
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        codeOf(ask(again.shopper.id, again.order.number, again.line.id, 1)),
      ),
    )
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(3)
    expect(await prisma.returnRequest.count({ where: { orderId: again.order.id } })).toBe(3)
  })

  test('another shopper’s order is not found; the seller hears of the request', async () => {
    const { shopper, seller, order, line } = await deliveredOrder()
    const stranger = await createUser()
    expect(await codeOf(ask(stranger.id, order.number, line.id, 1))).toBe('not-found')
    await ask(shopper.id, order.number, line.id, 1)
    const notes = await prisma.notification.findMany({ where: { userId: seller.user.id } })
    expect(notes.map((note) => note.kind)).toContain('RETURN_REQUESTED')
  })
})

describe('the seller’s side', () => {
  test('seller B can neither decide nor receive seller A’s return', async () => {
    const { shopper, seller, order, line } = await deliveredOrder()
    const request = await ask(shopper.id, order.number, line.id, 1)
    const other = await createSeller('Other Seller')
    expect(
      await codeOf(decideReturn(other.user.id, order.number, request.id, { decision: 'approve' })),
    ).toBe('not-found')
    await decideReturn(seller.user.id, order.number, request.id, { decision: 'approve' })
    expect(
      await codeOf(receiveReturn(other.user.id, order.number, request.id, { resellable: true })),
    ).toBe('not-found')
    expect(
      await prisma.returnRequest.findUniqueOrThrow({ where: { id: request.id } }),
    ).toMatchObject({ status: 'APPROVED', receivedAt: null })
    expect(await prisma.refund.count({ where: { orderId: order.id } })).toBe(0)
    // Deciding twice, or receiving before approving, is refused.
    expect(
      await codeOf(decideReturn(seller.user.id, order.number, request.id, { decision: 'approve' })),
    ).toBe('return-approved')
    const second = await ask(shopper.id, order.number, line.id, 1)
    expect(
      await codeOf(receiveReturn(seller.user.id, order.number, second.id, { resellable: true })),
    ).toBe('return-requested')
  })

  test('stock comes back only for items the seller calls resellable', async () => {
    const { shopper, seller, order, line, variantId } = await deliveredOrder({ quantity: 3 })
    const before = await stockOf(variantId)
    const kept = await ask(shopper.id, order.number, line.id, 1)
    const resold = await ask(shopper.id, order.number, line.id, 2)
    for (const request of [kept, resold])
      await decideReturn(seller.user.id, order.number, request.id, { decision: 'approve' })
    await receiveReturn(seller.user.id, order.number, kept.id, { resellable: false })
    expect(await stockOf(variantId)).toBe(before)
    await receiveReturn(seller.user.id, order.number, resold.id, { resellable: true })
    expect(await stockOf(variantId)).toBe(before + 2)
  })
})

describe('refunds', () => {
  test('the amount: paid price less the units’ share of promo discounts, adding up exactly', () => {
    const line = { quantity: 3, unitPrice: 999, discount: 100 }
    const oneByOne = [0, 1, 2].map((already) => refundAmountFor(line, already, 1))
    expect(oneByOne).toEqual([966, 966, 965])
    expect(oneByOne.reduce((a, b) => a + b)).toBe(3 * 999 - 100)
    expect(refundAmountFor(line, 0, 2) + refundAmountFor(line, 2, 1)).toBe(2897)
    expect(refundAmountFor(line, 0, 3)).toBe(2897)
    expect(refundAmountFor({ quantity: 7, unitPrice: 1_000, discount: 0 }, 3, 4)).toBe(4_000)
    expect(() => refundAmountFor(line, 2, 2)).toThrow(RangeError)
  })

  test('pay on delivery: a manual refund of the promo-discounted amount, recorded and told', async () => {
    const { shopper, seller, order, line } = await deliveredOrder({ quantity: 3, price: 999 })
    // What a 100-off code took off the line when the order was placed.
    const code = await prisma.promoCode.create({
      data: { code: `RET-${line.id.slice(-6).toUpperCase()}`, kind: 'FIXED', value: 100 },
    })
    await prisma.orderLineDiscount.create({
      data: { orderLineId: line.id, promoCodeId: code.id, code: code.code, amount: 100 },
    })
    const amounts: number[] = []
    for (const units of [1, 2]) {
      const request = await ask(shopper.id, order.number, line.id, units)
      await decideReturn(seller.user.id, order.number, request.id, { decision: 'approve' })
      const refund = await receiveReturn(seller.user.id, order.number, request.id, {
        resellable: true,
      })
      expect(refund.status).toBe('MANUAL')
      amounts.push(refund.amount)
    }
    expect(amounts).toEqual([966, 1931])
    const refunds = await prisma.refund.findMany({
      where: { orderId: order.id },
      include: { lines: true },
    })
    expect(refunds.reduce((sum, refund) => sum + refund.amount, 0)).toBe(line.lineTotal - 100)
    expect(refunds.every((refund) => refund.lines[0]?.amount === refund.amount)).toBe(true)
    const told = await prisma.notification.findMany({
      where: { userId: shopper.id, kind: 'RETURN_REFUNDED' },
    })
    expect(told.map((note) => note.data)).toEqual([
      expect.objectContaining({ amount: 966, manual: true }),
      expect.objectContaining({ amount: 1931, manual: true }),
    ])
    expect(await listQueuedJobs(RETURN_REFUND_TASK)).toEqual([])
  })

  test('by card: the job run twice at once refunds once through Stripe, and tells the shopper once', async () => {
    const { shopper, seller, order, line } = await deliveredOrder({
      quantity: 2,
      price: 12_900,
      paymentMethod: 'stripe',
    })
    expect(order.paymentStatus).toBe('PAID')
    const request = await ask(shopper.id, order.number, line.id, 1)
    await decideReturn(seller.user.id, order.number, request.id, { decision: 'approve' })
    const refund = await receiveReturn(seller.user.id, order.number, request.id, {
      resellable: true,
    })
    expect(refund).toMatchObject({ status: 'PENDING', amount: 12_900 })
    const [queued] = await listQueuedJobs(RETURN_REFUND_TASK)
    expect(queued?.payload).toEqual({ refundId: refund.id })

    await Promise.all([
      returnRefundTask({ refundId: refund.id }, {} as never),
      returnRefundTask({ refundId: refund.id }, {} as never),
    ])
    await runDueJobs(tasksExceptMailAndSearch)
    await returnRefundTask({ refundId: refund.id }, {} as never)

    const made = stripe.refunds.filter((one) => one.payment_intent === order.paymentReference)
    expect(made).toHaveLength(1)
    expect(made[0]!.amount).toBe(12_900)
    expect(await prisma.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: 'SUCCEEDED',
      providerReference: made[0]!.id,
    })
    expect(
      await prisma.notification.count({ where: { userId: shopper.id, kind: 'RETURN_REFUNDED' } }),
    ).toBe(1)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe(
      'PAID',
    )
  })
})

import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { LEDGER_POST_TASK } from '~/services/events/ledger-events.server.ts'
import { checkLedger } from '~/services/finance/check.server.ts'
import { ledgerPostTask } from '~/services/finance/jobs.server.ts'
import { postDelivery, postRefund, releaseDue } from '~/services/finance/ledger.server.ts'
import {
  markPayoutPaid,
  postAdjustment,
  requestPayout,
  saveBankDetails,
} from '~/services/finance/payouts.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import {
  decideReturn,
  receiveReturn,
  requestReturn,
} from '~/services/orders/item-returns.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// The shops' books against the real database: what delivery, refunds, the release after the
// return window and payouts post, that posting twice (or at once) counts once, and that the
// check finds the books balanced.

const DAY = 24 * 60 * 60 * 1000
const IBAN = 'IR820540102680020817909002'
const runLedgerJobs = () => runDueJobs({ [LEDGER_POST_TASK]: ledgerPostTask })
const balanceOf = async (shopId: string) =>
  (await prisma.shopBalance.findUnique({ where: { shopId } })) ?? { pending: 0, available: 0 }

async function sellerWithRate(bps: number | null) {
  const seller = await createSeller()
  await prisma.shop.update({ where: { id: seller.shop.id }, data: { commissionBps: bps } })
  await saveBankDetails(seller.user.id, { iban: IBAN, holder: 'Sami Seller' })
  return seller
}

async function deliveredOrder(
  seller: Awaited<ReturnType<typeof createSeller>>,
  options: { price?: number; quantity?: number; deliveredAt?: Date } = {},
) {
  const shopper = await createUser()
  const product = await createProduct(seller.shop.id, {
    price: options.price ?? 4_000,
    variants: [{ stock: 50 }],
  })
  const placed = await placeTestOrder(shopper.id, [
    { variantId: product.variants[0]!.id, quantity: options.quantity ?? 1 },
  ])
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: placed.id },
    include: { lines: true, shipments: true },
  })
  await markShipped(seller.user.id, order.number, { carrier: 'post', trackingNumber: 'TRACK-1' })
  await markDelivered(seller.user.id, order.number, options.deliveredAt ?? new Date())
  return { shopper, order, line: order.lines[0]! }
}

async function returned(
  shopperId: string,
  sellerId: string,
  number: string,
  lineId: string,
  quantity: number,
) {
  const asked = await requestReturn({ userId: shopperId }, number, {
    lineId,
    quantity,
    reason: 'WRONG_SIZE',
    note: '',
  })
  await decideReturn(sellerId, number, asked.id, { decision: 'approve' })
  return receiveReturn(sellerId, number, asked.id, { resellable: true })
}

describe('a delivery in the books', () => {
  test('sale, commission at the fixed rate and the delivery share go to pending, once', async () => {
    const seller = await sellerWithRate(1250)
    const { order, line } = await deliveredOrder(seller, { price: 4_001, quantity: 1 })
    expect(line.commissionBps).toBe(1250)
    await runLedgerJobs()
    const entries = await prisma.ledgerEntry.findMany({
      where: { shopId: seller.shop.id, account: 'SHOP_PENDING' },
    })
    const byType = Object.fromEntries(entries.map((entry) => [entry.type, entry.amount]))
    expect(byType).toEqual({
      SALE: 4_001,
      COMMISSION: -Math.floor((4_001 * 1250) / 10_000),
      SHIPPING: order.shippingCost,
    })
    expect(entries.every((entry) => entry.orderId === order.id)).toBe(true)
    const pending = 4_001 - 500 + order.shippingCost
    expect(await balanceOf(seller.shop.id)).toMatchObject({ pending, available: 0 })

    // The same event again, and twice at once: nothing more.
    await prisma.$transaction((tx) => postDelivery(tx, order.shipments[0]!.id))
    await Promise.all(
      [1, 2, 3].map(() => prisma.$transaction((tx) => postDelivery(tx, order.shipments[0]!.id))),
    )
    expect(await balanceOf(seller.shop.id)).toMatchObject({ pending, available: 0 })
    expect(await checkLedger()).toEqual([])
  })
})

describe('refunds, release and payouts', () => {
  test('a refund comes out of pending with its commission back; the rest becomes available after the window', async () => {
    const seller = await sellerWithRate(1000)
    const deliveredAt = new Date()
    const { shopper, order, line } = await deliveredOrder(seller, {
      price: 3_333,
      quantity: 3,
      deliveredAt,
    })
    await runLedgerJobs()
    const before = await balanceOf(seller.shop.id)
    // 3 × 3,333 = 9,999 at 10%: 999 commission; delivery free above the threshold.
    expect(before).toMatchObject({ pending: 9_999 - 999 + order.shippingCost })

    const first = await returned(shopper.id, seller.user.id, order.number, line.id, 1)
    const second = await returned(shopper.id, seller.user.id, order.number, line.id, 1)
    // The refund job and the release can run in either order; a second post is harmless.
    await runLedgerJobs()
    await prisma.$transaction((tx) => postRefund(tx, first.id))
    const afterRefunds = await balanceOf(seller.shop.id)
    // Refunds of 3,333 each give back 333 of the commission each (cumulative shares of 999).
    expect(first.amount + second.amount).toBe(6_666)
    expect(afterRefunds.pending).toBe(before.pending - 6_666 + 333 + 333)

    // Inside the window nothing is released; a return still open holds the shipment after it.
    const asked = await requestReturn(
      { userId: shopper.id },
      order.number,
      { lineId: line.id, quantity: 1, reason: 'DAMAGED', note: '' },
      new Date(deliveredAt.getTime() + 13 * DAY),
    )
    // (Other tests' shops may be released too: this shop's balance is what is looked at.)
    await releaseDue(new Date(deliveredAt.getTime() + 10 * DAY))
    await releaseDue(new Date(deliveredAt.getTime() + 20 * DAY))
    expect(await balanceOf(seller.shop.id)).toMatchObject({
      pending: afterRefunds.pending,
      available: afterRefunds.available,
    })
    await decideReturn(seller.user.id, order.number, asked.id, {
      decision: 'refuse',
      reason: 'Worn',
    })
    await releaseDue(new Date(deliveredAt.getTime() + 20 * DAY))
    expect(await balanceOf(seller.shop.id)).toMatchObject({
      pending: 0,
      available: afterRefunds.pending,
    })
    expect(await releaseDue(new Date(deliveredAt.getTime() + 21 * DAY))).toBe(0)

    // The line's commission: 999 charged, 666 given back.
    const fees = await prisma.ledgerEntry.aggregate({
      where: { orderLineId: line.id, account: 'PLATFORM_FEES' },
      _sum: { amount: true },
    })
    expect(fees._sum.amount).toBe(333)
    expect(await checkLedger()).toEqual([])
  })

  test('a payout takes at most what is available, at its field; paid with a reference, audited', async () => {
    const seller = await sellerWithRate(0)
    const admin = await createUser({ roles: ['ADMIN'] })
    const deliveredAt = new Date(Date.now() - 30 * DAY)
    await deliveredOrder(seller, { price: 5_000, quantity: 2, deliveredAt })
    await runLedgerJobs()
    await releaseDue()
    const { available } = await balanceOf(seller.shop.id)
    expect(available).toBe(10_000)

    const tooMuch = await requestPayout(seller.user.id, available + 1).catch((error) => error)
    expect(tooMuch).toMatchObject({ code: 'payout-too-much', field: 'amount' })
    const payout = await requestPayout(seller.user.id, 6_000)
    expect(payout).toMatchObject({ status: 'REQUESTED', iban: IBAN, amount: 6_000 })
    expect(await balanceOf(seller.shop.id)).toMatchObject({ available: 4_000 })

    await markPayoutPaid(admin, payout.id, 'TRX-0042')
    const again = await markPayoutPaid(admin, payout.id, 'TRX-0043').catch((error) => error)
    expect(again).toMatchObject({ code: 'payout-already-paid' })
    expect(await prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: 'PAID',
      reference: 'TRX-0042',
      paidById: admin.id,
    })
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { action: 'payout.mark-paid', targetId: payout.id },
    })
    expect(audit.details).toMatchObject({ amount: 6_000, reference: 'TRX-0042' })

    // An adjustment corrects the available balance; the same key twice counts once.
    await postAdjustment(seller.shop.id, { key: 'goodwill-1', amount: 250, memo: 'Goodwill' })
    await postAdjustment(seller.shop.id, { key: 'goodwill-1', amount: 250, memo: 'Goodwill' })
    expect(await balanceOf(seller.shop.id)).toMatchObject({ available: 4_250 })
    expect(await checkLedger()).toEqual([])
  })

  test('no bank details: no payout', async () => {
    const seller = await createSeller()
    const refused = await requestPayout(seller.user.id, 100).catch((error) => error)
    expect(refused).toMatchObject({ code: 'payout-no-bank', field: 'amount' })
  })
})

describe('races on one balance', () => {
  test('a refund and a payout at once: both land, in one order, and the books balance', async () => {
    const seller = await sellerWithRate(500)
    // Money available from an old order, and a recent order being returned.
    await deliveredOrder(seller, { price: 8_000, deliveredAt: new Date(Date.now() - 30 * DAY) })
    const recent = await deliveredOrder(seller, { price: 6_000, quantity: 2 })
    await runLedgerJobs()
    await releaseDue()
    const before = await balanceOf(seller.shop.id)
    const asked = await requestReturn({ userId: recent.shopper.id }, recent.order.number, {
      lineId: recent.line.id,
      quantity: 2,
      reason: 'WRONG_SIZE',
      note: '',
    })
    await decideReturn(seller.user.id, recent.order.number, asked.id, { decision: 'approve' })

    const [refund, payout] = await Promise.all([
      receiveReturn(seller.user.id, recent.order.number, asked.id, { resellable: true }).then(
        (made) => prisma.$transaction((tx) => postRefund(tx, made.id)).then(() => made),
      ),
      requestPayout(seller.user.id, before.available),
    ])
    await runLedgerJobs()
    const after = await balanceOf(seller.shop.id)
    expect(after.available).toBe(0)
    expect(after.pending).toBe(before.pending - refund.amount + Math.floor((12_000 * 500) / 10_000))
    expect(after.pending).toBe(0)
    expect(payout.amount).toBe(before.available)
    expect(await checkLedger()).toEqual([])
  })

  test('two payouts of the whole balance at once: exactly one is made', async () => {
    const seller = await sellerWithRate(0)
    await deliveredOrder(seller, { price: 7_000, deliveredAt: new Date(Date.now() - 30 * DAY) })
    await runLedgerJobs()
    await releaseDue()
    const { available } = await balanceOf(seller.shop.id)
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map(() => requestPayout(seller.user.id, available)),
    )
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ code: 'payout-too-much' })
    expect(await balanceOf(seller.shop.id)).toMatchObject({ available: 0 })
    expect(await checkLedger()).toEqual([])
  })
})

describe('the check', () => {
  // Last in this file: the books are append-only, so what it breaks stays broken.
  test('finds a balance that differs from its entries and a posting that does not add up', async () => {
    const seller = await sellerWithRate(0)
    await deliveredOrder(seller, { price: 2_000 })
    await runLedgerJobs()
    expect(await checkLedger()).toEqual([])
    await prisma.shopBalance.update({
      where: { shopId: seller.shop.id },
      data: { pending: { increment: 1 } },
    })
    await prisma.ledgerEntry.create({
      data: {
        shopId: seller.shop.id,
        postingKey: 'adjustment:lopsided',
        type: 'ADJUSTMENT',
        account: 'PLATFORM_FEES',
        amount: 5,
        currency: 'USD',
      },
    })
    const rules = (await checkLedger()).map((problem) => problem.rule)
    expect(rules).toContain('balance-differs')
    expect(rules).toContain('posting-unbalanced')
    await expect(
      prisma.ledgerEntry.deleteMany({ where: { postingKey: 'adjustment:lopsided' } }),
    ).rejects.toThrow(/append-only/)
  })
})

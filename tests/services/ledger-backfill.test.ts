import { expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { backfillLedger } from '~/services/finance/backfill.server.ts'
import { checkLedger } from '~/services/finance/check.server.ts'
import { postDelivery, postRefund } from '~/services/finance/ledger.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import {
  decideReturn,
  receiveReturn,
  requestReturn,
} from '~/services/orders/item-returns.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// The back-fill of orders delivered before the books existed: it posts what the jobs would have,
// dated when it happened, and a second run (or the jobs running after it) counts nothing twice.

const DAY = 24 * 60 * 60 * 1000

async function delivered(
  seller: Awaited<ReturnType<typeof createSeller>>,
  quantity: number,
  deliveredAt: Date,
) {
  const shopper = await createUser()
  const product = await createProduct(seller.shop.id, { price: 2_500, variants: [{ stock: 20 }] })
  const placed = await placeTestOrder(shopper.id, [
    { variantId: product.variants[0]!.id, quantity },
  ])
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: placed.id },
    include: { lines: true, shipments: true },
  })
  await markShipped(seller.user.id, order.number, { carrier: 'post', trackingNumber: 'T-1' })
  await markDelivered(seller.user.id, order.number, deliveredAt)
  return { shopper, order, line: order.lines[0]! }
}

test('orders delivered and refunded before the books are posted once, dated when they happened', async () => {
  const seller = await createSeller()
  await prisma.shop.update({ where: { id: seller.shop.id }, data: { commissionBps: 1000 } })
  const deliveredAt = new Date(Date.now() - 40 * DAY)
  const first = await delivered(seller, 2, deliveredAt)
  const asked = await requestReturn(
    { userId: first.shopper.id },
    first.order.number,
    { lineId: first.line.id, quantity: 1, reason: 'WRONG_SIZE', note: '' },
    new Date(deliveredAt.getTime() + DAY),
  )
  await decideReturn(seller.user.id, first.order.number, asked.id, { decision: 'approve' })
  const refund = await receiveReturn(seller.user.id, first.order.number, asked.id, {
    resellable: true,
  })
  const second = await delivered(seller, 1, new Date())
  // Before the books: none of their jobs ever ran.
  await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key LIKE 'ledger:%'`
  expect(await prisma.ledgerEntry.count()).toBe(0)

  const result = await backfillLedger()
  expect(result).toMatchObject({ shipments: 2, refunds: 1 })
  expect(await checkLedger()).toEqual([])
  const sale = await prisma.ledgerEntry.findFirstOrThrow({
    where: { postingKey: `sale:${first.line.id}`, account: 'SHOP_PENDING' },
  })
  expect(sale).toMatchObject({ amount: 5_000, createdAt: deliveredAt })
  // Two units at 2,500 with 10% commission, one refunded with its share of the commission back,
  // plus both parcels' delivery; the second order's line likewise.
  const balance = await prisma.shopBalance.findUniqueOrThrow({ where: { shopId: seller.shop.id } })
  const shipping = first.order.shippingCost + second.order.shippingCost
  expect(refund.amount).toBe(2_500)
  expect(balance.pending).toBe(5_000 - 500 - 2_500 + 250 + 2_500 - 250 + shipping)

  // Again, and the jobs after it: nothing more.
  const count = await prisma.ledgerEntry.count()
  expect(await backfillLedger()).toEqual({ shipments: 0, refunds: 0, entries: 0 })
  // What the jobs do, had they been queued still.
  await prisma.$transaction((tx) => postDelivery(tx, second.order.shipments[0]!.id))
  await prisma.$transaction((tx) => postRefund(tx, refund.id))
  expect(await prisma.ledgerEntry.count()).toBe(count)
  expect(await checkLedger()).toEqual([])
})

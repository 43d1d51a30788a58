import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { LEDGER_POST_TASK } from '~/services/events/ledger-events.server.ts'
import { checkLedger } from '~/services/finance/check.server.ts'
import { ledgerPostTask } from '~/services/finance/jobs.server.ts'
import { releaseDue } from '~/services/finance/ledger.server.ts'
import {
  markPayoutPaid,
  requestPayout,
  saveBankDetails,
} from '~/services/finance/payouts.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import {
  decideReturn,
  receiveReturn,
  requestReturn,
} from '~/services/orders/item-returns.server.ts'
import { cancelOrder } from '~/services/orders/orders.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// Property: whatever happens to orders (two shops per order, partial shipments, cancellations,
// returns of some units, refunds, releases, payouts, paid or not, in any order, with time
// passing), the books balance, every balance equals its entries and none is negative, and the
// shops' figures reconcile with the orders, refunds and payouts (checkLedger). fast-check
// generates the sequences; a failure prints the shrunk one and its seed.

const DAY = 24 * 60 * 60 * 1000

// `pick` counts back from the latest order, so commands mostly meet orders that can take them.
const pick = fc.integer({ min: 0, max: 2 })
const Command = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      quantities: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('ship' as const), pick, shop: fc.nat({ max: 1 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick, shop: fc.nat({ max: 1 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      pick,
      units: fc.integer({ min: 1, max: 3 }),
      refuse: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('jobs' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      days: fc.integer({ min: 5, max: 25 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('payout' as const),
      shop: fc.nat({ max: 1 }),
      share: fc.integer({ min: 1, max: 12 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pay' as const), pick }) },
)

type Seller = Awaited<ReturnType<typeof createSeller>>

describe('the ledger under random histories', () => {
  test('stays balanced, reconciled and never negative', async () => {
    const admin = await createUser({ roles: ['ADMIN'] })
    let run = 0
    const seen = { deliveries: 0, refunds: 0, payouts: 0, paid: 0, releases: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.array(Command, { minLength: 14, maxLength: 24 }),
        fc.integer({ min: 1, max: 10 }),
        async (commands, finalShare) => {
          run++
          const shopper = await createUser()
          const sellers: Seller[] = []
          const variants: string[] = []
          for (const [index, bps] of [1500, 333].entries()) {
            const seller = await createSeller(`Seller ${run}-${index}`)
            await prisma.shop.update({
              where: { id: seller.shop.id },
              data: { commissionBps: bps },
            })
            await saveBankDetails(seller.user.id, {
              iban: 'IR820540102680020817909002',
              holder: 'Seller',
            })
            const product = await createProduct(seller.shop.id, {
              price: 1_999 + index * 1_234,
              variants: [{ stock: 500 }],
            })
            sellers.push(seller)
            variants.push(product.variants[0]!.id)
          }
          const orders: string[] = []
          let clock = Date.now()
          const at = () => new Date(clock)
          const pickOrder = (back: number) => orders[Math.max(0, orders.length - 1 - back)]
          const attempt = (promise: Promise<unknown>) =>
            promise.catch((error: unknown) => {
              // Refusals (a parcel not shipped yet, a window closed, too much asked) are outcomes.
              if (error instanceof Error && 'kind' in error)
                return void (process.env.LEDGER_DEBUG && console.info(error.message))
              throw error
            })

          // Every history starts with two orders, so the commands after them have parcels to act on.
          const opening = [
            { kind: 'order' as const, quantities: [1, 2] as [number, number] },
            { kind: 'order' as const, quantities: [2, 1] as [number, number] },
          ]
          for (const command of [...opening, ...commands]) {
            switch (command.kind) {
              case 'order': {
                const lines = command.quantities
                  .map((quantity, index) => ({ variantId: variants[index]!, quantity }))
                  .filter((line) => line.quantity > 0)
                const placed = await placeTestOrder(shopper.id, lines, { now: at() })
                orders.push(placed.number)
                break
              }
              case 'ship':
              case 'deliver': {
                const number = pickOrder(command.pick)
                if (!number) break
                const seller = sellers[command.shop]!
                await attempt(
                  command.kind === 'ship'
                    ? markShipped(
                        seller.user.id,
                        number,
                        { carrier: 'post', trackingNumber: 'TRACK-1' },
                        at(),
                      )
                    : markShipped(
                        seller.user.id,
                        number,
                        { carrier: 'post', trackingNumber: 'TRACK-1' },
                        at(),
                      )
                        .catch(() => undefined)
                        .then(() => markDelivered(seller.user.id, number, at())),
                )
                break
              }
              case 'cancel': {
                const number = pickOrder(command.pick)
                if (number) await attempt(cancelOrder({ userId: shopper.id }, number, at()))
                break
              }
              case 'return': {
                // Any delivered line of this history's orders (the latest first).
                const lines = await prisma.orderLine.findMany({
                  where: { order: { userId: shopper.id }, shipment: { status: 'DELIVERED' } },
                  include: {
                    shop: { select: { ownerId: true } },
                    order: { select: { number: true } },
                  },
                  orderBy: { createdAt: 'desc' },
                  take: 3,
                })
                const line = lines[command.pick % Math.max(1, lines.length)]
                if (!line) break
                const number = line.order.number
                await attempt(
                  (async () => {
                    const asked = await requestReturn(
                      { userId: shopper.id },
                      number,
                      { lineId: line.id, quantity: command.units, reason: 'OTHER', note: '' },
                      at(),
                    )
                    if (command.refuse) {
                      await decideReturn(line.shop.ownerId, number, asked.id, {
                        decision: 'refuse',
                        reason: 'No',
                      })
                      return
                    }
                    await decideReturn(line.shop.ownerId, number, asked.id, { decision: 'approve' })
                    await receiveReturn(
                      line.shop.ownerId,
                      number,
                      asked.id,
                      { resellable: true },
                      at(),
                    )
                  })(),
                )
                break
              }
              case 'jobs':
                await runDueJobs({ [LEDGER_POST_TASK]: ledgerPostTask })
                break
              case 'wait':
                clock += command.days * DAY
                await releaseDue(at())
                break
              case 'payout': {
                const seller = sellers[command.shop]!
                const balance = await prisma.shopBalance.findUnique({
                  where: { shopId: seller.shop.id },
                })
                // Up to 120% of what is available: some requests must be refused.
                const amount = Math.floor(((balance?.available ?? 0) * command.share) / 10)
                if (amount > 0) await attempt(requestPayout(seller.user.id, amount, at()))
                break
              }
              case 'pay': {
                const waiting = await prisma.payout.findMany({
                  where: { status: 'REQUESTED', shopId: { in: sellers.map((s) => s.shop.id) } },
                  orderBy: { id: 'asc' },
                })
                const payout = waiting[command.pick % Math.max(1, waiting.length)]
                if (payout) await markPayoutPaid(admin, payout.id, `REF-${payout.id}`, at())
                break
              }
            }
            const negative = await prisma.shopBalance.count({
              where: { OR: [{ pending: { lt: 0 } }, { available: { lt: 0 } }] },
            })
            expect(negative).toBe(0)
          }

          // Every event posted (jobs run), every window over: the whole history is in the books.
          await runDueJobs({ [LEDGER_POST_TASK]: ledgerPostTask })
          clock += 40 * DAY
          await releaseDue(at())
          // Then each shop asks for part of what it has, and the first is paid.
          for (const [index, seller] of sellers.entries()) {
            const balance = await prisma.shopBalance.findUnique({
              where: { shopId: seller.shop.id },
            })
            const amount = Math.floor(((balance?.available ?? 0) * finalShare) / 10)
            if (amount <= 0) continue
            const payout = await requestPayout(seller.user.id, amount, at())
            if (index === 0) await markPayoutPaid(admin, payout.id, `REF-${payout.id}`, at())
          }
          expect(await checkLedger()).toEqual([])
          const shopIds = sellers.map((seller) => seller.shop.id)
          seen.deliveries += await prisma.shipment.count({
            where: { shopId: { in: shopIds }, status: 'DELIVERED' },
          })
          seen.refunds += await prisma.refund.count({ where: { shopId: { in: shopIds } } })
          seen.payouts += await prisma.payout.count({ where: { shopId: { in: shopIds } } })
          seen.paid += await prisma.payout.count({
            where: { shopId: { in: shopIds }, status: 'PAID' },
          })
          seen.releases += await prisma.ledgerEntry.count({
            where: { shopId: { in: shopIds }, type: 'RELEASE', account: 'SHOP_AVAILABLE' },
          })
          for (const seller of sellers) {
            const shopId = seller.shop.id
            const [delivered, refunds, payouts, balance, entries] = await Promise.all([
              prisma.orderLine.findMany({
                where: { shopId, shipment: { status: 'DELIVERED' } },
                include: { discounts: true },
              }),
              prisma.refund.aggregate({ where: { shopId }, _sum: { amount: true } }),
              prisma.payout.aggregate({ where: { shopId }, _sum: { amount: true } }),
              prisma.shopBalance.findUnique({ where: { shopId } }),
              prisma.ledgerEntry.groupBy({
                by: ['type'],
                where: { shopId, account: { in: ['SHOP_PENDING', 'SHOP_AVAILABLE'] } },
                _sum: { amount: true },
              }),
            ])
            const sum = (type: string) => entries.find((row) => row.type === type)?._sum.amount ?? 0
            expect(sum('SALE')).toBe(
              delivered.reduce(
                (total, line) =>
                  total + line.lineTotal - line.discounts.reduce((d, x) => d + x.amount, 0),
                0,
              ),
            )
            expect(sum('REFUND') + (refunds._sum.amount ?? 0)).toBe(0)
            expect(sum('PAYOUT') + (payouts._sum.amount ?? 0)).toBe(0)
            expect(sum('RELEASE')).toBe(0)
            // After every window: nothing pending, and available is what all of it left.
            expect(balance?.pending ?? 0).toBe(0)
            expect(balance?.available ?? 0).toBe(
              ['SALE', 'COMMISSION', 'SHIPPING', 'REFUND', 'PAYOUT', 'ADJUSTMENT'].reduce(
                (total, type) => total + sum(type),
                0,
              ),
            )
          }
        },
      ),
      { numRuns: Number(process.env.LEDGER_PROPERTY_RUNS ?? 8), endOnFailure: true },
    )
    // The histories reached every kind of posting (not only orders nobody shipped).
    console.info('ledger property histories:', seen)
    expect(seen.deliveries).toBeGreaterThan(0)
    expect(seen.releases).toBeGreaterThan(0)
    expect(seen.payouts).toBeGreaterThan(0)
  }, 600_000)
})

import { prisma, type LedgerAccount, type LedgerEntryType, type Tx } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { returnWindowEnd } from '~/services/orders/item-returns.server.ts'
import { commissionBack, commissionOf, lineNet, shippingShares } from './amounts.ts'

// The shops' double-entry books (docs/decisions/029, docs/domains/finance.md). A posting is one
// business event (a line's sale, its commission, a parcel's delivery share, a refund line, the
// commission it returns, a payout, its transfer, a release, an adjustment): rows that share a
// posting key and add up to zero, credit positive. (postingKey, account) is unique, and every
// posting for a shop first locks the shop's ShopBalance row, then skips the keys already there,
// so the same event posted twice, or by two jobs at once, is counted once, and the balance row
// always equals its entries' sums.

export type Refs = {
  orderId?: string
  shipmentId?: string
  orderLineId?: string
  refundId?: string
  payoutId?: string
}

export type Posting = {
  key: string
  type: LedgerEntryType
  refs: Refs
  /** Each account's signed amount (credit positive); they add up to zero. */
  legs: Array<[LedgerAccount, number]>
  memo?: string
}

export type Balance = { pending: number; available: number }

/** Locks the shop's balance row (creating it at zero the first time) and returns it. */
export async function lockBalance(tx: Tx, shopId: string): Promise<Balance> {
  await tx.$executeRaw`
    INSERT INTO "ShopBalance" ("shopId", "updatedAt") VALUES (${shopId}, now())
    ON CONFLICT ("shopId") DO NOTHING`
  const [row] = await tx.$queryRaw<Balance[]>`
    SELECT "pending", "available" FROM "ShopBalance" WHERE "shopId" = ${shopId} FOR UPDATE`
  return row!
}

/**
 * Writes the postings not already in the shop's books and moves its balances by them; the
 * caller holds the lock (`lockBalance`). Postings of zero are left out. Returns those written.
 */
export async function post(tx: Tx, shopId: string, postings: Posting[], now = new Date()) {
  for (const posting of postings) {
    const sum = posting.legs.reduce((total, [, amount]) => total + amount, 0)
    if (sum !== 0) throw new Error(`Posting ${posting.key} does not balance (${sum})`)
  }
  const candidates = postings.filter((posting) => posting.legs.some(([, amount]) => amount !== 0))
  if (!candidates.length) return []
  const existing = await tx.ledgerEntry.findMany({
    where: { postingKey: { in: candidates.map((posting) => posting.key) } },
    select: { postingKey: true },
    distinct: ['postingKey'],
  })
  const done = new Set(existing.map((entry) => entry.postingKey))
  const fresh = candidates.filter((posting) => !done.has(posting.key))
  if (!fresh.length) return []
  const currency = getEnv().STORE_CURRENCY
  await tx.ledgerEntry.createMany({
    data: fresh.flatMap((posting) =>
      posting.legs
        .filter(([, amount]) => amount !== 0)
        .map(([account, amount]) => ({
          shopId,
          postingKey: posting.key,
          type: posting.type,
          account,
          amount,
          currency,
          memo: posting.memo ?? null,
          createdAt: now,
          ...posting.refs,
        })),
    ),
  })
  let pending = 0
  let available = 0
  for (const posting of fresh)
    for (const [account, amount] of posting.legs) {
      if (account === 'SHOP_PENDING') pending += amount
      if (account === 'SHOP_AVAILABLE') available += amount
    }
  if (pending || available)
    await tx.$executeRaw`
      UPDATE "ShopBalance"
      SET "pending" = "pending" + ${pending}, "available" = "available" + ${available},
        "updatedAt" = now()
      WHERE "shopId" = ${shopId}`
  return fresh
}

// ---------------------------------------------------------------- what orders announce

/**
 * A delivered shipment's postings: per line its sale (paid total less promo discounts) and the
 * commission at the line's fixed rate, and the shipment's share of the order's delivery.
 */
async function deliveryPostings(tx: Tx, shipmentId: string) {
  const shipment = await tx.shipment.findUnique({
    where: { id: shipmentId },
    select: {
      id: true,
      shopId: true,
      status: true,
      orderId: true,
      order: {
        select: { shippingCost: true, shipments: { select: { id: true, itemsTotal: true } } },
      },
      lines: {
        select: {
          id: true,
          lineTotal: true,
          commissionBps: true,
          discounts: { select: { amount: true } },
        },
      },
    },
  })
  if (!shipment || shipment.status !== 'DELIVERED') return null
  const refs = { orderId: shipment.orderId, shipmentId: shipment.id }
  const postings: Posting[] = []
  for (const line of shipment.lines) {
    const net = lineNet({
      lineTotal: line.lineTotal,
      discount: line.discounts.reduce((sum, discount) => sum + discount.amount, 0),
    })
    const commission = commissionOf(net, line.commissionBps)
    const lineRefs = { ...refs, orderLineId: line.id }
    postings.push(
      {
        key: `sale:${line.id}`,
        type: 'SALE',
        refs: lineRefs,
        legs: [
          ['SHOP_PENDING', net],
          ['FUNDS', -net],
        ],
      },
      {
        key: `commission:${line.id}`,
        type: 'COMMISSION',
        refs: lineRefs,
        legs: [
          ['SHOP_PENDING', -commission],
          ['PLATFORM_FEES', commission],
        ],
      },
    )
  }
  const share = shippingShares(shipment.order.shippingCost, shipment.order.shipments).get(
    shipment.id,
  )
  postings.push({
    key: `shipping:${shipment.id}`,
    type: 'SHIPPING',
    refs,
    legs: [
      ['SHOP_PENDING', share ?? 0],
      ['FUNDS', -(share ?? 0)],
    ],
  })
  return { shopId: shipment.shopId, postings }
}

/** Posts a delivered shipment's sales (the `ledger.post` job; idempotent). */
export async function postDelivery(tx: Tx, shipmentId: string, now = new Date()) {
  const facts = await deliveryPostings(tx, shipmentId)
  if (!facts) return []
  await lockBalance(tx, facts.shopId)
  return post(tx, facts.shopId, facts.postings, now)
}

/**
 * Posts a refund: per refund line, the amount taken back from the shop's pending balance and
 * the share of the line's commission the platform gives back. Posts the line's delivery first
 * (idempotent), so the order the jobs run in does not matter.
 */
export async function postRefund(tx: Tx, refundId: string, now = new Date()) {
  const refund = await tx.refund.findUnique({
    where: { id: refundId },
    select: {
      id: true,
      shopId: true,
      orderId: true,
      lines: {
        select: {
          id: true,
          quantity: true,
          amount: true,
          orderLine: {
            select: {
              id: true,
              shipmentId: true,
              quantity: true,
              lineTotal: true,
              commissionBps: true,
              discounts: { select: { amount: true } },
              refundLines: { select: { id: true, quantity: true } },
            },
          },
        },
      },
    },
  })
  if (!refund) return []
  await lockBalance(tx, refund.shopId)
  const written: Posting[] = []
  for (const shipmentId of new Set(refund.lines.map((line) => line.orderLine.shipmentId)))
    written.push(...(await postDelivery(tx, shipmentId, now)))

  const postings: Posting[] = []
  for (const refundLine of refund.lines) {
    const line = refundLine.orderLine
    // Units of this line whose commission was already given back: those of its refund lines
    // already in the books (under the lock, so the shares telescope to the whole commission).
    const posted = await tx.ledgerEntry.findMany({
      where: {
        postingKey: { in: line.refundLines.map((other) => `refund:${other.id}`) },
        account: 'SHOP_PENDING',
      },
      select: { postingKey: true },
    })
    if (posted.some((entry) => entry.postingKey === `refund:${refundLine.id}`)) continue
    const postedKeys = new Set(posted.map((entry) => entry.postingKey))
    const already = line.refundLines
      .filter((other) => postedKeys.has(`refund:${other.id}`))
      .reduce((sum, other) => sum + other.quantity, 0)
    const commission = commissionOf(
      lineNet({
        lineTotal: line.lineTotal,
        discount: line.discounts.reduce((sum, discount) => sum + discount.amount, 0),
      }),
      line.commissionBps,
    )
    const back = commissionBack(
      { quantity: line.quantity, commission },
      already,
      refundLine.quantity,
    )
    const refs = {
      orderId: refund.orderId,
      shipmentId: line.shipmentId,
      orderLineId: line.id,
      refundId: refund.id,
    }
    postings.push(
      {
        key: `refund:${refundLine.id}`,
        type: 'REFUND',
        refs,
        legs: [
          ['SHOP_PENDING', -refundLine.amount],
          ['FUNDS', refundLine.amount],
        ],
      },
      {
        key: `commission-back:${refundLine.id}`,
        type: 'COMMISSION',
        refs,
        legs: [
          ['SHOP_PENDING', back],
          ['PLATFORM_FEES', -back],
        ],
      },
    )
  }
  written.push(...(await post(tx, refund.shopId, postings, now)))
  return written
}

// ---------------------------------------------------------------- pending → available

/**
 * Moves to the available balance what delivered shipments left pending once their return window
 * is over and none of their items is in an open return (asked or approved: its refund is still to
 * come). Each shipment in its own transaction, holding its order's row as returns do, so a return
 * asked at the last moment and the release cannot cross. Returns the shipments released.
 */
export async function releaseDue(now = new Date(), limit = 200) {
  const windowStart = new Date(now.getTime() - getEnv().RETURN_WINDOW_DAYS * 24 * 60 * 60 * 1000)
  const candidates = await prisma.$queryRaw<Array<{ id: string; orderId: string }>>`
    SELECT s."id", s."orderId" FROM "Shipment" s
    WHERE s."status" = 'DELIVERED' AND s."deliveredAt" < ${windowStart}
      AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" e
        WHERE e."postingKey" = 'release:' || s."id")
      AND (
        NOT EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e."shipmentId" = s."id")
        OR (SELECT COALESCE(SUM(e."amount"), 0) FROM "LedgerEntry" e
            WHERE e."shipmentId" = s."id" AND e."account" = 'SHOP_PENDING') > 0)
    ORDER BY s."deliveredAt"
    LIMIT ${limit}`
  let released = 0
  for (const candidate of candidates) {
    const done = await prisma.$transaction((tx) => releaseShipment(tx, candidate, now))
    if (done) released++
  }
  return released
}

async function releaseShipment(tx: Tx, shipment: { id: string; orderId: string }, now: Date) {
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${shipment.orderId} FOR UPDATE`
  const row = await tx.shipment.findUniqueOrThrow({
    where: { id: shipment.id },
    select: {
      shopId: true,
      deliveredAt: true,
      lines: { select: { returns: { select: { status: true, refundId: true } } } },
    },
  })
  if (!row.deliveredAt || now <= returnWindowEnd(row.deliveredAt)) return false
  const returns = row.lines.flatMap((line) => line.returns)
  if (returns.some((request) => request.status === 'REQUESTED' || request.status === 'APPROVED'))
    return false
  await lockBalance(tx, row.shopId)
  await postDelivery(tx, shipment.id, now)
  // Refunds whose job has not run yet are posted first: they come out of what is pending.
  for (const request of returns) if (request.refundId) await postRefund(tx, request.refundId, now)
  const sum = await tx.ledgerEntry.aggregate({
    where: { shipmentId: shipment.id, account: 'SHOP_PENDING' },
    _sum: { amount: true },
  })
  const amount = sum._sum.amount ?? 0
  if (amount <= 0) return false
  const written = await post(
    tx,
    row.shopId,
    [
      {
        key: `release:${shipment.id}`,
        type: 'RELEASE',
        refs: { orderId: shipment.orderId, shipmentId: shipment.id },
        legs: [
          ['SHOP_PENDING', -amount],
          ['SHOP_AVAILABLE', amount],
        ],
      },
    ],
    now,
  )
  return written.length > 0
}

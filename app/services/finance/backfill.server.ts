import { prisma } from '~/infra/db.server.ts'
import { postDelivery, postRefund } from './ledger.server.ts'

// The back-fill for orders delivered (and refunds recorded) before the books existed
// (`npm run ledger:backfill`, docs/decisions/029). It posts, through the very postings the
// `ledger.post` job makes, each delivered shipment that has no entries and each refund with a line
// not yet in the books, dated when the delivery or the refund happened. Posting skips the keys
// already present under the shop's balance lock, so running it twice, or while the jobs run,
// counts nothing twice. Lines keep the commission rate fixed on them (none for lines placed before
// commissions: rates never rewrite history). The `ledger.release` job then makes available what
// is past its return window.

export type BackfillResult = { shipments: number; refunds: number; entries: number }

const BATCH = 200

export async function backfillLedger(): Promise<BackfillResult> {
  const result: BackfillResult = { shipments: 0, refunds: 0, entries: 0 }

  // Keyset paging by id: a shipment whose postings are all zero stays without entries, and
  // must not be picked again.
  for (let after = ''; ;) {
    const shipments = await prisma.$queryRaw<Array<{ id: string; deliveredAt: Date | null }>>`
      SELECT s."id", s."deliveredAt" FROM "Shipment" s
      WHERE s."status" = 'DELIVERED' AND s."id" > ${after}
        AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e."shipmentId" = s."id")
      ORDER BY s."id" LIMIT ${BATCH}`
    for (const shipment of shipments) {
      const written = await prisma.$transaction((tx) =>
        postDelivery(tx, shipment.id, shipment.deliveredAt ?? new Date()),
      )
      if (written.length) result.shipments++
      result.entries += written.length
    }
    if (shipments.length < BATCH) break
    after = shipments.at(-1)!.id
  }

  for (let after = ''; ;) {
    const refunds = await prisma.$queryRaw<Array<{ id: string; createdAt: Date }>>`
      SELECT r."id", r."createdAt" FROM "Refund" r
      WHERE r."id" > ${after} AND EXISTS (
        SELECT 1 FROM "RefundLine" rl WHERE rl."refundId" = r."id" AND NOT EXISTS (
          SELECT 1 FROM "LedgerEntry" e WHERE e."postingKey" = 'refund:' || rl."id"))
      ORDER BY r."id" LIMIT ${BATCH}`
    for (const refund of refunds) {
      const written = await prisma.$transaction((tx) => postRefund(tx, refund.id, refund.createdAt))
      if (written.length) result.refunds++
      result.entries += written.length
    }
    if (refunds.length < BATCH) break
    after = refunds.at(-1)!.id
  }
  return result
}

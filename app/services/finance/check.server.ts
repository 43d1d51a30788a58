import { prisma } from '~/infra/db.server.ts'

// `npm run ledger:check` and the tests: proof that the books balance. Each query returns the
// rows that break a rule, so an empty result everywhere is a clean bill. What the queries check:
// every posting adds up to zero; each shop's balance row equals its entries' sums and is not
// negative; each line's sale and commission equal the order line's figures at its fixed rate;
// each refund line's entry equals the refund line; each payout's entries equal the payout, its
// transfer is posted exactly when it is paid, and what is due equals the requested payouts.

export type LedgerProblem = { rule: string; detail: Record<string, unknown> }

export async function checkLedger(): Promise<LedgerProblem[]> {
  const problems: LedgerProblem[] = []
  const add = (rule: string, rows: Array<Record<string, unknown>>) => {
    for (const detail of rows)
      problems.push({
        rule,
        detail: Object.fromEntries(
          Object.entries(detail).map(([key, value]) => [
            key,
            typeof value === 'bigint' ? Number(value) : value,
          ]),
        ),
      })
  }

  add(
    'posting-unbalanced',
    await prisma.$queryRaw`
      SELECT "postingKey", SUM("amount")::bigint AS sum FROM "LedgerEntry"
      GROUP BY "postingKey" HAVING SUM("amount") <> 0`,
  )
  add(
    'posting-mixed',
    await prisma.$queryRaw`
      SELECT "postingKey" FROM "LedgerEntry" GROUP BY "postingKey"
      HAVING COUNT(DISTINCT "shopId") > 1 OR COUNT(DISTINCT "type") > 1`,
  )
  add(
    'balance-differs',
    await prisma.$queryRaw`
      WITH sums AS (
        SELECT "shopId",
          SUM(CASE WHEN "account" = 'SHOP_PENDING' THEN "amount" ELSE 0 END)::bigint AS pending,
          SUM(CASE WHEN "account" = 'SHOP_AVAILABLE' THEN "amount" ELSE 0 END)::bigint AS available
        FROM "LedgerEntry" GROUP BY "shopId")
      SELECT COALESCE(s."shopId", b."shopId") AS "shopId",
        COALESCE(s.pending, 0) AS "entriesPending", b."pending" AS "balancePending",
        COALESCE(s.available, 0) AS "entriesAvailable", b."available" AS "balanceAvailable"
      FROM sums s FULL JOIN "ShopBalance" b ON b."shopId" = s."shopId"
      WHERE b."shopId" IS NULL OR COALESCE(s.pending, 0) <> b."pending"
        OR COALESCE(s.available, 0) <> b."available" OR b."pending" < 0 OR b."available" < 0`,
  )
  add(
    'sale-differs',
    await prisma.$queryRaw`
      WITH net AS (
        SELECT l."id", l."shopId", l."lineTotal" - COALESCE(
          (SELECT SUM(d."amount") FROM "OrderLineDiscount" d WHERE d."orderLineId" = l."id"), 0) AS net,
          l."commissionBps"
        FROM "OrderLine" l)
      SELECT n."id" AS "orderLineId", n.net, sale."amount" AS sale,
        -COALESCE(fee."amount", 0) AS commission, FLOOR(n.net * n."commissionBps" / 10000.0)::int AS expected
      FROM net n
      JOIN "LedgerEntry" sale ON sale."postingKey" = 'sale:' || n."id" AND sale."account" = 'SHOP_PENDING'
      LEFT JOIN "LedgerEntry" fee ON fee."postingKey" = 'commission:' || n."id" AND fee."account" = 'SHOP_PENDING'
      WHERE sale."amount" <> n.net OR sale."shopId" <> n."shopId"
        OR -COALESCE(fee."amount", 0) <> FLOOR(n.net * n."commissionBps" / 10000.0)`,
  )
  add(
    'sale-before-delivery',
    await prisma.$queryRaw`
      SELECT e."postingKey", s."status" FROM "LedgerEntry" e JOIN "Shipment" s ON s."id" = e."shipmentId"
      WHERE e."type" IN ('SALE', 'SHIPPING') AND s."status" <> 'DELIVERED'`,
  )
  add(
    'refund-differs',
    await prisma.$queryRaw`
      SELECT rl."id" AS "refundLineId", rl."amount", e."amount" AS entry
      FROM "RefundLine" rl JOIN "Refund" r ON r."id" = rl."refundId"
      JOIN "LedgerEntry" e ON e."postingKey" = 'refund:' || rl."id" AND e."account" = 'SHOP_PENDING'
      WHERE e."amount" <> -rl."amount" OR e."shopId" <> r."shopId" OR e."refundId" <> r."id"`,
  )
  add(
    'commission-back-exceeds',
    await prisma.$queryRaw`
      SELECT "orderLineId", SUM("amount")::bigint AS "netCommission" FROM "LedgerEntry"
      WHERE "type" = 'COMMISSION' AND "account" = 'PLATFORM_FEES' AND "orderLineId" IS NOT NULL
      GROUP BY "orderLineId" HAVING SUM("amount") < 0`,
  )
  add(
    'payout-differs',
    await prisma.$queryRaw`
      SELECT p."id" AS "payoutId", p."status", p."amount", taken."amount" AS taken, paid."amount" AS paid
      FROM "Payout" p
      LEFT JOIN "LedgerEntry" taken ON taken."postingKey" = 'payout:' || p."id" AND taken."account" = 'SHOP_AVAILABLE'
      LEFT JOIN "LedgerEntry" paid ON paid."postingKey" = 'payout-paid:' || p."id" AND paid."account" = 'FUNDS'
      WHERE taken."amount" IS DISTINCT FROM -p."amount" OR taken."shopId" <> p."shopId"
        OR (p."status" = 'PAID') <> (paid."amount" IS NOT NULL)
        OR (paid."amount" IS NOT NULL AND paid."amount" <> p."amount")`,
  )
  add(
    'payouts-due-differs',
    await prisma.$queryRaw`
      WITH due AS (SELECT "shopId", SUM("amount")::bigint AS due FROM "LedgerEntry"
          WHERE "account" = 'PAYOUTS_DUE' GROUP BY "shopId"),
        requested AS (SELECT "shopId", SUM("amount")::bigint AS requested FROM "Payout"
          WHERE "status" = 'REQUESTED' GROUP BY "shopId")
      SELECT COALESCE(d."shopId", r."shopId") AS "shopId", COALESCE(d.due, 0) AS due,
        COALESCE(r.requested, 0) AS requested
      FROM due d FULL JOIN requested r ON r."shopId" = d."shopId"
      WHERE COALESCE(d.due, 0) <> COALESCE(r.requested, 0)`,
  )
  return problems
}

/** The books' totals per account, for the check's report. */
export async function ledgerTotals() {
  const rows = await prisma.ledgerEntry.groupBy({ by: ['account'], _sum: { amount: true } })
  return Object.fromEntries(rows.map((row) => [row.account, row._sum.amount ?? 0]))
}

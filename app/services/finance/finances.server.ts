import { prisma, type Prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { zonedLocalToUtc } from '~/utils/zoned-time.ts'
import type { LedgerQuery } from './schemas.ts'

// What a seller sees of their books: the two balances, the entries on their accounts (filtered
// by type and by dates in the store's time zone), their payouts and bank details. Only the
// seller's own shop: the `where` names its owner.

export const LEDGER_PER_PAGE = 50

function entriesWhere(shopId: string, query: LedgerQuery): Prisma.LedgerEntryWhereInput {
  const zone = getEnv().STORE_TIMEZONE
  const from = query.from ? zonedLocalToUtc(`${query.from}T00:00`, zone) : null
  const toDay = query.to ? new Date(`${query.to}T00:00:00Z`) : null
  if (toDay) toDay.setUTCDate(toDay.getUTCDate() + 1)
  const to = toDay ? zonedLocalToUtc(`${toDay.toISOString().slice(0, 10)}T00:00`, zone) : null
  return {
    shopId,
    account: { in: ['SHOP_PENDING', 'SHOP_AVAILABLE'] },
    ...(query.type ? { type: query.type } : {}),
    ...(from || to
      ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } }
      : {}),
  }
}

const entrySelect = {
  id: true,
  type: true,
  account: true,
  amount: true,
  currency: true,
  memo: true,
  createdAt: true,
  order: { select: { number: true } },
  orderLine: { select: { title: true, quantity: true } },
  refundId: true,
  payoutId: true,
} satisfies Prisma.LedgerEntrySelect

export type LedgerRow = Prisma.LedgerEntryGetPayload<{ select: typeof entrySelect }>

/** The seller's finances page, or null before they open a shop. */
export async function getSellerFinances(sellerId: string, query: LedgerQuery) {
  const shop = await prisma.shop.findUnique({
    where: { ownerId: sellerId },
    select: {
      id: true,
      name: true,
      payoutIban: true,
      payoutHolder: true,
      balance: { select: { pending: true, available: true } },
    },
  })
  if (!shop) return null
  const page = query.page ?? 1
  const where = entriesWhere(shop.id, query)
  const [total, entries, payouts] = await Promise.all([
    prisma.ledgerEntry.count({ where }),
    prisma.ledgerEntry.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * LEDGER_PER_PAGE,
      take: LEDGER_PER_PAGE,
      select: entrySelect,
    }),
    prisma.payout.findMany({
      where: { shopId: shop.id },
      orderBy: { requestedAt: 'desc' },
      take: 20,
      select: {
        id: true,
        amount: true,
        currency: true,
        status: true,
        reference: true,
        requestedAt: true,
        paidAt: true,
      },
    }),
  ])
  return {
    shop: { id: shop.id, name: shop.name },
    bank: { iban: shop.payoutIban, holder: shop.payoutHolder },
    balance: shop.balance ?? { pending: 0, available: 0 },
    currency: getEnv().STORE_CURRENCY,
    entries,
    page,
    pageCount: Math.max(1, Math.ceil(total / LEDGER_PER_PAGE)),
    total,
    payouts,
  }
}

/** Every entry the filters match, oldest first, for the CSV export (null without a shop). */
export async function listLedgerForExport(sellerId: string, query: LedgerQuery) {
  const shop = await prisma.shop.findUnique({ where: { ownerId: sellerId }, select: { id: true } })
  if (!shop) return null
  return prisma.ledgerEntry.findMany({
    where: entriesWhere(shop.id, query),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 100_000,
    select: entrySelect,
  })
}

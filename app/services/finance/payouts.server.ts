import { prisma, type Prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { recordAudit } from '~/services/audit/audit.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { lockBalance, post } from './ledger.server.ts'
import type { BankDetails } from './schemas.ts'

// Payouts: a seller asks for some of their available balance to be sent to their bank account
// (taken from the balance at once, under the shop's balance lock, so two requests or a request
// and a refund cannot both spend the same money); an admin sends it and marks it paid with the
// bank's reference, audited. Both are postings in the shop's books.

export class FinanceError extends DomainError {
  override name = 'FinanceError'
  readonly values?: Record<string, number>
  constructor(
    kind: 'invalid' | 'conflict' | 'not-found',
    code: string,
    message: string,
    options: { field?: string; values?: Record<string, number> } = {},
  ) {
    super(kind, code, message, options.field ? { field: options.field } : {})
    this.values = options.values
  }
}

type Admin = { id: string; email: string }

async function requireOwnShop(sellerId: string) {
  const shop = await prisma.shop.findUnique({
    where: { ownerId: sellerId },
    select: { id: true, name: true, payoutIban: true, payoutHolder: true },
  })
  if (!shop) throw new FinanceError('not-found', 'no-shop', 'Open a shop first.')
  return shop
}

/** The seller's bank account for payouts (an IBAN or Sheba number, checked before it gets here). */
export async function saveBankDetails(sellerId: string, details: BankDetails) {
  const shop = await requireOwnShop(sellerId)
  await prisma.shop.update({
    where: { id: shop.id },
    data: { payoutIban: details.iban, payoutHolder: details.holder },
  })
}

/**
 * Takes `amount` (minor units) from the seller's available balance into a payout request.
 * Refused at the amount field when it is more than is available, and without bank details.
 */
export async function requestPayout(sellerId: string, amount: number, now = new Date()) {
  const shop = await requireOwnShop(sellerId)
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new FinanceError('invalid', 'payout-amount', 'Type an amount above zero.', {
      field: 'amount',
    })
  return prisma.$transaction(async (tx) => {
    const balance = await lockBalance(tx, shop.id)
    const bank = await tx.shop.findUniqueOrThrow({
      where: { id: shop.id },
      select: { payoutIban: true, payoutHolder: true },
    })
    if (!bank.payoutIban || !bank.payoutHolder)
      throw new FinanceError('conflict', 'payout-no-bank', 'Add your bank details first.', {
        field: 'amount',
      })
    if (amount > balance.available)
      throw new FinanceError(
        'invalid',
        'payout-too-much',
        'You can ask for at most your available balance.',
        { field: 'amount', values: { max: balance.available } },
      )
    const payout = await tx.payout.create({
      data: {
        shopId: shop.id,
        amount,
        currency: getEnv().STORE_CURRENCY,
        iban: bank.payoutIban,
        holder: bank.payoutHolder,
        requestedAt: now,
      },
    })
    await post(
      tx,
      shop.id,
      [
        {
          key: `payout:${payout.id}`,
          type: 'PAYOUT',
          refs: { payoutId: payout.id },
          legs: [
            ['SHOP_AVAILABLE', -amount],
            ['PAYOUTS_DUE', amount],
          ],
        },
      ],
      now,
    )
    return payout
  })
}

/** The admin sent a requested payout: marked paid with the bank's reference, audited. */
export async function markPayoutPaid(
  admin: Admin,
  payoutId: string,
  reference: string,
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Payout" WHERE "id" = ${payoutId} FOR UPDATE`
    if (!locked) throw new FinanceError('not-found', 'payout-not-found', 'No such payout.')
    const payout = await tx.payout.findUniqueOrThrow({
      where: { id: payoutId },
      include: { shop: { select: { name: true } } },
    })
    if (payout.status !== 'REQUESTED')
      throw new FinanceError('conflict', 'payout-already-paid', 'This payout is already paid.', {
        field: 'reference',
      })
    await lockBalance(tx, payout.shopId)
    await tx.payout.update({
      where: { id: payout.id },
      data: { status: 'PAID', reference, paidAt: now, paidById: admin.id },
    })
    await post(
      tx,
      payout.shopId,
      [
        {
          key: `payout-paid:${payout.id}`,
          type: 'PAYOUT',
          refs: { payoutId: payout.id },
          legs: [
            ['PAYOUTS_DUE', -payout.amount],
            ['FUNDS', payout.amount],
          ],
        },
      ],
      now,
    )
    await recordAudit(tx, {
      actor: admin,
      action: 'payout.mark-paid',
      target: { type: 'PAYOUT', id: payout.id, label: payout.shop.name },
      details: { amount: payout.amount, currency: payout.currency, reference },
    })
    return payout
  })
}

/**
 * A correction to a shop's available balance (credit positive), with why; the books are
 * append-only, so mistakes are put right this way. Refused if it would take the balance below zero.
 */
export async function postAdjustment(
  shopId: string,
  input: { key: string; amount: number; memo: string },
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const balance = await lockBalance(tx, shopId)
    if (balance.available + input.amount < 0)
      throw new FinanceError('invalid', 'adjustment-too-much', 'Not that much is available.', {
        field: 'amount',
      })
    return post(
      tx,
      shopId,
      [
        {
          key: `adjustment:${input.key}`,
          type: 'ADJUSTMENT',
          refs: {},
          memo: input.memo,
          legs: [
            ['SHOP_AVAILABLE', input.amount],
            ['FUNDS', -input.amount],
          ],
        },
      ],
      now,
    )
  })
}

export const PAYOUTS_PER_PAGE = 25

/** Payouts for the admin: those to make (oldest first), or those paid (newest first). */
export async function listPayoutsForAdmin(options: {
  status?: 'REQUESTED' | 'PAID'
  page?: number
}) {
  const status = options.status ?? 'REQUESTED'
  const page = Math.max(1, options.page ?? 1)
  const where: Prisma.PayoutWhereInput = { status }
  const [total, payouts, due] = await Promise.all([
    prisma.payout.count({ where }),
    prisma.payout.findMany({
      where,
      orderBy: status === 'REQUESTED' ? { requestedAt: 'asc' } : { paidAt: 'desc' },
      skip: (page - 1) * PAYOUTS_PER_PAGE,
      take: PAYOUTS_PER_PAGE,
      include: { shop: { select: { name: true, slug: true } } },
    }),
    prisma.payout.aggregate({ where: { status: 'REQUESTED' }, _sum: { amount: true } }),
  ])
  return {
    status,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAYOUTS_PER_PAGE)),
    total,
    dueTotal: due._sum.amount ?? 0,
    payouts,
  }
}

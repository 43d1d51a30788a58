import type { prisma, Prisma, Tx } from '~/infra/db.server.ts'
import { getCategoryTree, subtreeIds } from '~/services/catalog/taxonomy.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { allocate, itemsDiscount, type PromoRule } from './arithmetic.ts'
import { normalizeCode } from './schemas.ts'
import type { CartPromo, PromoReason } from './totals.ts'

export { normalizeCode }

// Promo codes as a cart and a checkout meet them: whether a code applies to these lines for this
// customer now, and if so what it takes off each line. Placing an order claims a use of the code
// under its row's lock (claimPromoUse), so usage limits hold however many checkouts race.

/** The code cannot be used; `reason` says why (the pages translate it), nothing was changed. */
export class PromoCodeError extends DomainError {
  override name = 'PromoCodeError'
  constructor(
    readonly reason: PromoReason,
    readonly minOrder: number | null = null,
  ) {
    super('invalid', `promo-${reason}`, REASON_TEXT[reason], {
      field: 'promoCode',
    })
  }
}

const REASON_TEXT: Record<PromoReason, string> = {
  unknown: 'There is no such code.',
  'not-started': 'This code is not valid yet.',
  expired: 'This code has expired.',
  'min-not-met': 'Your order does not reach this code’s minimum.',
  'used-up': 'This code has been used up.',
  'already-used': 'You have already used this code.',
  'not-for-these-items': 'This code does not apply to the items in your cart.',
}

/** Who the per-customer limit counts: an account, or a guest's email. */
export function customerKeyOf(who: { userId: string } | { email: string }) {
  return 'userId' in who ? `user:${who.userId}` : `email:${who.email.trim().toLowerCase()}`
}

/** A code's terms, as a checkout checks them and its form edits them. */
export const promoCodeSelect = {
  id: true,
  code: true,
  shopId: true,
  kind: true,
  value: true,
  maxDiscount: true,
  minOrder: true,
  startsAt: true,
  endsAt: true,
  usageLimit: true,
  perCustomerLimit: true,
  usedCount: true,
  active: true,
  categoryIds: true,
  productIds: true,
} as const satisfies Prisma.PromoCodeSelect

type Db = Tx | typeof prisma

/** What a code needs to know of a cart line (the cart's CartLine has it all). */
export type PromoLine = {
  variantId: string
  productId: string
  shopId: string
  lineTotal: number
  problem: { kind: string } | null
}
type CodeRow = Awaited<ReturnType<typeof findCode>>

function findCode(db: Db, code: string) {
  return db.promoCode.findUnique({ where: { code: normalizeCode(code) }, select: promoCodeSelect })
}

function ruleOf(row: NonNullable<CodeRow>): PromoRule {
  if (row.kind === 'PERCENT')
    return { kind: 'PERCENT', value: row.value, maxDiscount: row.maxDiscount }
  if (row.kind === 'FIXED') return { kind: 'FIXED', value: row.value }
  return { kind: 'FREE_DELIVERY' }
}

/** The lines a code may apply to: its shop's, within its categories or products. */
async function eligibleLines(db: Db, row: NonNullable<CodeRow>, lines: PromoLine[]) {
  let eligible = lines.filter((line) => line.problem?.kind !== 'unavailable' && line.lineTotal > 0)
  if (row.shopId) eligible = eligible.filter((line) => line.shopId === row.shopId)
  if (!row.categoryIds.length && !row.productIds.length) return eligible
  const tree = await getCategoryTree()
  const categories = new Set(row.categoryIds.flatMap((id) => subtreeIds(tree, id)))
  const products = new Set(row.productIds)
  const categoryOf = new Map(
    (
      await db.product.findMany({
        where: { id: { in: eligible.map((line) => line.productId) } },
        select: { id: true, categoryId: true },
      })
    ).map((product) => [product.id, product.categoryId]),
  )
  return eligible.filter(
    (line) => products.has(line.productId) || categories.has(categoryOf.get(line.productId) ?? ''),
  )
}

/**
 * Whether `code` applies to `lines` for `customerKey` (null: a guest not known yet, whose
 * per-customer limit is checked at checkout) at `now`, and what it takes off each line.
 */
export async function evaluatePromo(
  db: Db,
  code: string,
  lines: PromoLine[],
  customerKey: string | null,
  now: Date,
): Promise<CartPromo> {
  const typed = normalizeCode(code)
  const refuse = (reason: PromoReason, minOrder: number | null = null): CartPromo => ({
    code: typed,
    applied: null,
    refusal: { reason, minOrder },
  })
  const row = await findCode(db, typed)
  if (!row || !row.active) return refuse('unknown')
  if (row.startsAt && now < row.startsAt) return refuse('not-started')
  if (row.endsAt && now >= row.endsAt) return refuse('expired')
  if (row.usageLimit !== null && row.usedCount >= row.usageLimit) return refuse('used-up')
  if (customerKey && row.perCustomerLimit !== null) {
    const used = await db.promoRedemption.count({
      where: { promoCodeId: row.id, customerKey, releasedAt: null },
    })
    if (used >= row.perCustomerLimit) return refuse('already-used')
  }
  const eligible = await eligibleLines(db, row, lines)
  if (!eligible.length) return refuse('not-for-these-items')
  const eligibleTotal = eligible.reduce((sum, line) => sum + line.lineTotal, 0)
  if (eligibleTotal < row.minOrder) return refuse('min-not-met', row.minOrder)
  const rule = ruleOf(row)
  const off = itemsDiscount(rule, eligibleTotal)
  const shares = allocate(
    off,
    eligible.map((line) => line.lineTotal),
  )
  return {
    code: row.code,
    refusal: null,
    applied: {
      promoCodeId: row.id,
      shopId: row.shopId,
      kind: row.kind,
      value: row.value,
      itemsDiscount: off,
      freeDelivery: rule.kind === 'FREE_DELIVERY',
      lines: eligible
        .map((line, index) => ({ variantId: line.variantId, amount: shares[index]! }))
        .filter((share) => share.amount > 0),
    },
  }
}

/**
 * Takes one use of the code for `orderId`, inside the order's transaction. The conditional
 * UPDATE locks the code's row, so racing checkouts take uses one after another and none past
 * the limit; the per-customer count is read while holding that lock. Throws PromoCodeError
 * (the transaction then rolls back) when no use is left for this customer.
 */
export async function claimPromoUse(
  tx: Tx,
  claim: { promoCodeId: string; orderId: string; customerKey: string; amount: number; now: Date },
) {
  const rows = await tx.$queryRaw<Array<{ perCustomerLimit: number | null }>>`
    UPDATE "PromoCode" SET "usedCount" = "usedCount" + 1, "updatedAt" = ${claim.now}
    WHERE "id" = ${claim.promoCodeId} AND "active"
      AND ("usageLimit" IS NULL OR "usedCount" < "usageLimit")
    RETURNING "perCustomerLimit"`
  const [row] = rows
  if (!row) {
    const active = await tx.promoCode.findUnique({
      where: { id: claim.promoCodeId },
      select: { active: true },
    })
    throw new PromoCodeError(active?.active ? 'used-up' : 'unknown')
  }
  if (row.perCustomerLimit !== null) {
    const used = await tx.promoRedemption.count({
      where: { promoCodeId: claim.promoCodeId, customerKey: claim.customerKey, releasedAt: null },
    })
    if (used >= row.perCustomerLimit) throw new PromoCodeError('already-used')
  }
  await tx.promoRedemption.create({
    data: {
      promoCodeId: claim.promoCodeId,
      orderId: claim.orderId,
      customerKey: claim.customerKey,
      amount: claim.amount,
      createdAt: claim.now,
    },
  })
}

/** The order was cancelled (and refunded if paid): its codes' uses are given back. */
export async function releasePromoUses(tx: Tx, orderId: string, now: Date) {
  const released = await tx.promoRedemption.findMany({
    where: { orderId, releasedAt: null },
    select: { id: true, promoCodeId: true },
  })
  for (const redemption of released) {
    const { count } = await tx.promoRedemption.updateMany({
      where: { id: redemption.id, releasedAt: null },
      data: { releasedAt: now },
    })
    if (count)
      await tx.$executeRaw`
        UPDATE "PromoCode" SET "usedCount" = GREATEST("usedCount" - 1, 0), "updatedAt" = ${now}
        WHERE "id" = ${redemption.promoCodeId}`
  }
}

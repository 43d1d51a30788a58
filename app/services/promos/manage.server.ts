import { Prisma, prisma, type Tx } from '~/infra/db.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { message } from '~/i18n/validation.ts'
import { recordAudit } from '~/services/audit/audit.server.ts'
import {
  CatalogNotFoundError,
  CatalogValidationError,
  VersionConflictError,
} from '~/services/catalog/errors.ts'
import { listCategoryOptions } from '~/services/catalog/taxonomy.server.ts'
import type { PromoInput, PromoStatus } from './form.ts'
import { promoCodeSelect } from './promos.server.ts'

export type { PromoStatus }

// The seller's and the admin's promo code screens: list codes with their usage and the revenue
// they brought, create, edit, deactivate. Who may touch which code is decided here, in every
// query's `where`: a seller reaches their own shop's codes only, an admin edits the platform's
// codes (shopId null) and reads every shop's. Admins' changes are audited in their transaction.

/** Who is acting: a shop's owner, or an admin (on platform codes). */
export type PromoActor = { sellerId: string } | { admin: { id: string; email: string } }

export type PromoRow = {
  id: string
  code: string
  shopId: string | null
  shopName: string | null
  kind: 'PERCENT' | 'FIXED' | 'FREE_DELIVERY'
  value: number
  minOrder: number
  startsAt: Date | null
  endsAt: Date | null
  usedCount: number
  usageLimit: number | null
  perCustomerLimit: number | null
  active: boolean
  status: PromoStatus
  /** Taken off orders that hold the code (items and delivery), minor units. */
  discountGiven: number
  /** The lines it applied to in those orders, net of what it took off them, minor units. */
  revenue: number
}

const notFound = () => new CatalogNotFoundError('That promo code')

async function shopOf(sellerId: string) {
  const shop = await prisma.shop.findUnique({ where: { ownerId: sellerId }, select: { id: true } })
  if (!shop) throw notFound()
  return shop.id
}

/** The codes an actor may change: their shop's, or the platform's. */
async function ownedWhere(actor: PromoActor): Promise<{ shopId: string | null }> {
  return 'sellerId' in actor ? { shopId: await shopOf(actor.sellerId) } : { shopId: null }
}

export function promoStatus(
  code: Pick<PromoRow, 'active' | 'startsAt' | 'endsAt' | 'usedCount' | 'usageLimit'>,
  now: Date,
): PromoStatus {
  if (!code.active) return 'inactive'
  if (code.endsAt && now >= code.endsAt) return 'expired'
  if (code.usageLimit !== null && code.usedCount >= code.usageLimit) return 'used-up'
  if (code.startsAt && now < code.startsAt) return 'scheduled'
  return 'active'
}

/**
 * What each code brought, from the orders that still hold it (a cancelled order gave its use
 * back): the discount given, and the lines it applied to net of what it took off them. A
 * free-delivery code takes nothing off lines; its lines are its shop's (every line for a
 * platform code). Lines of a cancelled parcel brought nothing.
 */
async function figuresOf(ids: string[]) {
  if (!ids.length) return new Map<string, { discountGiven: number; revenue: number }>()
  const [given, revenue] = await Promise.all([
    prisma.promoRedemption.groupBy({
      by: ['promoCodeId'],
      where: { promoCodeId: { in: ids }, releasedAt: null },
      _sum: { amount: true },
    }),
    prisma.$queryRaw<Array<{ id: string; revenue: bigint }>>`
      SELECT r."promoCodeId" AS id, SUM(l."lineTotal" - COALESCE(d."amount", 0))::bigint AS revenue
      FROM "PromoRedemption" r
      JOIN "PromoCode" c ON c."id" = r."promoCodeId"
      JOIN "OrderLine" l ON l."orderId" = r."orderId"
      JOIN "Shipment" s ON s."id" = l."shipmentId"
      LEFT JOIN "OrderLineDiscount" d
        ON d."orderLineId" = l."id" AND d."promoCodeId" = r."promoCodeId"
      WHERE r."promoCodeId" IN (${Prisma.join(ids)})
        AND r."releasedAt" IS NULL
        AND s."status" <> 'CANCELLED'
        AND (d."id" IS NOT NULL
          OR (c."kind" = 'FREE_DELIVERY' AND (c."shopId" IS NULL OR l."shopId" = c."shopId")))
      GROUP BY r."promoCodeId"`,
  ])
  const figures = new Map<string, { discountGiven: number; revenue: number }>()
  for (const id of ids) figures.set(id, { discountGiven: 0, revenue: 0 })
  for (const row of given) figures.get(row.promoCodeId)!.discountGiven = row._sum.amount ?? 0
  for (const row of revenue) figures.get(row.id)!.revenue = Number(row.revenue)
  return figures
}

const rowSelect = {
  id: true,
  code: true,
  shopId: true,
  shop: { select: { name: true } },
  kind: true,
  value: true,
  minOrder: true,
  startsAt: true,
  endsAt: true,
  usedCount: true,
  usageLimit: true,
  perCustomerLimit: true,
  active: true,
} satisfies Prisma.PromoCodeSelect

/** Rows per page of the code lists. */
export const PROMOS_PER_PAGE = 50

/**
 * The actor's codes, newest first, with their figures. An admin sees the platform's codes, or
 * with `shops` every shop's.
 */
export async function listPromoCodes(
  actor: PromoActor,
  {
    shops = false,
    page = 1,
    now = new Date(),
  }: { shops?: boolean; page?: number; now?: Date } = {},
) {
  const where: Prisma.PromoCodeWhereInput =
    'sellerId' in actor
      ? { shopId: await shopOf(actor.sellerId) }
      : shops
        ? { shopId: { not: null } }
        : { shopId: null }
  const [total, rows] = await Promise.all([
    prisma.promoCode.count({ where }),
    prisma.promoCode.findMany({
      where,
      select: rowSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (Math.max(1, page) - 1) * PROMOS_PER_PAGE,
      take: PROMOS_PER_PAGE,
    }),
  ])
  const figures = await figuresOf(rows.map((row) => row.id))
  const codes: PromoRow[] = rows.map(({ shop, ...row }) => ({
    ...row,
    shopName: shop?.name ?? null,
    status: promoStatus(row, now),
    ...figures.get(row.id)!,
  }))
  return { codes, total, page, pages: Math.max(1, Math.ceil(total / PROMOS_PER_PAGE)) }
}

/** One of the actor's codes as its form edits it, or not-found (unknown, or not theirs). */
export async function getPromoCode(actor: PromoActor, id: string) {
  const code = await prisma.promoCode.findFirst({
    where: { id, ...(await ownedWhere(actor)) },
    select: { ...promoCodeSelect, version: true },
  })
  if (!code) throw notFound()
  return code
}

/** How many products a code form's picker lists (newest first), besides the ones already chosen. */
const PICKER_PRODUCTS = 500

/**
 * What the form's pickers offer: every category, and the products a code may be limited to (a
 * seller's own; any shop's for a platform code, named with their shop). Products the code already
 * names stay listed (ticked) even when archived or past the newest, so a save keeps them.
 */
export async function listPromoTargets(
  actor: PromoActor,
  locale: Locale,
  chosenProductIds: string[] = [],
) {
  const owned = await ownedWhere(actor)
  const ownShop = owned.shopId ? { shopId: owned.shopId } : {}
  const select = {
    id: true,
    title: true,
    translatedTitle: true,
    locale: true,
    shop: { select: { name: true } },
  } satisfies Prisma.ProductSelect
  const [categories, newest, chosen] = await Promise.all([
    listCategoryOptions(locale),
    prisma.product.findMany({
      where: { ...ownShop, status: { not: 'ARCHIVED' } },
      select,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: PICKER_PRODUCTS,
    }),
    chosenProductIds.length
      ? prisma.product.findMany({ where: { ...ownShop, id: { in: chosenProductIds } }, select })
      : [],
  ])
  const listedIds = new Set(newest.map((product) => product.id))
  const listed = [...newest, ...chosen.filter((product) => !listedIds.has(product.id))]
  return {
    categories: categories.map(({ id, name, depth }) => ({ id, label: name, depth })),
    products: listed.map((product) => {
      const title =
        product.locale !== locale && product.translatedTitle
          ? product.translatedTitle
          : product.title
      return {
        id: product.id,
        label: 'admin' in actor ? `${title} · ${product.shop.name}` : title,
      }
    }),
  }
}

/** The rules no schema can check: a free code, real categories, the shop's own products. */
async function checkTargets(
  db: Tx,
  owned: { shopId: string | null },
  input: PromoInput,
  exceptId: string | null,
) {
  const errors: Record<string, string[]> = {}
  const taken = await db.promoCode.findUnique({ where: { code: input.code }, select: { id: true } })
  if (taken && taken.id !== exceptId) errors.code = [message('promoForm.codeTaken')]
  if (input.categoryIds.length) {
    const found = await db.category.count({ where: { id: { in: input.categoryIds } } })
    if (found !== input.categoryIds.length)
      errors.categoryIds = [message('promoForm.unknownCategory')]
  }
  if (input.productIds.length) {
    const found = await db.product.count({
      where: {
        id: { in: input.productIds },
        ...(owned.shopId ? { shopId: owned.shopId } : {}),
      },
    })
    if (found !== input.productIds.length) errors.productIds = [message('promoForm.notYourProduct')]
  }
  if (Object.keys(errors).length) throw new CatalogValidationError(errors)
}

/** Two saves racing for one code: the loser hears it at the field, not a 500. */
function codeTakenOnRace(error: unknown): never {
  if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002')
    throw new CatalogValidationError({ code: [message('promoForm.codeTaken')] })
  throw error
}

const dataOf = (input: PromoInput) => ({
  code: input.code,
  kind: input.kind,
  value: input.value,
  maxDiscount: input.maxDiscount,
  minOrder: input.minOrder,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  usageLimit: input.usageLimit,
  perCustomerLimit: input.perCustomerLimit,
  categoryIds: input.categoryIds,
  productIds: input.productIds,
})

const auditDetails = (input: PromoInput) => ({
  ...dataOf(input),
  startsAt: input.startsAt?.toISOString() ?? null,
  endsAt: input.endsAt?.toISOString() ?? null,
})

export async function createPromoCode(actor: PromoActor, input: PromoInput) {
  const owned = await ownedWhere(actor)
  try {
    return await prisma.$transaction(async (tx) => {
      await checkTargets(tx, owned, input, null)
      const created = await tx.promoCode.create({
        data: { ...dataOf(input), shopId: owned.shopId },
        select: { id: true, code: true },
      })
      if ('admin' in actor)
        await recordAudit(tx, {
          actor: actor.admin,
          action: 'promo.create',
          target: { type: 'PROMO_CODE', id: created.id, label: created.code },
          details: auditDetails(input),
        })
      return created
    })
  } catch (error) {
    codeTakenOnRace(error)
  }
}

/**
 * Saves one of the actor's codes. `expectedVersion` is the version its form was loaded with: if
 * someone saved or (de)activated the code since, nothing is written and the save answers
 * `VersionConflictError` (ADR 008), so one person's edit never silently overwrites another's.
 */
export async function updatePromoCode(
  actor: PromoActor,
  id: string,
  input: PromoInput,
  expectedVersion: number,
) {
  const owned = await ownedWhere(actor)
  try {
    return await prisma.$transaction(async (tx) => {
      // The row's lock holds checkouts' claims until this commits: usedCount cannot pass the new
      // limit meanwhile. It also queues a concurrent save, which then sees this one's version.
      const [current] = await tx.$queryRaw<
        Array<{ id: string; code: string; usedCount: number; version: number }>
      >`
        SELECT "id", "code", "usedCount", "version" FROM "PromoCode"
        WHERE "id" = ${id} AND "shopId" IS NOT DISTINCT FROM ${owned.shopId}
        FOR UPDATE`
      if (!current) throw notFound()
      if (current.version !== expectedVersion)
        throw new VersionConflictError(current.version, 'This promo code')
      if (input.usageLimit !== null && input.usageLimit < current.usedCount)
        throw new CatalogValidationError({
          usageLimit: [message('promoForm.limitBelowUsed', { used: current.usedCount })],
        })
      await checkTargets(tx, owned, input, id)
      const updated = await tx.promoCode.update({
        where: { id },
        data: { ...dataOf(input), version: { increment: 1 } },
        select: { id: true, code: true },
      })
      if ('admin' in actor)
        await recordAudit(tx, {
          actor: actor.admin,
          action: 'promo.update',
          target: { type: 'PROMO_CODE', id, label: updated.code },
          details: { before: { code: current.code }, after: auditDetails(input) },
        })
      return updated
    })
  } catch (error) {
    codeTakenOnRace(error)
  }
}

/** Deactivates (or activates again) one of the actor's codes; a deactivated code is refused as unknown. */
export async function setPromoActive(actor: PromoActor, id: string, active: boolean) {
  const owned = await ownedWhere(actor)
  return prisma.$transaction(async (tx) => {
    const code = await tx.promoCode.findFirst({
      where: { id, ...owned },
      select: { id: true, code: true, active: true },
    })
    if (!code) throw notFound()
    if (code.active === active) return code
    // An open edit form of the code notices the change (its version is behind).
    await tx.promoCode.update({ where: { id }, data: { active, version: { increment: 1 } } })
    if ('admin' in actor)
      await recordAudit(tx, {
        actor: actor.admin,
        action: active ? 'promo.activate' : 'promo.deactivate',
        target: { type: 'PROMO_CODE', id, label: code.code },
      })
    return { ...code, active }
  })
}

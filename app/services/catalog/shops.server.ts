import { prisma, type Prisma, type ShopStatus, type Tx } from '~/infra/db.server.ts'
import { isUniqueViolation } from '~/services/accounts/auth.server.ts'
import { invalidatePages } from '~/infra/page-cache/page-cache.server.ts'
import { notify } from '~/services/notifications/notify.server.ts'
import { productsChanged } from './changes.server.ts'
import { PAGE_TAGS } from './page-tags.server.ts'
import {
  CatalogNotFoundError,
  CatalogValidationError,
  fieldError,
  violatedConstraint,
} from './errors.ts'
import type { WithinTransaction } from './hooks.ts'
import { PAGE_SIZE } from './schemas.ts'

// Shops: one per seller. Opening one makes the user a SELLER; an admin can suspend a shop,
// which takes every product of it out of the store (and the search index) until reinstated.

const OWNER_SHOP_SELECT = {
  id: true,
  name: true,
  slug: true,
  description: true,
  status: true,
  suspendedAt: true,
  suspendedReason: true,
  createdAt: true,
} satisfies Prisma.ShopSelect

export type OwnShop = Prisma.ShopGetPayload<{ select: typeof OWNER_SHOP_SELECT }>

/** The user's own shop, or null before they open one. */
export function getShopForOwner(ownerId: string): Promise<OwnShop | null> {
  return prisma.shop.findUnique({ where: { ownerId }, select: OWNER_SHOP_SELECT })
}

export class ShopExistsError extends CatalogValidationError {
  constructor() {
    super({ '': ['You already have a shop.'] }, { '': [{ code: 'shop-exists' }] })
  }
}

/** Opens the user's shop and grants them the SELLER role, in one transaction. */
export async function openShop(
  userId: string,
  input: { name: string; slug: string; description?: string },
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { roles: true, shop: { select: { id: true } } },
      })
      if (!user) throw new CatalogNotFoundError('That account')
      if (user.shop) throw new ShopExistsError()
      const shop = await tx.shop.create({
        data: {
          ownerId: userId,
          name: input.name,
          slug: input.slug,
          description: input.description ?? '',
        },
        select: OWNER_SHOP_SELECT,
      })
      if (!user.roles.includes('SELLER'))
        await tx.user.update({ where: { id: userId }, data: { roles: { push: 'SELLER' } } })
      return shop
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      const target = violatedConstraint(error)
      if (target.includes('ownerId')) throw new ShopExistsError()
      throw fieldError('slug', 'That web address is taken. Try another.', { code: 'slug-taken' })
    }
    throw error
  }
}

/** Renames the owner's shop or changes its description; products show the new name everywhere. */
export async function updateShopProfile(
  ownerId: string,
  input: { name: string; description?: string },
) {
  const updated = await prisma.$transaction(
    async (tx) => {
      const shop = await tx.shop.findUnique({
        where: { ownerId },
        select: { id: true, name: true },
      })
      if (!shop) throw new CatalogNotFoundError('Your shop')
      const updated = await tx.shop.update({
        where: { id: shop.id },
        data: { name: input.name, description: input.description ?? '' },
        select: OWNER_SHOP_SELECT,
      })
      if (updated.name !== shop.name) await productsChanged(tx, await shopProductIds(tx, shop.id))
      return updated
    },
    { timeout: 120_000 },
  )
  await invalidatePages([PAGE_TAGS.shop(updated.slug)])
  return updated
}

async function shopProductIds(tx: Tx, shopId: string) {
  const rows = await tx.product.findMany({ where: { shopId }, select: { id: true } })
  return rows.map((row) => row.id)
}

/** A shop's public face; null when there is no such shop. Suspended shops come back with their status. */
export function getShopBySlug(slug: string) {
  return prisma.shop.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      status: true,
      createdAt: true,
      owner: { select: { name: true } },
    },
  })
}

// ---------------------------------------------------------------- admin

type ShopStatusChange = {
  shop: {
    id: string
    name: string
    slug: string
    status: ShopStatus
    suspendedReason: string | null
  }
  previousStatus: ShopStatus
  products: number
}

async function setShopStatus(
  shopId: string,
  status: ShopStatus,
  reason: string | null,
  { within }: WithinTransaction<ShopStatusChange>,
) {
  const changed = await prisma.$transaction(
    async (tx) => {
      const shop = await tx.shop.findUnique({
        where: { id: shopId },
        select: { id: true, status: true, ownerId: true },
      })
      if (!shop) throw new CatalogNotFoundError('That shop')
      const updated = await tx.shop.update({
        where: { id: shopId },
        data:
          status === 'SUSPENDED'
            ? { status, suspendedAt: new Date(), suspendedReason: reason }
            : { status, suspendedAt: null, suspendedReason: null },
        select: {
          id: true,
          name: true,
          slug: true,
          status: true,
          suspendedAt: true,
          suspendedReason: true,
        },
      })
      // `listed` mirrors "published and the shop is open" on every product row, so storefront
      // queries stay single-table index scans. The rows are locked in id order first, the order
      // checkouts lock products in, so a checkout of two of the shop's products and this update
      // never wait for each other in a cycle.
      await tx.$executeRaw`SELECT "id" FROM "Product" WHERE "shopId" = ${shopId} ORDER BY "id" FOR NO KEY UPDATE`
      await tx.$executeRaw`UPDATE "Product" SET "listed" = (${status === 'ACTIVE'} AND "status" = 'ACTIVE') WHERE "shopId" = ${shopId}`
      const products = await shopProductIds(tx, shopId)
      await productsChanged(tx, products)
      await within?.(tx, { shop: updated, previousStatus: shop.status, products: products.length })
      if (status === 'SUSPENDED' && shop.status !== 'SUSPENDED')
        await notify(tx, {
          userId: shop.ownerId,
          kind: 'SHOP_SUSPENDED',
          data: { shopName: updated.name, reason },
        })
      return updated
    },
    { timeout: 120_000 },
  )
  // Its page says it is suspended at once, even before its products are re-indexed.
  await invalidatePages([PAGE_TAGS.shop(changed.slug)])
  return changed
}

/** Hides every product of the shop from the store; the seller sees the reason on their dashboard. */
export function suspendShop(
  shopId: string,
  input: { reason: string },
  options: WithinTransaction<ShopStatusChange> = {},
) {
  return setShopStatus(shopId, 'SUSPENDED', input.reason, options)
}

/** Puts the shop's published products back in the store. */
export function reinstateShop(shopId: string, options: WithinTransaction<ShopStatusChange> = {}) {
  return setShopStatus(shopId, 'ACTIVE', null, options)
}

export async function listShopsForAdmin({
  q,
  status,
  page = 1,
}: {
  q?: string
  status?: ShopStatus
  page?: number
}) {
  const where: Prisma.ShopWhereInput = {
    ...(status ? { status } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: 'insensitive' } },
            { slug: { contains: q.toLowerCase() } },
            { owner: { email: { contains: q.toLowerCase() } } },
          ],
        }
      : {}),
  }
  const [shops, total] = await Promise.all([
    prisma.shop.findMany({
      where,
      select: {
        id: true,
        name: true,
        slug: true,
        status: true,
        suspendedAt: true,
        suspendedReason: true,
        createdAt: true,
        owner: { select: { name: true, email: true } },
        _count: { select: { products: true } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.shop.count({ where }),
  ])
  return { shops, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/** Figures for the admin overview. */
export async function getCatalogCounts() {
  const [shops, suspended, listed, products, categories, brands] = await Promise.all([
    prisma.shop.count(),
    prisma.shop.count({ where: { status: 'SUSPENDED' } }),
    prisma.product.count({ where: { listed: true } }),
    prisma.product.count(),
    prisma.category.count(),
    prisma.brand.count(),
  ])
  return { shops, suspended, listed, products, categories, brands }
}

import { prisma, type Prisma, type ProductStatus } from '~/infra/db.server.ts'
import { CatalogNotFoundError } from './errors.ts'
import { LOW_STOCK_THRESHOLD, PAGE_SIZE } from './schemas.ts'

// Products as lists: the seller's product list and overview, and the admin's product list.

export type SellerListFilter = { status?: ProductStatus; page?: number }

/** The owner's products, most recently changed first, with stock totals and low-stock counts. */
export async function listSellerProducts(
  ownerId: string,
  { status, page = 1 }: SellerListFilter = {},
) {
  const shop = await prisma.shop.findUnique({ where: { ownerId }, select: { id: true } })
  if (!shop) throw new CatalogNotFoundError('Your shop')
  const where: Prisma.ProductWhereInput = { shopId: shop.id, ...(status ? { status } : {}) }
  const [products, total, byStatus] = await Promise.all([
    prisma.product.findMany({
      where,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        listed: true,
        featured: true,
        price: true,
        minPrice: true,
        discountPercent: true,
        discountStartsAt: true,
        discountEndsAt: true,
        publishedAt: true,
        updatedAt: true,
        category: { select: { name: true } },
        _count: { select: { images: true } },
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.product.count({ where }),
    prisma.product.groupBy({ by: ['status'], where: { shopId: shop.id }, _count: { _all: true } }),
  ])
  const ids = products.map((product) => product.id)
  const [stock, low] = await Promise.all([
    prisma.variant.groupBy({
      by: ['productId'],
      where: { productId: { in: ids } },
      _sum: { stock: true },
      _count: { _all: true },
    }),
    prisma.variant.groupBy({
      by: ['productId'],
      where: { productId: { in: ids }, stock: { lte: LOW_STOCK_THRESHOLD } },
      _count: { _all: true },
    }),
  ])
  const stockBy = new Map(
    stock.map((row) => [row.productId, { total: row._sum.stock ?? 0, variants: row._count._all }]),
  )
  const lowBy = new Map(low.map((row) => [row.productId, row._count._all]))
  const counts = { ALL: 0, DRAFT: 0, ACTIVE: 0, ARCHIVED: 0 }
  for (const row of byStatus) {
    counts[row.status] = row._count._all
    counts.ALL += row._count._all
  }
  return {
    items: products.map(({ _count, ...product }) => ({
      ...product,
      photoCount: _count.images,
      stock: stockBy.get(product.id)?.total ?? 0,
      variantCount: stockBy.get(product.id)?.variants ?? 0,
      lowStockVariants: lowBy.get(product.id) ?? 0,
    })),
    total,
    counts,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  }
}

/** Product counts by status for the seller's dashboard (its stock and sales come from the orders' sales summary). */
export async function getSellerOverview(ownerId: string) {
  const shop = await prisma.shop.findUnique({ where: { ownerId }, select: { id: true } })
  if (!shop) throw new CatalogNotFoundError('Your shop')
  const byStatus = await prisma.product.groupBy({
    by: ['status'],
    where: { shopId: shop.id },
    _count: { _all: true },
  })
  const counts = { DRAFT: 0, ACTIVE: 0, ARCHIVED: 0 }
  for (const row of byStatus) counts[row.status] = row._count._all
  return { counts }
}

/** Every product for the admin list, newest first; `q` matches the title. */
export async function listProductsForAdmin({
  q,
  featured,
  page = 1,
}: {
  q?: string
  featured?: boolean
  page?: number
}) {
  const where: Prisma.ProductWhereInput = {
    ...(q ? { title: { contains: q, mode: 'insensitive' } } : {}),
    ...(featured !== undefined ? { featured } : {}),
  }
  const [products, total] = await Promise.all([
    prisma.product.findMany({
      where,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        listed: true,
        featured: true,
        publishedAt: true,
        createdAt: true,
        shop: { select: { name: true, slug: true, status: true } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.product.count({ where }),
  ])
  return { products, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

import { prisma, type ProductStatus } from '~/infra/db.server.ts'
import { productsChanged } from './changes.server.ts'
import { derivePricing, hasPricedVariant, isListed } from './derived.ts'
import type { WithinTransaction } from './hooks.ts'
import { CatalogNotFoundError, fieldError } from './errors.ts'

// A product's status commands: the seller publishes, unpublishes, archives or restores it; an
// admin features it on the home page. Each re-indexes the product in its transaction.

export type StatusAction = 'publish' | 'unpublish' | 'archive' | 'restore'

const NEXT_STATUS: Record<StatusAction, { from: ProductStatus[]; to: ProductStatus }> = {
  publish: { from: ['DRAFT', 'ACTIVE'], to: 'ACTIVE' },
  unpublish: { from: ['ACTIVE', 'DRAFT'], to: 'DRAFT' },
  archive: { from: ['DRAFT', 'ACTIVE', 'ARCHIVED'], to: 'ARCHIVED' },
  restore: { from: ['ARCHIVED', 'DRAFT'], to: 'DRAFT' },
}

/**
 * Publishes (needs a priced variant; the first publication dates it), unpublishes (back to
 * draft), archives (out of the store, kept for order history) or restores an archived product.
 */
export async function changeProductStatus(
  ownerId: string,
  productId: string,
  action: StatusAction,
  { now = new Date() }: { now?: Date } = {},
) {
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: productId, shop: { ownerId } },
      select: {
        id: true,
        status: true,
        publishedAt: true,
        price: true,
        discountPercent: true,
        discountStartsAt: true,
        discountEndsAt: true,
        shop: { select: { status: true } },
        variants: { select: { price: true } },
      },
    })
    if (!product) throw new CatalogNotFoundError()
    const { from, to } = NEXT_STATUS[action]
    if (!from.includes(product.status)) {
      throw fieldError(
        '',
        action === 'publish'
          ? 'Restore this product from the archive before publishing it.'
          : `This product cannot be ${action}ed from ${product.status.toLowerCase()}.`,
        { code: action === 'publish' ? 'restore-first' : 'status-change', values: { action } },
      )
    }
    if (to === 'ACTIVE' && !hasPricedVariant(product, product.variants)) {
      throw fieldError('', 'Add at least one variant with a price before publishing.', {
        code: 'needs-priced-variant',
      })
    }
    const updated = await tx.product.update({
      where: { id: productId },
      data: {
        status: to,
        listed: isListed(to, product.shop.status),
        publishedAt: to === 'ACTIVE' ? (product.publishedAt ?? now) : product.publishedAt,
        version: { increment: 1 },
        ...derivePricing(product, product.variants, now),
      },
      select: { id: true, slug: true, status: true, listed: true, version: true },
    })
    await productsChanged(tx, [productId])
    return updated
  })
}

/** Admins feature a product on the home page (or stop featuring it). */
export async function setFeatured(
  productId: string,
  featured: boolean,
  {
    within,
  }: WithinTransaction<{
    product: { id: string; title: string; slug: string }
    featured: boolean
    previous: boolean
  }> = {},
) {
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.findUnique({
      where: { id: productId },
      select: { id: true, title: true, slug: true, featured: true },
    })
    if (!product) throw new CatalogNotFoundError()
    await tx.product.update({ where: { id: productId }, data: { featured } })
    await productsChanged(tx, [productId])
    await within?.(tx, {
      product: { id: product.id, title: product.title, slug: product.slug },
      featured,
      previous: product.featured,
    })
    return { id: productId, featured }
  })
}

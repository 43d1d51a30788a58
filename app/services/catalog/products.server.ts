import {
  isTransientTransactionError,
  prisma,
  type Prisma,
  type ProductStatus,
  type Tx,
} from '~/infra/db.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { productsChanged, scheduleDiscountBoundaries } from './changes.server.ts'
import { derivePricing, hasPricedVariant, isListed } from './derived.ts'
import { CatalogNotFoundError, VersionConflictError, fieldError } from './errors.ts'
import { MAX_STOCK, variantKey, type ProductInput } from './schemas.ts'
import {
  NEEDS_PRICE,
  mapWriteError,
  productData,
  uniqueSlug,
  validateProduct,
} from './product-rules.server.ts'

// Products as their sellers see them. Every function takes the signed-in user's id and reaches
// products only through `shop: { ownerId }`, so another seller's product id is simply not found
// (the same 404 as an unknown id) and nothing is changed.

const EDIT_SELECT = {
  id: true,
  slug: true,
  locale: true,
  title: true,
  description: true,
  translatedTitle: true,
  translatedDescription: true,
  categoryId: true,
  brandId: true,
  sizeScaleId: true,
  tags: true,
  status: true,
  listed: true,
  publishedAt: true,
  featured: true,
  version: true,
  price: true,
  minPrice: true,
  discountPercent: true,
  discountStartsAt: true,
  discountEndsAt: true,
  updatedAt: true,
  shop: { select: { status: true } },
  variants: {
    select: { id: true, colorId: true, sizeId: true, sku: true, stock: true, price: true },
    orderBy: [{ color: { position: 'asc' } }, { size: { position: 'asc' } }],
  },
} satisfies Prisma.ProductSelect

export type EditableProduct = Prisma.ProductGetPayload<{ select: typeof EDIT_SELECT }>

/** The seller's product for the edit form; null when it is not theirs or does not exist. */
export function getProductForEdit(
  ownerId: string,
  productId: string,
): Promise<EditableProduct | null> {
  return prisma.product.findFirst({
    where: { id: productId, shop: { ownerId } },
    select: EDIT_SELECT,
  })
}

async function requireOwnShop(tx: Tx, ownerId: string) {
  const shop = await tx.shop.findUnique({ where: { ownerId }, select: { id: true, status: true } })
  if (!shop) throw new CatalogNotFoundError('Your shop')
  return shop
}

// ---------------------------------------------------------------- commands

export type SaveOptions = { publish?: boolean; now?: Date }

/** Creates a product in the owner's shop (a draft unless `publish`); returns its id, slug and version. */
export async function createProduct(
  ownerId: string,
  input: ProductInput,
  { publish = false, now = new Date() }: SaveOptions = {},
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const shop = await requireOwnShop(tx, ownerId)
      await validateProduct(tx, input, null)
      if (publish && !hasPricedVariant(input, input.variants))
        throw fieldError('price', NEEDS_PRICE, { code: 'needs-price' })
      const status: ProductStatus = publish ? 'ACTIVE' : 'DRAFT'
      const product = await tx.product.create({
        data: {
          ...productData(input),
          ...derivePricing(input, input.variants, now),
          shopId: shop.id,
          slug: await uniqueSlug(tx, input),
          status,
          listed: isListed(status, shop.status),
          publishedAt: publish ? now : null,
          variants: {
            create: input.variants.map((variant) => ({
              colorId: variant.colorId,
              sizeId: variant.sizeId,
              sku: variant.sku.toUpperCase(),
              stock: variant.stock,
              price: variant.price,
            })),
          },
        },
        select: {
          id: true,
          slug: true,
          version: true,
          status: true,
          discountPercent: true,
          discountStartsAt: true,
          discountEndsAt: true,
        },
      })
      await productsChanged(tx, [product.id])
      await scheduleDiscountBoundaries(tx, [product], now)
      return product
    })
  } catch (error) {
    throw mapWriteError(error)
  }
}

/**
 * Saves the edit form. `expectedVersion` is the version the form was loaded with: when the
 * product has been saved since, nothing is written and VersionConflictError says so.
 *
 * Locks, consistent with checkout's (app/services/orders/stock.server.ts: products, then
 * variants, in id order): first the variants whose key changes (deleted, or given another SKU)
 * in id order, then the product row (claiming the version), then the other variants in id
 * order. A checkout of this product therefore waits for the save or the save for it, never
 * both (see saveProduct for why the re-keyed variants come first). Stock is the one field
 * checkouts change underneath an open form: a cell whose stock the seller left as it was
 * keeps the current stock, and a changed cell applies the seller's change (entered minus
 * `stockWas`) to the current stock, so a sale made meanwhile is never undone.
 * `stockMovedMeanwhile` counts the cells whose stock had changed since the form was loaded.
 */
export async function updateProduct(
  ownerId: string,
  productId: string,
  expectedVersion: number,
  input: ProductInput,
  { publish = false, now = new Date() }: SaveOptions = {},
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) =>
        saveProduct(tx, ownerId, productId, expectedVersion, input, { publish, now }),
      )
    } catch (error) {
      // Deleting a variant or changing its SKU needs a lock that a checkout writing an order line
      // for it holds (the foreign-key check) before it queues for the product: a rare cycle that
      // PostgreSQL breaks by failing one side. The whole save runs again from the start.
      if (attempt < SAVE_ATTEMPTS && isTransientTransactionError(error)) {
        logger.warn(
          { err: error, attempt, productId },
          'Saving a product hit a retryable database error; trying again',
        )
        continue
      }
      throw mapWriteError(error)
    }
  }
}

const SAVE_ATTEMPTS = 3

async function saveProduct(
  tx: Tx,
  ownerId: string,
  productId: string,
  expectedVersion: number,
  input: ProductInput,
  { publish, now }: Required<SaveOptions>,
) {
  // Deleting a variant or changing its SKU (a unique key) takes the strongest row lock, which
  // conflicts with the key-share lock a checkout holds on the variants of the order lines it
  // has written while it queues for the product. Taken while holding the product, that lock
  // would close a cycle; taken before it, the save just waits for such checkouts to finish.
  const wantedSku = new Map(
    input.variants.map((variant) => [
      variantKey(variant.colorId, variant.sizeId),
      variant.sku.toUpperCase(),
    ]),
  )
  const rekeyed = (
    await tx.variant.findMany({
      where: { productId, product: { shop: { ownerId } } },
      select: { id: true, colorId: true, sizeId: true, sku: true },
    })
  )
    .filter((variant) => wantedSku.get(variantKey(variant.colorId, variant.sizeId)) !== variant.sku)
    .map((variant) => variant.id)
  if (rekeyed.length)
    await tx.$queryRaw`SELECT "id" FROM "Variant" WHERE "id" = ANY(${rekeyed}::text[]) ORDER BY "id" FOR UPDATE`

  // Claiming the version takes the product's row lock: a concurrent save waits, then finds it gone.
  const claimed = await tx.product.updateMany({
    where: { id: productId, shop: { ownerId }, version: expectedVersion },
    data: { version: { increment: 1 } },
  })
  if (claimed.count === 0) {
    const current = await tx.product.findFirst({
      where: { id: productId, shop: { ownerId } },
      select: { version: true },
    })
    if (!current) throw new CatalogNotFoundError()
    throw new VersionConflictError(current.version)
  }
  // Then the variants, in id order, as checkout does: the stock read below is final until commit.
  await tx.$queryRaw`SELECT "id" FROM "Variant" WHERE "productId" = ${productId} ORDER BY "id" FOR NO KEY UPDATE`
  const current = await tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: EDIT_SELECT,
  })
  await validateProduct(tx, input, productId)

  const status: ProductStatus = publish ? 'ACTIVE' : current.status
  if (status === 'ACTIVE' && !hasPricedVariant(input, input.variants)) {
    throw fieldError(
      'price',
      publish
        ? NEEDS_PRICE
        : 'A published product needs a price: add one, or unpublish the product first',
      { code: publish ? 'needs-price' : 'published-needs-price' },
    )
  }

  const existing = new Map(
    current.variants.map((variant) => [variantKey(variant.colorId, variant.sizeId), variant]),
  )
  const wanted = new Map(
    input.variants.map((variant) => [variantKey(variant.colorId, variant.sizeId), variant]),
  )
  const removed = current.variants.filter(
    (variant) => !wanted.has(variantKey(variant.colorId, variant.sizeId)),
  )
  if (removed.length)
    await tx.variant.deleteMany({
      where: { id: { in: removed.map((variant) => variant.id) }, productId },
    })

  const kept = [...wanted.entries()].flatMap(([key, variant]) => {
    const before = existing.get(key)
    return before ? [{ before, variant, stock: stockToSave(before.stock, variant) }] : []
  })
  const stockMovedMeanwhile = kept.filter(
    ({ before, variant }) => variant.stockWas !== undefined && variant.stockWas !== before.stock,
  ).length
  // SKUs may be swapped between variants: park the changed ones on unique placeholders first.
  const renamed = kept.filter(({ before, variant }) => before.sku !== variant.sku.toUpperCase())
  for (const { before } of renamed)
    await tx.variant.update({ where: { id: before.id }, data: { sku: `~${before.id}` } })
  for (const { before, variant, stock } of kept) {
    const sku = variant.sku.toUpperCase()
    if (sku === before.sku && variant.price === before.price && stock === before.stock) continue
    await tx.variant.update({
      where: { id: before.id },
      data: { sku, price: variant.price, stock },
    })
  }
  const added = [...wanted.entries()]
    .filter(([key]) => !existing.has(key))
    .map(([, variant]) => variant)
  if (added.length) {
    await tx.variant.createMany({
      data: added.map((variant) => ({
        productId,
        colorId: variant.colorId,
        sizeId: variant.sizeId,
        sku: variant.sku.toUpperCase(),
        stock: variant.stock,
        price: variant.price,
      })),
    })
  }

  const product = await tx.product.update({
    where: { id: productId },
    data: {
      ...productData(input),
      ...derivePricing(input, input.variants, now),
      status,
      listed: isListed(status, current.shop.status),
      publishedAt: status === 'ACTIVE' ? (current.publishedAt ?? now) : current.publishedAt,
    },
    select: {
      id: true,
      slug: true,
      version: true,
      status: true,
      discountPercent: true,
      discountStartsAt: true,
      discountEndsAt: true,
    },
  })
  await productsChanged(tx, [productId])
  await scheduleDiscountBoundaries(tx, [product], now)
  return { ...product, stockMovedMeanwhile }
}

/**
 * The stock to write for a cell: unchanged by the seller, the current stock; changed, the
 * seller's change applied to the current stock (within 0 … MAX_STOCK). Without `stockWas` (an
 * old form) the seller's number as it is.
 */
export function stockToSave(current: number, cell: { stock: number; stockWas?: number }) {
  if (cell.stockWas === undefined) return cell.stock
  return Math.min(MAX_STOCK, Math.max(0, current + cell.stock - cell.stockWas))
}

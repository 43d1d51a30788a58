import { randomBytes } from 'node:crypto'
import {
  isTransientTransactionError,
  prisma,
  type Prisma,
  type ProductStatus,
  type Tx,
} from '~/infra/db.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { isUniqueViolation } from '~/services/accounts/auth.server.ts'
import { productsChanged, scheduleDiscountBoundaries } from './changes.server.ts'
import { derivePricing, hasPricedVariant, isListed } from './derived.ts'
import type { WithinTransaction } from './hooks.ts'
import {
  CatalogNotFoundError,
  FieldErrors,
  VersionConflictError,
  fieldError,
  violatedConstraint,
} from './errors.ts'
import {
  LOW_STOCK_THRESHOLD,
  MAX_DISCOUNT_PERCENT,
  MAX_PRICE,
  MAX_STOCK,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  PAGE_SIZE,
  SKU_PATTERN,
  slugify,
  variantKey,
  type ProductInput,
} from './schemas.ts'
import { isForeignKeyViolation } from './constraint-errors.server.ts'
import { isLocale } from '~/i18n/locales.ts'

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

// ---------------------------------------------------------------- rules

/** Checks the input against the catalog's rules and reference data; throws with every problem found. */
async function validateProduct(tx: Tx, input: ProductInput, productId: string | null) {
  const errors = new FieldErrors()
  const title = input.title.trim()
  if (title.length < 3 || title.length > 120)
    errors.add('title', 'Use 3 to 120 characters', { code: 'title-length' })
  if (input.description.length > 5000)
    errors.add('description', 'Use at most 5000 characters', {
      code: 'too-long',
      values: { max: 5000 },
    })
  if (input.locale !== undefined && !isLocale(input.locale))
    errors.add('locale', 'Choose English or Persian', { code: 'unknown-locale' })
  const translatedTitle = input.translatedTitle?.trim() ?? ''
  if (translatedTitle && (translatedTitle.length < 3 || translatedTitle.length > 120))
    errors.add('translatedTitle', 'Use 3 to 120 characters', { code: 'title-length' })
  if ((input.translatedDescription?.length ?? 0) > 5000)
    errors.add('translatedDescription', 'Use at most 5000 characters', {
      code: 'too-long',
      values: { max: 5000 },
    })
  if (
    input.tags.length > MAX_TAGS ||
    input.tags.some((tag) => !tag || tag.length > MAX_TAG_LENGTH)
  ) {
    errors.add('tags', `Use at most ${MAX_TAGS} tags of up to ${MAX_TAG_LENGTH} characters`, {
      code: 'tags',
      values: { max: MAX_TAGS, length: MAX_TAG_LENGTH },
    })
  }
  const validPrice = (price: number | null) =>
    price === null || (Number.isInteger(price) && price > 0 && price <= MAX_PRICE)
  if (!validPrice(input.price))
    errors.add('price', 'The price must be more than zero', { code: 'price-range' })
  const { discountPercent, discountStartsAt, discountEndsAt } = input
  if (
    discountPercent !== null &&
    (!Number.isInteger(discountPercent) ||
      discountPercent < 1 ||
      discountPercent > MAX_DISCOUNT_PERCENT)
  ) {
    errors.add('discountPercent', `Use a whole percentage from 1 to ${MAX_DISCOUNT_PERCENT}`, {
      code: 'discount-range',
      values: { max: MAX_DISCOUNT_PERCENT },
    })
  }
  if ((discountStartsAt || discountEndsAt) && discountPercent === null)
    errors.add('discountPercent', 'Enter the percentage off for this schedule', {
      code: 'discount-needs-percent',
    })
  if (discountStartsAt && discountEndsAt && discountEndsAt <= discountStartsAt)
    errors.add('discountEndsAt', 'The discount must end after it starts', {
      code: 'discount-ends-before-start',
    })

  // One connection per transaction: these run one after another.
  const category = await tx.category.findUnique({
    where: { id: input.categoryId },
    select: { id: true },
  })
  const brand = input.brandId
    ? await tx.brand.findUnique({ where: { id: input.brandId }, select: { id: true } })
    : null
  const scale = await tx.sizeScale.findUnique({
    where: { id: input.sizeScaleId },
    select: { id: true, name: true, sizes: { select: { id: true } } },
  })
  const colors = await tx.color.findMany({
    where: { id: { in: [...new Set(input.variants.map((variant) => variant.colorId))] } },
    select: { id: true },
  })
  if (!category)
    errors.add('categoryId', 'Choose a category from the list', { code: 'unknown-category' })
  if (input.brandId && !brand)
    errors.add('brandId', 'Choose a brand from the list', { code: 'unknown-brand' })
  if (!scale)
    errors.add('sizeScaleId', 'Choose a size scale from the list', { code: 'unknown-size-scale' })

  const scaleSizes = new Set(scale?.sizes.map((size) => size.id))
  const knownColors = new Set(colors.map((color) => color.id))
  const seenCells = new Set<string>()
  const skuCells = new Map<string, string[]>()
  for (const variant of input.variants) {
    const key = variantKey(variant.colorId, variant.sizeId)
    const at = (field: string) => `variants.${key}.${field}`
    if (seenCells.has(key))
      errors.add(at('sku'), 'This colour and size is listed twice', { code: 'duplicate-cell' })
    seenCells.add(key)
    if (!knownColors.has(variant.colorId))
      errors.add('colorIds', 'Choose colours from the palette', { code: 'unknown-colour' })
    if (scale && !scaleSizes.has(variant.sizeId))
      errors.add('sizeIds', `Sizes must come from the ${scale.name} scale`, {
        code: 'unknown-size',
        values: { scale: scale.name },
      })
    if (!SKU_PATTERN.test(variant.sku) || variant.sku.length > 64)
      errors.add(at('sku'), 'Use letters, digits, dots, dashes and underscores', {
        code: 'sku-format',
      })
    if (!Number.isInteger(variant.stock) || variant.stock < 0 || variant.stock > MAX_STOCK)
      errors.add(at('stock'), 'Stock must be a whole number, 0 or more', { code: 'stock-range' })
    if (!validPrice(variant.price))
      errors.add(at('price'), 'The price must be more than zero', { code: 'price-range' })
    const sku = variant.sku.toUpperCase()
    skuCells.set(sku, [...(skuCells.get(sku) ?? []), key])
  }
  for (const keys of skuCells.values()) {
    if (keys.length > 1)
      for (const key of keys)
        errors.add(`variants.${key}.sku`, 'Each variant needs its own SKU', {
          code: 'duplicate-sku',
        })
  }
  if (skuCells.size) {
    const taken = await tx.variant.findMany({
      where: {
        sku: { in: [...skuCells.keys()] },
        ...(productId ? { productId: { not: productId } } : {}),
      },
      select: { sku: true },
    })
    for (const { sku } of taken)
      for (const key of skuCells.get(sku) ?? [])
        errors.add(`variants.${key}.sku`, `SKU ${sku} is already used by another product`, {
          code: 'sku-taken',
          values: { sku },
        })
  }
  errors.throwIfAny()
}

function productData(input: ProductInput) {
  return {
    title: input.title.trim(),
    description: input.description,
    // Left out (an older caller): English on create, unchanged on update.
    locale: input.locale,
    translatedTitle:
      input.translatedTitle === undefined ? undefined : input.translatedTitle?.trim() || null,
    translatedDescription:
      input.translatedDescription === undefined ? undefined : input.translatedDescription || null,
    categoryId: input.categoryId,
    brandId: input.brandId,
    sizeScaleId: input.sizeScaleId,
    tags: input.tags,
    price: input.price,
    discountPercent: input.discountPercent,
    discountStartsAt: input.discountPercent === null ? null : input.discountStartsAt,
    discountEndsAt: input.discountPercent === null ? null : input.discountEndsAt,
  }
}

const NEEDS_PRICE = 'Add a price (for the product or a variant) before publishing'

/**
 * Slugs are Latin, so they come from the English title: the translation of a Persian product
 * (its own title's Latin letters make a poor slug, "b76d05" of "پیراهن کتان b76d05"), else
 * whichever title has Latin letters.
 */
async function uniqueSlug(tx: Tx, input: ProductInput) {
  const [english, other] =
    input.locale === 'fa'
      ? [input.translatedTitle ?? '', input.title]
      : [input.title, input.translatedTitle ?? '']
  const base = slugify(english, 70) || slugify(other, 70) || 'product'
  if (!(await tx.product.findUnique({ where: { slug: base }, select: { id: true } }))) return base
  for (;;) {
    const candidate = `${base}-${randomBytes(3).toString('hex')}`
    if (!(await tx.product.findUnique({ where: { slug: candidate }, select: { id: true } })))
      return candidate
  }
}

function mapWriteError(error: unknown): unknown {
  if (isUniqueViolation(error)) {
    const target = violatedConstraint(error)
    if (target.includes('sku'))
      return fieldError(
        '',
        'One of these SKUs was just taken by another product. Please check them and save again.',
        { code: 'sku-just-taken' },
      )
    return fieldError(
      '',
      'Someone saved a product with the same details at the same moment. Please save again.',
      { code: 'saved-meanwhile' },
    )
  }
  if (isForeignKeyViolation(error)) {
    return fieldError(
      '',
      'A variant you removed is part of an order, so it cannot be deleted. Keep it and set its stock to 0 instead.',
      { code: 'variant-ordered' },
    )
  }
  return error
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

// ---------------------------------------------------------------- lists

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

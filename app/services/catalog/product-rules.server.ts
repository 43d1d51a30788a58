import { randomBytes } from 'node:crypto'
import type { Tx } from '~/infra/db.server.ts'
import { isUniqueViolation } from '~/services/accounts/auth.server.ts'
import { FieldErrors, fieldError, violatedConstraint } from './errors.ts'
import {
  MAX_DISCOUNT_PERCENT,
  MAX_PRICE,
  MAX_STOCK,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  SKU_PATTERN,
  slugify,
  variantKey,
  type ProductInput,
} from './schemas.ts'
import { isForeignKeyViolation } from './constraint-errors.server.ts'
import { isLocale } from '~/i18n/locales.ts'

// The rules a product save checks beyond its schema (reference data, SKUs, prices), the row it
// writes, its slug, and what a failed write means to the seller. Used by products.server.ts.

/** Checks the input against the catalog's rules and reference data; throws with every problem found. */
export async function validateProduct(tx: Tx, input: ProductInput, productId: string | null) {
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

export function productData(input: ProductInput) {
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

export const NEEDS_PRICE = 'Add a price (for the product or a variant) before publishing'

/**
 * Slugs are Latin, so they come from the English title: the translation of a Persian product
 * (its own title's Latin letters make a poor slug, "b76d05" of "پیراهن کتان b76d05"), else
 * whichever title has Latin letters.
 */
export async function uniqueSlug(tx: Tx, input: ProductInput) {
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

export function mapWriteError(error: unknown): unknown {
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

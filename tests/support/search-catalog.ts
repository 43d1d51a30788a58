import { randomBytes } from 'node:crypto'
import { prisma, type ProductStatus, type ShopStatus } from '~/infra/db.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { createUser } from './fixtures.ts'

// Catalog builders for search tests. They write with Prisma directly and record the change for
// search in the same transaction, as the catalog's services do.

export const COLORS = [
  { slug: 'black', name: 'Black', hex: '#111111' },
  { slug: 'white', name: 'White', hex: '#ffffff' },
  { slug: 'red', name: 'Red', hex: '#c0392b' },
  { slug: 'blue', name: 'Blue', hex: '#2e5fa8' },
  { slug: 'green', name: 'Green', hex: '#2f8f4e' },
]

const SCALES = [
  { code: 'letter', name: 'Letter sizes', labels: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] },
  { code: 'eu-shoe', name: 'EU shoe sizes', labels: ['38', '39', '40', '41', '42', '43'] },
  { code: 'one-size', name: 'One size', labels: ['One size'] },
]

/** parent slug (or null) → [slug, name] */
const CATEGORIES: Array<[string | null, string, string]> = [
  [null, 'clothing', 'Clothing'],
  ['clothing', 'women', 'Women'],
  ['women', 'dresses', 'Dresses'],
  ['women', 'women-tops', 'Tops'],
  ['clothing', 'men', 'Men'],
  ['men', 'men-t-shirts', 'T-shirts'],
  ['men', 'men-hoodies', 'Hoodies & sweatshirts'],
  [null, 'shoes', 'Shoes'],
  ['shoes', 'sneakers', 'Sneakers'],
  ['shoes', 'boots', 'Boots'],
  [null, 'accessories', 'Accessories'],
  ['accessories', 'bags', 'Bags'],
]

/** The palette, size scales and category tree the builders use (idempotent). */
export async function ensureCatalogBasics() {
  for (const [position, color] of COLORS.entries()) {
    await prisma.color.upsert({
      where: { slug: color.slug },
      update: {},
      create: { ...color, position },
    })
  }
  for (const scale of SCALES) {
    const row = await prisma.sizeScale.upsert({
      where: { code: scale.code },
      update: {},
      create: { code: scale.code, name: scale.name },
    })
    for (const [position, label] of scale.labels.entries()) {
      await prisma.size.upsert({
        where: { scaleId_label: { scaleId: row.id, label } },
        update: {},
        create: { scaleId: row.id, label, position },
      })
    }
  }
  for (const [position, [parentSlug, slug, name]] of CATEGORIES.entries()) {
    const parent = parentSlug
      ? await prisma.category.findUniqueOrThrow({ where: { slug: parentSlug } })
      : null
    await prisma.category.upsert({
      where: { slug },
      update: {},
      create: { slug, name, parentId: parent?.id ?? null, position },
    })
  }
}

export async function createBrand(name: string) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return prisma.brand.upsert({ where: { slug }, update: {}, create: { name, slug } })
}

export async function createShop(name = 'Test Shop', status: ShopStatus = 'ACTIVE') {
  const owner = await createUser({ roles: ['SHOPPER', 'SELLER'] })
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`
  return prisma.shop.create({ data: { ownerId: owner.id, name, slug, status } })
}

export type VariantInput = { color: string; size: string; stock?: number; price?: number | null }

export type ProductInput = {
  shopId: string
  title: string
  category: string
  brandId?: string | null
  /** Base price in minor units. */
  price?: number | null
  variants?: VariantInput[]
  /** The code of the size scale the variants' sizes come from; any scale with the label if unset. */
  sizeScale?: string
  status?: ProductStatus
  description?: string
  /** The language of title and description, and the other language's (docs/decisions/018). */
  locale?: 'en' | 'fa'
  translatedTitle?: string | null
  translatedDescription?: string | null
  tags?: string[]
  discountPercent?: number | null
  discountStartsAt?: Date | null
  discountEndsAt?: Date | null
  ratingCount?: number
  ratingSum?: number
  salesCount?: number
  featured?: boolean
  publishedAt?: Date | null
}

/**
 * Rating columns that add up (the Product_rating_distribution CHECK): `count` reviews whose stars
 * sum to `sum`, as many fives as fit, one in between and ones for the rest.
 */
export function ratingColumns(count: number, sum: number) {
  if (sum < count || sum > 5 * count) throw new Error(`${count} reviews cannot sum to ${sum} stars`)
  const extra = sum - count
  const fives = Math.floor(extra / 4)
  const rest = extra % 4
  const stars = {
    rating1: count - fives - (rest ? 1 : 0),
    rating2: 0,
    rating3: 0,
    rating4: 0,
    rating5: fives,
  }
  if (rest) stars[`rating${rest + 1}` as 'rating2' | 'rating3' | 'rating4'] += 1
  return { ratingCount: count, ratingSum: sum, ...stars }
}

async function sizeId(label: string, scaleId: string) {
  const size = await prisma.size.findFirstOrThrow({ where: { label, scaleId } })
  return size.id
}

/** Creates a product with its variants and records the change for search, in one transaction. */
export async function createProduct(input: ProductInput) {
  const category = await prisma.category.findUniqueOrThrow({ where: { slug: input.category } })
  const variants = input.variants ?? [{ color: 'black', size: 'M', stock: 5 }]
  const firstSize = await prisma.size.findFirstOrThrow({
    where: {
      label: variants[0]!.size,
      ...(input.sizeScale ? { scale: { code: input.sizeScale } } : {}),
    },
  })
  const colorIds = new Map((await prisma.color.findMany()).map((color) => [color.slug, color.id]))
  const variantRows = await Promise.all(
    variants.map(async (variant) => ({
      colorId: colorIds.get(variant.color)!,
      sizeId: await sizeId(variant.size, firstSize.scaleId),
      sku: `SKU-${randomBytes(6).toString('hex')}`,
      stock: variant.stock ?? 5,
      price: variant.price ?? null,
    })),
  )
  const status = input.status ?? 'ACTIVE'
  const shop = await prisma.shop.findUniqueOrThrow({
    where: { id: input.shopId },
    select: { status: true },
  })
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.create({
      data: {
        shopId: input.shopId,
        title: input.title,
        slug: `${input.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(4).toString('hex')}`,
        description: input.description ?? '',
        locale: input.locale ?? 'en',
        translatedTitle: input.translatedTitle ?? null,
        translatedDescription: input.translatedDescription ?? null,
        categoryId: category.id,
        brandId: input.brandId ?? null,
        sizeScaleId: firstSize.scaleId,
        tags: input.tags ?? [],
        status,
        // What the catalog's services keep: in the store when ACTIVE in an open shop.
        listed: status === 'ACTIVE' && shop.status === 'ACTIVE',
        publishedAt:
          input.publishedAt !== undefined
            ? input.publishedAt
            : status === 'ACTIVE'
              ? new Date(Date.now() - 60_000)
              : null,
        price: input.price === undefined ? 2000 : input.price,
        minPrice: Math.min(
          ...[input.price ?? Infinity, ...variants.map((v) => v.price ?? Infinity)].filter(
            Number.isFinite,
          ),
        ),
        discountPercent: input.discountPercent ?? null,
        discountStartsAt: input.discountStartsAt ?? null,
        discountEndsAt: input.discountEndsAt ?? null,
        ...ratingColumns(input.ratingCount ?? 0, input.ratingSum ?? 0),
        salesCount: input.salesCount ?? 0,
        featured: input.featured ?? false,
        variants: { create: variantRows },
      },
    })
    await recordProductChanges(tx, [product.id])
    return product
  })
}

/** Changes a product (keeping `listed` right) and records the change for search, in one transaction. */
export async function updateProduct(
  id: string,
  data: Parameters<typeof prisma.product.update>[0]['data'],
) {
  return prisma.$transaction(async (tx) => {
    // Leaving ACTIVE must clear `listed` in the same statement (a CHECK constraint says so).
    const leaving = typeof data.status === 'string' && data.status !== 'ACTIVE'
    const updated = await tx.product.update({
      where: { id },
      data: leaving ? { ...data, listed: false } : data,
      select: { status: true, shop: { select: { status: true } } },
    })
    const product = await tx.product.update({
      where: { id },
      data: { listed: updated.status === 'ACTIVE' && updated.shop.status === 'ACTIVE' },
    })
    await recordProductChanges(tx, [id])
    return product
  })
}

/** Suspends or reinstates a shop and records every one of its products for search. */
export async function setShopStatus(shopId: string, status: ShopStatus) {
  await prisma.$transaction(async (tx) => {
    await tx.shop.update({
      where: { id: shopId },
      data: { status, suspendedAt: status === 'SUSPENDED' ? new Date() : null },
    })
    await tx.product.updateMany({ where: { shopId }, data: { listed: false } })
    if (status === 'ACTIVE')
      await tx.product.updateMany({ where: { shopId, status: 'ACTIVE' }, data: { listed: true } })
    const products = await tx.product.findMany({ where: { shopId }, select: { id: true } })
    await recordProductChanges(
      tx,
      products.map((product) => product.id),
    )
  })
}

/** Deletes a product (and its variants) and records it for search. */
export async function deleteProduct(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.product.delete({ where: { id } })
    await recordProductChanges(tx, [id])
  })
}

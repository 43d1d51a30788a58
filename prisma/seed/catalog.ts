import { prisma, type ProductStatus, type Role } from '~/infra/db.server.ts'
import { productsChanged, scheduleDiscountBoundaries } from '~/services/catalog/changes.server.ts'
import { derivePricing, isListed } from '~/services/catalog/derived.ts'
import { slugify } from '~/services/catalog/schemas.ts'
import { invalidateCategoryTree } from '~/services/catalog/taxonomy.server.ts'
import {
  ADJECTIVES,
  BRANDS,
  CATEGORY_TREE,
  COLORS,
  DESCRIPTION_LINES,
  MATERIALS,
  SHOPS,
  SIZE_SCALES,
  type CategorySeed,
  type ShopSeed,
} from './catalog-data.ts'
import {
  BRAND_DESCRIPTIONS_FA,
  BRAND_NAMES_FA,
  CATEGORY_DESCRIPTIONS_FA,
  CATEGORY_NAMES_FA,
  COLOR_NAMES_FA,
  DESCRIPTION_LINES_FA,
  SIZE_LABELS_FA,
  SIZE_SCALE_NAMES_FA,
  persianTitle,
} from './catalog-data-fa.ts'
import { createRandom, type Random } from './random.ts'

// The demo catalog: the shared vocabulary, six shops (the demo seller owns the first) and a
// deterministic set of products with variants, stock and discounts in every state. Idempotent:
// everything is looked up by its slug first, and nothing that exists is changed.

export const DEMO_PRODUCT_COUNT = 132
const DAY = 86_400_000

export type Leaf = {
  id: string
  slug: string
  path: string[]
  seed: NonNullable<CategorySeed['leaf']>
}
export type Vocabulary = {
  leaves: Leaf[]
  colors: Array<{ id: string; name: string; slug: string }>
  scales: Record<string, { id: string; sizes: Array<{ id: string; label: string }> }>
  brands: Array<{ id: string; name: string }>
}

/** Colours, size scales, the category tree and brands; returns their ids. */
export async function seedTaxonomy(): Promise<Vocabulary> {
  const colors = []
  for (const [position, color] of COLORS.entries()) {
    const slug = slugify(color.name)
    colors.push(
      await prisma.color.upsert({
        where: { slug },
        update: {},
        create: { name: color.name, slug, hex: color.hex, position },
        select: { id: true, name: true, slug: true },
      }),
    )
  }

  const scales: Vocabulary['scales'] = {}
  for (const scale of SIZE_SCALES) {
    const row = await prisma.sizeScale.upsert({
      where: { code: scale.code },
      update: {},
      create: { code: scale.code, name: scale.name },
      select: { id: true },
    })
    const sizes = []
    for (const [position, label] of scale.labels.entries()) {
      sizes.push(
        await prisma.size.upsert({
          where: { scaleId_label: { scaleId: row.id, label } },
          update: {},
          create: { scaleId: row.id, label, position },
          select: { id: true, label: true },
        }),
      )
    }
    scales[scale.code] = { id: row.id, sizes }
  }

  const leaves: Leaf[] = []
  const plant = async (nodes: CategorySeed[], parentId: string | null, path: string[]) => {
    for (const [position, node] of nodes.entries()) {
      const row = await prisma.category.upsert({
        where: { slug: node.slug },
        update: {},
        create: {
          name: node.name,
          slug: node.slug,
          description: node.description ?? '',
          parentId,
          position,
        },
        select: { id: true },
      })
      if (node.leaf)
        leaves.push({ id: row.id, slug: node.slug, path: [...path, node.slug], seed: node.leaf })
      if (node.children) await plant(node.children, row.id, [...path, node.slug])
    }
  }
  await plant(CATEGORY_TREE, null, [])

  const brands = []
  for (const brand of BRANDS) {
    brands.push(
      await prisma.brand.upsert({
        where: { slug: slugify(brand.name) },
        update: {},
        create: { name: brand.name, slug: slugify(brand.name), description: brand.description },
        select: { id: true, name: true },
      }),
    )
  }
  await fillPersianNames()
  invalidateCategoryTree()
  return { leaves, colors, scales, brands }
}

/**
 * The Persian names of the vocabulary, and the categories' and brands' descriptions
 * (docs/decisions/018), where a row has none yet: a fresh
 * seed gets them all, an older demo database gains them, and an admin's own stay.
 */
async function fillPersianNames() {
  const fill = <T>(
    entries: Record<string, string>,
    update: (key: string, nameFa: string) => Promise<T>,
  ) => Promise.all(Object.entries(entries).map(([key, nameFa]) => update(key, nameFa)))
  await fill(CATEGORY_NAMES_FA, (slug, nameFa) =>
    prisma.category.updateMany({ where: { slug, nameFa: null }, data: { nameFa } }),
  )
  await fill(COLOR_NAMES_FA, (name, nameFa) =>
    prisma.color.updateMany({ where: { name, nameFa: null }, data: { nameFa } }),
  )
  await fill(SIZE_SCALE_NAMES_FA, (code, nameFa) =>
    prisma.sizeScale.updateMany({ where: { code, nameFa: null }, data: { nameFa } }),
  )
  await fill(SIZE_LABELS_FA, (label, labelFa) =>
    prisma.size.updateMany({ where: { label, labelFa: null }, data: { labelFa } }),
  )
  await fill(BRAND_NAMES_FA, (name, nameFa) =>
    prisma.brand.updateMany({ where: { name, nameFa: null }, data: { nameFa } }),
  )
  await fill(CATEGORY_DESCRIPTIONS_FA, (slug, descriptionFa) =>
    prisma.category.updateMany({ where: { slug, descriptionFa: null }, data: { descriptionFa } }),
  )
  await fill(BRAND_DESCRIPTIONS_FA, (name, descriptionFa) =>
    prisma.brand.updateMany({ where: { name, descriptionFa: null }, data: { descriptionFa } }),
  )
}

/** The shop owners' accounts and their shops. */
export async function seedShops(passwordHash: string, shops: ShopSeed[] = SHOPS) {
  const result = []
  for (const seed of shops) {
    const roles: Role[] = ['SHOPPER', 'SELLER']
    const owner = await prisma.user.upsert({
      where: { email: seed.owner.email },
      update: {},
      create: {
        email: seed.owner.email,
        name: seed.owner.name,
        roles,
        password: { create: { hash: passwordHash } },
      },
      select: { id: true, roles: true },
    })
    if (!owner.roles.includes('SELLER'))
      await prisma.user.update({ where: { id: owner.id }, data: { roles: { push: 'SELLER' } } })
    const shop =
      (await prisma.shop.findUnique({
        where: { ownerId: owner.id },
        select: { id: true, slug: true, status: true },
      })) ??
      (await prisma.shop.create({
        data: {
          ownerId: owner.id,
          name: seed.name,
          slug: seed.slug,
          description: seed.description,
        },
        select: { id: true, slug: true, status: true },
      }))
    result.push({ ...shop, seed })
  }
  return result
}

export type GeneratedProduct = {
  title: string
  slug: string
  description: string
  /** The same in Persian, for a Persian-first shop; null when a title word has no Persian. */
  persian: { title: string; description: string } | null
  categoryId: string
  brandId: string | null
  sizeScaleId: string
  tags: string[]
  price: number
  discountPercent: number | null
  discountStartsAt: Date | null
  discountEndsAt: Date | null
  status: ProductStatus
  featured: boolean
  publishedAt: Date | null
  variants: Array<{
    colorId: string
    sizeId: string
    sku: string
    stock: number
    price: number | null
  }>
}

/**
 * One believable product from the vocabulary: title, description, variants with stock (some
 * sold out), a discount that is running, scheduled, expired or absent, and a status.
 */
export function generateProduct(
  random: Random,
  vocabulary: Vocabulary,
  leaves: Leaf[],
  skuStem: string,
  now: Date,
): Omit<GeneratedProduct, 'slug'> {
  const leaf = random.pick(leaves)
  const material = random.chance(0.55)
    ? random.pick(leaf.seed.materials ?? MATERIALS[leaf.seed.kind])
    : null
  const adjective = random.pick(ADJECTIVES[leaf.seed.kind])
  const noun = random.pick(leaf.seed.nouns)
  const title = [adjective, material, noun].filter(Boolean).join(' ')
  const titleFa = persianTitle(adjective, material, noun)
  const [low, high] = leaf.seed.price
  const price = random.int(low, high) * 100 + random.pick([0, 0, 0, 90, 50])

  const scale = vocabulary.scales[leaf.seed.kind]!
  let sizes = scale.sizes
  if (leaf.seed.kind === 'letters') {
    sizes = scale.sizes.slice(random.int(0, 1), random.int(4, 6))
  } else if (leaf.seed.kind === 'eu-shoes') {
    const [from, to] = leaf.seed.sizes ?? ['36', '45']
    const range = scale.sizes.slice(
      scale.sizes.findIndex((size) => size.label === from),
      scale.sizes.findIndex((size) => size.label === to) + 1,
    )
    sizes = range.slice(random.int(0, 1), range.length - random.int(0, 1))
  }
  const colors = random.sample(
    vocabulary.colors,
    random.weighted([
      [1, 3],
      [2, 4],
      [3, 2],
      [4, 1],
    ] as const),
  )
  const soldOut = random.chance(0.05)
  const variants = colors.flatMap((color) =>
    sizes.map((size) => ({
      colorId: color.id,
      sizeId: size.id,
      sku: `${skuStem}-${color.slug.replace(/-/g, '').slice(0, 3)}-${slugify(size.label).replace(/-/g, '')}`.toUpperCase(),
      stock:
        soldOut || random.chance(0.12)
          ? 0
          : random.chance(0.12)
            ? random.int(1, 3)
            : random.int(4, 40),
      price: size.label === 'XXL' && random.chance(0.3) ? Math.round(price * 1.1) : null,
    })),
  )

  const day = (days: number) => new Date(now.getTime() + days * DAY)
  const discount = random.weighted([
    ['none', 60],
    ['running', 18],
    ['open', 5],
    ['scheduled', 8],
    ['expired', 9],
  ] as const)
  const percent = random.pick([10, 15, 20, 25, 30, 40, 50])
  const window =
    discount === 'running'
      ? {
          discountPercent: percent,
          discountStartsAt: day(-random.int(1, 5)),
          discountEndsAt: day(random.int(3, 20)),
        }
      : discount === 'open'
        ? { discountPercent: percent, discountStartsAt: null, discountEndsAt: null }
        : discount === 'scheduled'
          ? {
              discountPercent: percent,
              discountStartsAt: day(random.int(2, 10)),
              discountEndsAt: day(random.int(12, 20)),
            }
          : discount === 'expired'
            ? {
                discountPercent: percent,
                discountStartsAt: day(-random.int(25, 40)),
                discountEndsAt: day(-random.int(1, 10)),
              }
            : { discountPercent: null, discountStartsAt: null, discountEndsAt: null }

  const status = random.weighted([
    ['ACTIVE', 90],
    ['DRAFT', 6],
    ['ARCHIVED', 4],
  ] as const)
  const publishedAt =
    status === 'DRAFT'
      ? null
      : new Date(now.getTime() - random.int(0, 90) * DAY - random.int(0, DAY - 1))
  const lines = random.sample(
    DESCRIPTION_LINES.map((_, index) => index),
    3,
  )
  return {
    title,
    description: lines.map((index) => DESCRIPTION_LINES[index]).join(' '),
    persian: titleFa
      ? { title: titleFa, description: lines.map((index) => DESCRIPTION_LINES_FA[index]).join(' ') }
      : null,
    categoryId: leaf.id,
    brandId: random.chance(0.85) ? random.pick(vocabulary.brands).id : null,
    sizeScaleId: scale.id,
    tags: [
      ...new Set([
        material?.toLowerCase(),
        adjective.toLowerCase(),
        leaf.slug.split('-').pop(),
        random.pick(['summer', 'winter', 'spring', 'autumn', 'all-season']),
      ]),
    ].filter((tag): tag is string => Boolean(tag)),
    price,
    ...window,
    status,
    featured: status === 'ACTIVE' && random.chance(0.08),
    publishedAt,
    variants,
  }
}

/** The demo products (deterministic); products already there (by slug) are left alone. */
export async function seedDemoProducts(
  shops: Awaited<ReturnType<typeof seedShops>>,
  vocabulary: Vocabulary,
  { count = DEMO_PRODUCT_COUNT, now = new Date() } = {},
) {
  const random = createRandom(20261120)
  const weights = [30, 25, 20, 27, 20, 10]
  const used = new Set<string>()
  const planned: Array<
    GeneratedProduct & { shopId: string; shopStatus: string; shopLocale?: 'fa' }
  > = []
  for (let index = 0; index < count; index++) {
    const shopIndex = random.weighted(
      shops.map((shop, position) => [position, weights[position] ?? 10] as const),
    )
    const shop = shops[shopIndex]!
    const leaves = vocabulary.leaves.filter((leaf) =>
      leaf.path.some((slug) => shop.seed.focus.includes(slug)),
    )
    const stem = `${shop.slug.replace(/[^a-z]/g, '').slice(0, 3)}${String(index + 1).padStart(4, '0')}`
    const product = generateProduct(
      random,
      vocabulary,
      leaves.length ? leaves : vocabulary.leaves,
      stem,
      now,
    )
    // The demo seller always has a draft and an archived product to show those states.
    const own = planned.filter((entry) => entry.shopId === shop.id).length
    if (shopIndex === 0 && own < 2)
      Object.assign(
        product,
        own === 0
          ? { status: 'DRAFT', publishedAt: null, featured: false }
          : { status: 'ARCHIVED', featured: false },
      )
    let slug = slugify(product.title)
    for (let n = 2; used.has(slug); n++) slug = `${slugify(product.title)}-${n}`
    used.add(slug)
    planned.push({
      ...product,
      slug,
      shopId: shop.id,
      shopStatus: shop.status,
      shopLocale: shop.seed.locale,
    })
  }

  const existing = new Set(
    (
      await prisma.product.findMany({
        where: { slug: { in: planned.map((product) => product.slug) } },
        select: { slug: true },
      })
    ).map((row) => row.slug),
  )
  const missing = planned.filter((product) => !existing.has(product.slug))
  for (let start = 0; start < missing.length; start += 25) {
    // Not Prisma's 5 s default: on a busy machine a batch took longer and the first start failed.
    await prisma.$transaction(
      async (tx) => {
        const rows = []
        for (const { variants, shopStatus, shopLocale, persian, ...product } of missing.slice(
          start,
          start + 25,
        )) {
          // A Persian-first shop writes in Persian and gives the English as the translation;
          // the slug stays the English one's (docs/decisions/018). The English-first shops give
          // a Persian translation, so the Persian store reads Persian throughout.
          const text = !persian
            ? {}
            : shopLocale === 'fa'
              ? {
                  locale: 'fa',
                  title: persian.title,
                  description: persian.description,
                  translatedTitle: product.title,
                  translatedDescription: product.description,
                }
              : { translatedTitle: persian.title, translatedDescription: persian.description }
          rows.push(
            await tx.product.create({
              data: {
                ...product,
                ...text,
                ...derivePricing(product, variants, now),
                listed: isListed(product.status, shopStatus),
                variants: { create: variants },
              },
              select: {
                id: true,
                discountPercent: true,
                discountStartsAt: true,
                discountEndsAt: true,
              },
            }),
          )
        }
        await productsChanged(
          tx,
          rows.map((row) => row.id),
        )
        await scheduleDiscountBoundaries(tx, rows, now)
      },
      { timeout: 120_000 },
    )
  }
  return { created: missing.length, total: planned.length }
}

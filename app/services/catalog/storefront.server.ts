import { z } from 'zod'
import { prisma, Prisma } from '~/infra/db.server.ts'
import { parseProductImages, productImagesJson } from '~/services/media/sql.server.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import type { Locale } from '~/i18n/locales.ts'
import { localName } from './localized.ts'
import { localNameSql, localProductSql } from './localized.server.ts'
import { type PriceQuote, quote } from './pricing.ts'
import { RECENTLY_VIEWED_SHOWN } from './recently-viewed.ts'
import { getShopBySlug } from './shops.server.ts'
import { ancestorsOf, type CategoryNode, getCategoryTree } from './taxonomy.server.ts'

// What shoppers see outside search: the home page's rows, the product page, the grid pages'
// headings. Every query filters on Product.listed (published, shop open) and reads a few ids
// through an index, then the cards for just those ids, with their photos in one more query.

export const NEW_ARRIVAL_DAYS = 30

export type ProductCardData = {
  id: string
  slug: string
  title: string
  brand: { name: string; slug: string } | null
  shop: { name: string; slug: string }
  /** The cheapest variant's price at the moment of the request; null if unpriced. */
  price: PriceQuote | null
  /** Colours on offer, in palette order. */
  colors: Array<{ name: string; hex: string }>
  inStock: boolean
  isNew: boolean
  /** The first two photos (the second shows on hover); empty, the card shows a placeholder in its first colour. */
  images: ProductImageView[]
}

// Timestamps inside JSON come as epoch milliseconds (columns hold UTC without a time zone).
const epochMs = (column: Prisma.Sql) => Prisma.sql`floor(extract(epoch FROM ${column}) * 1000)`
const Timestamp = z
  .number()
  .nullable()
  .transform((ms) => (ms === null ? null : new Date(ms)))

// What a card reads, as one JSON object per product, checked before it reaches a page.
const CardJsonSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  minPrice: z.number().int().nullable(),
  discountPercent: z.number().int().nullable(),
  discountStartsAt: Timestamp,
  discountEndsAt: Timestamp,
  publishedAt: Timestamp,
  brandName: z.string().nullable(),
  brandSlug: z.string().nullable(),
  shopName: z.string(),
  shopSlug: z.string(),
  inStock: z.boolean(),
  colors: z.array(z.object({ name: z.string(), hex: z.string() })),
  images: z.unknown(),
})

/**
 * A JSON array of the cards of the listed products among `ids` (a query of ids, in its order),
 * with their first two photos: a whole row of cards in one expression of one round trip.
 * Titles, brand and colour names in the page's language (docs/decisions/018).
 */
export function cardListJson(ids: Prisma.Sql, locale: Locale) {
  return Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object(
      'id', cp.id, 'slug', cp.slug, 'title', ${localProductSql(locale, 'cp', 'title')}, 'minPrice', cp."minPrice",
      'discountPercent', cp."discountPercent", 'discountStartsAt', ${epochMs(Prisma.sql`cp."discountStartsAt"`)},
      'discountEndsAt', ${epochMs(Prisma.sql`cp."discountEndsAt"`)}, 'publishedAt', ${epochMs(Prisma.sql`cp."publishedAt"`)},
      'brandName', ${localNameSql(locale, 'cb')}, 'brandSlug', cb.slug, 'shopName', cs.name, 'shopSlug', cs.slug,
      'inStock', COALESCE(cv."inStock", false), 'colors', COALESCE(cv.colors, '[]'::json),
      'images', ${productImagesJson(Prisma.sql`cp.id`, { firstOnly: 2 })}
    ) ORDER BY picked.ord)
    FROM unnest(ARRAY(${ids})) WITH ORDINALITY AS picked(id, ord)
    JOIN "Product" cp ON cp.id = picked.id AND cp.listed
    JOIN "Shop" cs ON cs.id = cp."shopId"
    LEFT JOIN "Brand" cb ON cb.id = cp."brandId"
    LEFT JOIN LATERAL (
      SELECT bool_or(stock.total > 0) AS "inStock",
             json_agg(json_build_object('name', ${localNameSql(locale, 'c')}, 'hex', c.hex) ORDER BY c.position, c.name) AS colors
      FROM (SELECT "colorId", sum(stock) AS total FROM "Variant" WHERE "productId" = cp.id GROUP BY "colorId") AS stock
      JOIN "Color" c ON c.id = stock."colorId"
    ) AS cv ON true), '[]'::json)`
}

/** The cards of cardListJson, priced at `now`. */
export function parseCards(value: unknown, now: Date = new Date()): ProductCardData[] {
  const newSince = now.getTime() - NEW_ARRIVAL_DAYS * 86_400_000
  return z
    .array(CardJsonSchema)
    .parse(value)
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      brand: row.brandName && row.brandSlug ? { name: row.brandName, slug: row.brandSlug } : null,
      shop: { name: row.shopName, slug: row.shopSlug },
      price: quote({ ...row, price: row.minPrice }, null, now),
      colors: row.colors,
      inStock: row.inStock,
      isNew: Boolean(row.publishedAt && row.publishedAt.getTime() >= newSince),
      images: parseProductImages(row.images),
    }))
}

/** Product cards for these ids, in the same order, with their photos: one query whatever the number. */
export async function getProductCards(
  ids: string[],
  now: Date = new Date(),
  locale: Locale = 'en',
): Promise<ProductCardData[]> {
  if (!ids.length) return []
  const [row] = await prisma.$queryRaw<Array<{ cards: unknown }>>(
    Prisma.sql`SELECT ${cardListJson(Prisma.sql`SELECT unnest(${ids}::text[])`, locale)} AS cards`,
  )
  return parseCards(row?.cards, now)
}

// ---------------------------------------------------------------- grid page headings
// The grids' products come from search (loadSearchPage with the page's scope); the catalog
// gives each page its heading and answers 404 for what does not exist.

/** A category page's heading: the category, its breadcrumbs, its children and siblings; null if unknown. */
export async function getCategoryHeading(slug: string, locale: Locale = 'en') {
  const tree = await getCategoryTree()
  const node = tree.bySlug.get(slug)
  if (!node) return null
  const parent = node.parentId ? tree.byId.get(node.parentId) : undefined
  const link = (category: CategoryNode) => ({
    name: localName(locale, category),
    slug: category.slug,
  })
  return {
    category: { id: node.id, ...link(node), description: node.description },
    breadcrumbs: ancestorsOf(tree, node.id).map(link),
    children: node.children.map(link),
    siblings: (parent ? parent.children : tree.roots).map(link),
  }
}

/** A shop page's heading; `suspended` when the shop exists but is hidden (the route answers 404 with a notice). */
export async function getShopHeading(slug: string) {
  const shop = await getShopBySlug(slug)
  if (!shop) return null
  if (shop.status !== 'ACTIVE') return { suspended: true as const, shop: { name: shop.name } }
  return {
    suspended: false as const,
    shop: {
      id: shop.id,
      name: shop.name,
      slug: shop.slug,
      description: shop.description,
      since: shop.createdAt,
      owner: shop.owner.name,
    },
  }
}

export async function listAllBrands(locale: Locale) {
  const brands = await prisma.brand.findMany({
    select: { name: true, nameFa: true, slug: true, description: true },
    orderBy: { name: 'asc' },
  })
  return brands.map((brand) => ({
    name: localName(locale, brand),
    slug: brand.slug,
    description: brand.description,
  }))
}

const HOME_ROW = 8

/** The home page's three product rows as SQL (exported for `npm run catalog:explain`). */
export function homeQueries(now: Date) {
  const since = new Date(now.getTime() - NEW_ARRIVAL_DAYS * 86_400_000)
  return {
    featured: Prisma.sql`SELECT id FROM "Product" WHERE featured AND listed ORDER BY "publishedAt" DESC, id DESC LIMIT ${HOME_ROW}`,
    newArrivals: Prisma.sql`SELECT id FROM "Product" WHERE listed AND "publishedAt" >= ${since} ORDER BY "publishedAt" DESC, id DESC LIMIT ${HOME_ROW}`,
    // onSale is flipped by the outbox at discount boundaries; the window check covers the moments in between.
    onSale: Prisma.sql`
      SELECT id FROM "Product"
      WHERE "onSale" AND listed
        AND ("discountStartsAt" IS NULL OR "discountStartsAt" <= ${now})
        AND ("discountEndsAt" IS NULL OR "discountEndsAt" > ${now})
      ORDER BY "publishedAt" DESC, id DESC LIMIT ${HOME_ROW}`,
  }
}

/**
 * The home page's collections: featured, new in the last 30 days, on sale, the main categories
 * and the cards of `recentIds` (this browser's recently viewed products, recently-viewed.ts).
 */
export async function getHomeCollections({
  now = new Date(),
  locale = 'en',
  recentIds = [],
}: { now?: Date; locale?: Locale; recentIds?: string[] } = {}) {
  const queries = homeQueries(now)
  const recent = recentIds.slice(0, RECENTLY_VIEWED_SHOWN)
  // The rows with their cards in one round trip.
  const [[rows], tree] = await Promise.all([
    prisma.$queryRaw<
      Array<{ featured: unknown; newArrivals: unknown; onSale: unknown; recentlyViewed: unknown }>
    >(
      Prisma.sql`SELECT ${cardListJson(queries.featured, locale)} AS featured,
                        ${cardListJson(queries.newArrivals, locale)} AS "newArrivals",
                        ${cardListJson(queries.onSale, locale)} AS "onSale",
                        ${recent.length ? cardListJson(Prisma.sql`SELECT unnest(${recent}::text[])`, locale) : Prisma.sql`'[]'::json`} AS "recentlyViewed"`,
    ),
    getCategoryTree(),
  ])
  // Top categories: the second level under each department (Women, Men, Sneakers …), the way shops lay out their home page.
  const categories = tree.roots.flatMap((root) =>
    (root.children.length ? root.children : [root]).map((node) => ({
      name: localName(locale, node),
      slug: node.slug,
      parent: node.parentId ? localName(locale, root) : null,
    })),
  )
  return {
    featured: parseCards(rows?.featured, now),
    newArrivals: parseCards(rows?.newArrivals, now),
    onSale: parseCards(rows?.onSale, now),
    recentlyViewed: parseCards(rows?.recentlyViewed, now),
    categories: categories.slice(0, 12),
  }
}

// ---------------------------------------------------------------- the product page

export type ProductPageVariant = {
  id: string
  colorId: string
  sizeId: string
  sku: string
  stock: number
  price: PriceQuote | null
}

const MORE_FROM_SHOP = 4

/** The newest other listed products of the product's shop, as a query of ids. */
const moreFromShopIds = (shopId: Prisma.Sql, exceptId: Prisma.Sql) =>
  Prisma.sql`SELECT id FROM "Product" WHERE "shopId" = ${shopId} AND listed AND id <> ${exceptId}
             ORDER BY "publishedAt" DESC, id DESC LIMIT ${MORE_FROM_SHOP}`

const ProductPageRowSchema = z.object({
  waitingFor: z.array(z.string()),
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']),
  listed: z.boolean(),
  publishedAt: z.date().nullable(),
  price: z.number().int().nullable(),
  discountPercent: z.number().int().nullable(),
  discountStartsAt: z.date().nullable(),
  discountEndsAt: z.date().nullable(),
  ratingCount: z.number().int(),
  ratingSum: z.number().int(),
  categoryId: z.string(),
  brandName: z.string().nullable(),
  brandSlug: z.string().nullable(),
  shopId: z.string(),
  shopName: z.string(),
  shopSlug: z.string(),
  shopStatus: z.string(),
  ownerId: z.string(),
  scaleName: z.string(),
  /** The size scale's code when it has a size guide (app/services/pages/size-guides.server.ts). */
  sizeGuide: z.string().nullable(),
  sizes: z.array(z.object({ id: z.string(), label: z.string() })),
  variants: z.array(
    z.object({
      id: z.string(),
      colorId: z.string(),
      sizeId: z.string(),
      sku: z.string(),
      stock: z.number().int(),
      price: z.number().int().nullable(),
    }),
  ),
  colors: z.array(
    z.object({ id: z.string(), name: z.string(), slug: z.string(), hex: z.string() }),
  ),
  images: z.unknown(),
  moreFromShop: z.unknown(),
  recentlyViewed: z.unknown(),
  colorSlugs: z.array(z.string()),
})

/** The listed products among `ids` (in their order) but `exceptId`, as a query of ids. */
const recentIdsExcept = (ids: string[], exceptId: Prisma.Sql) =>
  Prisma.sql`SELECT id FROM unnest(${ids}::text[]) WITH ORDINALITY AS r(id, ord)
             WHERE id <> ${exceptId} ORDER BY ord LIMIT ${RECENTLY_VIEWED_SHOWN}`

/**
 * The product page for shoppers, or for its owner a preview of a draft, an archived product or
 * a product of a suspended shop. Null (a 404) for everyone else and for unknown slugs.
 * One round trip: the product with its brand, shop, sizes, variants, colours, photos, the
 * shop's other products as cards and the cards of `recentIds` (recently viewed, this one left out).
 */
export async function getProductPage(
  slug: string,
  {
    viewerId = null,
    now = new Date(),
    locale = 'en',
    recentIds = [],
    waitingFor = null,
  }: {
    viewerId?: string | null
    now?: Date
    locale?: Locale
    recentIds?: string[]
    /**
     * The variants the viewer waits to hear about, as a later domain's SQL expression over the
     * product's id (a JSON array of variant ids), read in this query rather than in one more.
     */
    waitingFor?: ((productId: Prisma.Sql) => Prisma.Sql) | null
  } = {},
) {
  const [raw] = await prisma.$queryRaw<unknown[]>(Prisma.sql`
    SELECT pp.id, pp.slug, ${localProductSql(locale, 'pp', 'title')} AS title,
           ${localProductSql(locale, 'pp', 'description')} AS description, pp.tags, pp.status::text AS status, pp.listed,
           pp."publishedAt", pp.price, pp."discountPercent", pp."discountStartsAt", pp."discountEndsAt",
           pp."ratingCount", pp."ratingSum", pp."categoryId",
           ${localNameSql(locale, 'b')} AS "brandName", b.slug AS "brandSlug",
           s.id AS "shopId", s.name AS "shopName", s.slug AS "shopSlug", s.status::text AS "shopStatus", s."ownerId",
           ${localNameSql(locale, 'sc')} AS "scaleName",
           CASE WHEN cardinality(sc."guideMeasures") > 0 THEN sc.code END AS "sizeGuide",
           COALESCE((SELECT json_agg(json_build_object('id', z.id, 'label', ${localNameSql(locale, 'z', 'label')}) ORDER BY z.position)
                     FROM "Size" z WHERE z."scaleId" = pp."sizeScaleId"), '[]'::json) AS sizes,
           COALESCE((SELECT json_agg(json_build_object('id', v.id, 'colorId', v."colorId", 'sizeId', v."sizeId",
                                                       'sku', v.sku, 'stock', v.stock, 'price', v.price)
                                     ORDER BY v."createdAt", v.id)
                     FROM "Variant" v WHERE v."productId" = pp.id), '[]'::json) AS variants,
           COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', ${localNameSql(locale, 'c')}, 'slug', c.slug, 'hex', c.hex)
                                     ORDER BY c.position, c.name)
                     FROM "Color" c WHERE c.id IN (SELECT "colorId" FROM "Variant" WHERE "productId" = pp.id)),
                    '[]'::json) AS colors,
           ${productImagesJson(Prisma.sql`pp.id`)} AS images,
           ${cardListJson(moreFromShopIds(Prisma.sql`pp."shopId"`, Prisma.sql`pp.id`), locale)} AS "moreFromShop",
           ${recentIds.length ? cardListJson(recentIdsExcept(recentIds, Prisma.sql`pp.id`), locale) : Prisma.sql`'[]'::json`} AS "recentlyViewed",
           ARRAY(SELECT DISTINCT c.slug FROM "Color" c JOIN "Variant" v ON v."colorId" = c.id WHERE v."productId" = pp.id) AS "colorSlugs",
           ${waitingFor ? waitingFor(Prisma.sql`pp.id`) : Prisma.sql`'[]'::json`} AS "waitingFor"
    FROM "Product" pp
    JOIN "Shop" s ON s.id = pp."shopId"
    JOIN "SizeScale" sc ON sc.id = pp."sizeScaleId"
    LEFT JOIN "Brand" b ON b.id = pp."brandId"
    WHERE pp.slug = ${slug}`)
  if (!raw) return null
  const product = ProductPageRowSchema.parse(raw)
  const isOwner = viewerId !== null && product.ownerId === viewerId
  if (!product.listed && !isOwner) return null

  const tree = await getCategoryTree()
  const offeredSizes = new Set(product.variants.map((variant) => variant.sizeId))
  const variants: ProductPageVariant[] = product.variants.map((variant) => ({
    id: variant.id,
    colorId: variant.colorId,
    sizeId: variant.sizeId,
    sku: variant.sku,
    stock: variant.stock,
    price: quote(product, variant, now),
  }))
  const priced = variants.filter((variant) => variant.price)
  const cheapest = priced.reduce<PriceQuote | null>(
    (best, variant) => (!best || variant.price!.effective < best.effective ? variant.price : best),
    null,
  )
  const highest = priced.reduce((max, variant) => Math.max(max, variant.price!.effective), 0)
  return {
    product: {
      id: product.id,
      slug: product.slug,
      title: product.title,
      description: product.description,
      tags: product.tags,
      publishedAt: product.publishedAt,
      discountEndsAt: product.discountEndsAt,
      rating: product.ratingCount
        ? { count: product.ratingCount, average: product.ratingSum / product.ratingCount }
        : null,
      brand:
        product.brandName && product.brandSlug
          ? { name: product.brandName, slug: product.brandSlug }
          : null,
      shop: { id: product.shopId, name: product.shopName, slug: product.shopSlug },
      sizeScale: product.scaleName,
      sizeGuide: product.sizeGuide,
    },
    price: cheapest,
    priceRange:
      cheapest && highest > cheapest.effective ? { low: cheapest.effective, high: highest } : null,
    colors: product.colors,
    sizes: product.sizes.filter((size) => offeredSizes.has(size.id)),
    variants,
    /** The photos in the seller's order; the page puts the picked colour's first. */
    images: parseProductImages(product.images),
    breadcrumbs: ancestorsOf(tree, product.categoryId).map((node) => ({
      name: localName(locale, node),
      slug: node.slug,
    })),
    /** The shop's other products, newest first. */
    moreFromShop: parseCards(product.moreFromShop, now),
    /** The listed products this browser opened before, newest first (recently-viewed.ts). */
    recentlyViewed: parseCards(product.recentlyViewed, now),
    /** What "you may also like" compares with (app/services/search/similar.server.ts). */
    similarTo: {
      id: product.id,
      categories: ancestorsOf(tree, product.categoryId).map((node) => node.slug),
      brand: product.brandSlug,
      shop: product.shopSlug,
      colors: product.colorSlugs,
      tags: product.tags,
      price: cheapest?.effective ?? null,
    },
    /** The variants the viewer asked to hear about when they are back in stock. */
    waitingFor: product.waitingFor,
    /** The viewer owns the product's shop (they see previews; they do not review it). */
    isOwner,
    /** Set when the owner looks at a product shoppers cannot see, and why they cannot. */
    preview: product.listed
      ? null
      : {
          status: product.status,
          shopSuspended: product.shopStatus !== 'ACTIVE',
        },
  }
}

/** Other products of the shop for the product page (newest first, without this one). */
export async function getMoreFromShop(
  shopId: string,
  exceptProductId: string,
  now: Date = new Date(),
  locale: Locale = 'en',
) {
  const [row] = await prisma.$queryRaw<Array<{ cards: unknown }>>(
    Prisma.sql`SELECT ${cardListJson(moreFromShopIds(Prisma.sql`${shopId}`, Prisma.sql`${exceptProductId}`), locale)} AS cards`,
  )
  return parseCards(row?.cards, now)
}

/** The id and slug of a listed product named by its id or its slug; null when there is none shoppers see. */
export function findListedProduct(idOrSlug: string) {
  return prisma.product.findFirst({
    where: { listed: true, OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: { id: true, slug: true },
  })
}

/** Open shops by slug, `take` of them after the slug `after` (keyset paging). */
export async function listOpenShops({ after, take }: { after: string | null; take: number }) {
  const rows = await prisma.shop.findMany({
    where: { status: 'ACTIVE', ...(after ? { slug: { gt: after } } : {}) },
    orderBy: { slug: 'asc' },
    take: take + 1,
    select: { id: true, name: true, slug: true, description: true, createdAt: true },
  })
  return { shops: rows.slice(0, take), hasMore: rows.length > take }
}

import { z } from 'zod'
import { prisma, Prisma } from '~/infra/db.server.ts'
import { parseProductImages, productImagesJson } from '~/services/media/sql.server.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import type { Locale } from '~/i18n/locales.ts'
import { localDescription, localName } from './localized.ts'
import { localNameSql, localProductSql } from './localized.server.ts'
import { type PriceQuote, quote } from './pricing.ts'
import { RECENTLY_VIEWED_SHOWN } from './recently-viewed.ts'
import { getShopBySlug } from './shops.server.ts'
import {
  ancestorsOf,
  type CategoryNode,
  getCategoryTree,
  TAXONOMY_TEXT,
} from './taxonomy.server.ts'

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
    category: { id: node.id, ...link(node), description: localDescription(locale, node) },
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
    select: TAXONOMY_TEXT,
    orderBy: { name: 'asc' },
  })
  return brands.map((brand) => ({
    name: localName(locale, brand),
    slug: brand.slug,
    description: localDescription(locale, brand),
  }))
}

const HOME_ROW = 8

/** The home page's three product rows as SQL (exported for `npm run catalog:explain`). */
export function homeQueries(now: Date) {
  const since = new Date(now.getTime() - NEW_ARRIVAL_DAYS * 86_400_000)
  return {
    featured: Prisma.sql`SELECT id FROM "Product" WHERE featured AND listed ORDER BY "publishedAt" DESC, id DESC LIMIT ${HOME_ROW}`,
    newArrivals: Prisma.sql`SELECT id FROM "Product" WHERE listed AND "publishedAt" >= ${since} ORDER BY "publishedAt" DESC, id DESC LIMIT ${HOME_ROW}`,
    // onSale is flipped by a job at discount boundaries; the window check covers the moments in between.
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

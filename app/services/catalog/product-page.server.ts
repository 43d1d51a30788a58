import { z } from 'zod'
import { prisma, Prisma } from '~/infra/db.server.ts'
import { parseProductImages, productImagesJson } from '~/services/media/sql.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { localName } from './localized.ts'
import { localNameSql, localProductSql } from './localized.server.ts'
import { type PriceQuote, quote } from './pricing.ts'
import { RECENTLY_VIEWED_SHOWN } from './recently-viewed.ts'
import { ancestorsOf, getCategoryTree } from './taxonomy.server.ts'
import { cardListJson, parseCards } from './storefront.server.ts'

// The product page's data: the product with its variants, photos and breadcrumbs in one query,
// and the shop's other products.

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

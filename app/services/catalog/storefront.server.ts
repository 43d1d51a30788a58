import { z } from 'zod'
import { prisma, Prisma } from '~/infra/db.server.ts'
import { listCardImages, listProductGallery } from '~/services/media/product-images.server.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import { type PriceQuote, quote } from './pricing.ts'
import { getShopBySlug } from './shops.server.ts'
import { ancestorsOf, getCategoryTree } from './taxonomy.server.ts'

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

// What the card query returns, checked before it reaches a page (raw SQL has no types).
const CardRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  minPrice: z.number().int().nullable(),
  discountPercent: z.number().int().nullable(),
  discountStartsAt: z.date().nullable(),
  discountEndsAt: z.date().nullable(),
  publishedAt: z.date().nullable(),
  brandName: z.string().nullable(),
  brandSlug: z.string().nullable(),
  shopName: z.string(),
  shopSlug: z.string(),
  inStock: z.boolean(),
  colors: z.array(z.object({ name: z.string(), hex: z.string() })),
})

/** Product cards for these ids, in the same order: one query for the cards and one for their photos, whatever the number. */
export async function getProductCards(
  ids: string[],
  now: Date = new Date(),
): Promise<ProductCardData[]> {
  if (!ids.length) return []
  const [rows, photos] = await Promise.all([cardRows(ids), listCardImages(ids)])
  const newSince = now.getTime() - NEW_ARRIVAL_DAYS * 86_400_000
  const cards = new Map(
    rows.map((raw) => {
      const row = CardRowSchema.parse(raw)
      const card: ProductCardData = {
        id: row.id,
        slug: row.slug,
        title: row.title,
        brand: row.brandName && row.brandSlug ? { name: row.brandName, slug: row.brandSlug } : null,
        shop: { name: row.shopName, slug: row.shopSlug },
        price: quote({ ...row, price: row.minPrice }, null, now),
        colors: row.colors,
        inStock: row.inStock,
        isNew: Boolean(row.publishedAt && row.publishedAt.getTime() >= newSince),
        images: photos.get(row.id) ?? [],
      }
      return [row.id, card]
    }),
  )
  return ids.flatMap((id) => cards.get(id) ?? [])
}

function cardRows(ids: string[]) {
  return prisma.$queryRaw<unknown[]>(Prisma.sql`
    SELECT p.id, p.slug, p.title, p."minPrice", p."discountPercent", p."discountStartsAt", p."discountEndsAt", p."publishedAt",
           b.name AS "brandName", b.slug AS "brandSlug", s.name AS "shopName", s.slug AS "shopSlug",
           COALESCE(v."inStock", false) AS "inStock", COALESCE(v.colors, '[]'::json) AS colors
    FROM "Product" p
    JOIN "Shop" s ON s.id = p."shopId"
    LEFT JOIN "Brand" b ON b.id = p."brandId"
    LEFT JOIN LATERAL (
      SELECT bool_or(stock.total > 0) AS "inStock",
             json_agg(json_build_object('name', c.name, 'hex', c.hex) ORDER BY c.position, c.name) AS colors
      FROM (SELECT "colorId", sum(stock) AS total FROM "Variant" WHERE "productId" = p.id GROUP BY "colorId") AS stock
      JOIN "Color" c ON c.id = stock."colorId"
    ) AS v ON true
    WHERE p.id = ANY(${ids}::text[]) AND p.listed`)
}

// ---------------------------------------------------------------- grid page headings
// The grids' products come from search (loadSearchPage with the page's scope); the catalog
// gives each page its heading and answers 404 for what does not exist.

/** A category page's heading: the category, its breadcrumbs, its children and siblings; null if unknown. */
export async function getCategoryHeading(slug: string) {
  const tree = await getCategoryTree()
  const node = tree.bySlug.get(slug)
  if (!node) return null
  const parent = node.parentId ? tree.byId.get(node.parentId) : undefined
  return {
    category: { id: node.id, name: node.name, slug: node.slug, description: node.description },
    breadcrumbs: ancestorsOf(tree, node.id).map(({ name, slug }) => ({ name, slug })),
    children: node.children.map(({ name, slug }) => ({ name, slug })),
    siblings: (parent ? parent.children : tree.roots).map(({ name, slug }) => ({ name, slug })),
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

export function listAllBrands() {
  return prisma.brand.findMany({
    select: { name: true, slug: true, description: true },
    orderBy: { name: 'asc' },
  })
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

/** The home page's collections: featured, new in the last 30 days, on sale, and the main categories. */
export async function getHomeCollections(now: Date = new Date()) {
  const ids = (sql: Prisma.Sql) =>
    prisma.$queryRaw<Array<{ id: string }>>(sql).then((rows) => rows.map((row) => row.id))
  const queries = homeQueries(now)
  const [featured, fresh, sale, tree] = await Promise.all([
    ids(queries.featured),
    ids(queries.newArrivals),
    ids(queries.onSale),
    getCategoryTree(),
  ])
  const cards = await getProductCards([...new Set([...featured, ...fresh, ...sale])], now)
  const byId = new Map(cards.map((card) => [card.id, card]))
  const pick = (list: string[]) => list.flatMap((id) => byId.get(id) ?? [])
  // Top categories: the second level under each department (Women, Men, Sneakers …), the way shops lay out their home page.
  const categories = tree.roots.flatMap((root) =>
    (root.children.length ? root.children : [root]).map((node) => ({
      name: node.name,
      slug: node.slug,
      parent: node.parentId ? root.name : null,
    })),
  )
  return {
    featured: pick(featured),
    newArrivals: pick(fresh),
    onSale: pick(sale),
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

/**
 * The product page for shoppers, or for its owner a preview of a draft, an archived product or
 * a product of a suspended shop. Null (a 404) for everyone else and for unknown slugs.
 */
export async function getProductPage(
  slug: string,
  { viewerId = null, now = new Date() }: { viewerId?: string | null; now?: Date } = {},
) {
  const product = await prisma.product.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      tags: true,
      status: true,
      listed: true,
      publishedAt: true,
      price: true,
      discountPercent: true,
      discountStartsAt: true,
      discountEndsAt: true,
      ratingCount: true,
      ratingSum: true,
      categoryId: true,
      brand: { select: { name: true, slug: true } },
      shop: { select: { id: true, name: true, slug: true, status: true, ownerId: true } },
      sizeScale: {
        select: {
          name: true,
          sizes: { select: { id: true, label: true }, orderBy: { position: 'asc' } },
        },
      },
      variants: {
        select: { id: true, colorId: true, sizeId: true, sku: true, stock: true, price: true },
      },
    },
  })
  if (!product) return null
  const isOwner = viewerId !== null && product.shop.ownerId === viewerId
  if (!product.listed && !isOwner) return null

  const [tree, colors, images] = await Promise.all([
    getCategoryTree(),
    prisma.color.findMany({
      where: { id: { in: [...new Set(product.variants.map((variant) => variant.colorId))] } },
      select: { id: true, name: true, slug: true, hex: true },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
    }),
    listProductGallery(product.id),
  ])
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
      brand: product.brand,
      shop: { id: product.shop.id, name: product.shop.name, slug: product.shop.slug },
      sizeScale: product.sizeScale.name,
    },
    price: cheapest,
    priceRange:
      cheapest && highest > cheapest.effective ? { low: cheapest.effective, high: highest } : null,
    colors,
    sizes: product.sizeScale.sizes.filter((size) => offeredSizes.has(size.id)),
    variants,
    /** The photos in the seller's order; the page puts the picked colour's first. */
    images,
    breadcrumbs: ancestorsOf(tree, product.categoryId).map(({ name, slug }) => ({ name, slug })),
    /** The viewer owns the product's shop (they see previews; they do not review it). */
    isOwner,
    /** Set when the owner looks at a product shoppers cannot see, and why they cannot. */
    preview: product.listed
      ? null
      : { status: product.status, shopSuspended: product.shop.status !== 'ACTIVE' },
  }
}

/** Other products of the shop for the product page (newest first, without this one). */
export async function getMoreFromShop(
  shopId: string,
  exceptProductId: string,
  now: Date = new Date(),
) {
  const ids = await prisma.$queryRaw<Array<{ id: string }>>(Prisma.sql`
    SELECT id FROM "Product" WHERE "shopId" = ${shopId} AND listed AND id <> ${exceptProductId}
    ORDER BY "publishedAt" DESC, id DESC LIMIT 4`)
  return getProductCards(
    ids.map((row) => row.id),
    now,
  )
}

import { z } from 'zod'
import { CatalogNotFoundError } from '~/services/catalog/errors.ts'
import { LOW_STOCK_THRESHOLD } from '~/services/catalog/schemas.ts'
import {
  findListedProduct,
  getShopHeading,
  listOpenShops,
} from '~/services/catalog/storefront.server.ts'
import { getProductPage } from '~/services/catalog/product-page.server.ts'
import { listApprovedReviews, getReviewSummary } from '~/services/reviews/reading.server.ts'
import { REVIEW_SORTS, REVIEWS_PAGE_SIZE } from '~/services/reviews/schemas.ts'
import { defineEndpoint } from '../endpoint.server.ts'
import {
  keyCursor,
  keyFromCursor,
  nextLink,
  pageFromCursor,
  pageNumbered,
} from '../paging.server.ts'
import { CursorSchema, LimitSchema, pageOf } from '../schemas.ts'
import { LangSchema, PriceSchema } from './catalog.server.ts'

// The storefront's single things, no token needed: a product (by id or slug) as its page shows
// it, its approved reviews, and the open shops. Through the same storefront and review services
// as the pages, so a draft, an archived product or a suspended shop's product is a 404 here too.

const ProductParamsSchema = z.object({
  product: z.string().min(1).max(160).meta({ description: 'The product’s id or slug' }),
})

const StockStateSchema = z
  .enum(['in-stock', 'low', 'sold-out'])
  .meta({ description: `\`low\`: ${LOW_STOCK_THRESHOLD} or fewer left` })

const stockState = (stock: number) =>
  stock <= 0
    ? ('sold-out' as const)
    : stock <= LOW_STOCK_THRESHOLD
      ? ('low' as const)
      : ('in-stock' as const)

const ProductDetailSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    brand: z.object({ name: z.string(), slug: z.string() }).nullable(),
    shop: z.object({ name: z.string(), slug: z.string() }),
    categories: z
      .array(z.object({ slug: z.string(), name: z.string() }))
      .meta({ description: 'From the top category down to the product’s own' }),
    rating: z.object({ count: z.number().int(), average: z.number() }).nullable(),
    price: PriceSchema.nullable().meta({ description: 'The cheapest variant’s price now' }),
    colors: z.array(
      z.object({ id: z.string(), slug: z.string(), name: z.string(), hex: z.string() }),
    ),
    sizes: z.array(z.object({ id: z.string(), label: z.string() })),
    variants: z.array(
      z.object({
        id: z.string(),
        sku: z.string(),
        colorId: z.string(),
        sizeId: z.string(),
        price: PriceSchema.nullable(),
        stock: StockStateSchema,
      }),
    ),
    images: z.array(
      z.object({
        url: z.string(),
        alt: z.string(),
        width: z.number().int(),
        height: z.number().int(),
        colorId: z.string().nullable().meta({ description: 'The colour it shows; null for all' }),
      }),
    ),
  })
  .meta({ id: 'ProductDetail' })

export const getProduct = defineEndpoint({
  method: 'get',
  path: '/products/{product}',
  operationId: 'getProduct',
  summary: 'One product: variants, prices, stock and photos',
  tags: ['Catalog'],
  access: 'public',
  params: ProductParamsSchema,
  query: z.object({ lang: LangSchema }),
  response: { status: 200, description: 'The product', schema: ProductDetailSchema },
  errors: [404],
  async handle({ params, query }) {
    const found = await findListedProduct(params.product)
    const page = found && (await getProductPage(found.slug, { locale: query.lang }))
    if (!page) throw new CatalogNotFoundError()
    const { product } = page
    return {
      body: {
        id: product.id,
        slug: product.slug,
        title: product.title,
        description: product.description,
        tags: product.tags,
        brand: product.brand,
        shop: { name: product.shop.name, slug: product.shop.slug },
        categories: page.breadcrumbs,
        rating: product.rating,
        price: page.price,
        colors: page.colors.map(({ id, slug, name, hex }) => ({ id, slug, name, hex })),
        sizes: page.sizes,
        variants: page.variants.map((variant) => ({
          id: variant.id,
          sku: variant.sku,
          colorId: variant.colorId,
          sizeId: variant.sizeId,
          price: variant.price,
          stock: stockState(variant.stock),
        })),
        images: page.images.map((image) => ({
          url: image.image.src,
          alt: image.alt,
          width: image.image.width,
          height: image.image.height,
          colorId: image.colorId,
        })),
      },
    }
  },
})

const ReviewSchema = z
  .object({
    id: z.string(),
    rating: z.number().int().min(1).max(5),
    title: z.string(),
    body: z.string(),
    fit: z.enum(['RUNS_SMALL', 'TRUE_TO_SIZE', 'RUNS_LARGE']).nullable(),
    verifiedPurchase: z.boolean(),
    helpfulCount: z.number().int(),
    author: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Review' })

export const listProductReviews = defineEndpoint({
  method: 'get',
  path: '/products/{product}/reviews',
  operationId: 'listProductReviews',
  summary: 'A product’s approved reviews and their summary',
  tags: ['Catalog'],
  access: 'public',
  params: ProductParamsSchema,
  query: z.object({ sort: z.enum(REVIEW_SORTS).default('newest'), cursor: CursorSchema }),
  response: {
    status: 200,
    description: `A page of ${REVIEWS_PAGE_SIZE} reviews`,
    schema: pageOf(ReviewSchema, 'ReviewPage').extend({
      summary: z.object({
        count: z.number().int(),
        average: z.number().nullable(),
        distribution: z.array(
          z.object({ stars: z.number().int(), count: z.number().int(), share: z.number() }),
        ),
      }),
    }),
  },
  errors: [404],
  async handle({ params, query, request }) {
    const found = await findListedProduct(params.product)
    if (!found) throw new CatalogNotFoundError()
    const page = pageFromCursor(query.cursor)
    const [summary, list] = await Promise.all([
      getReviewSummary(found.id),
      listApprovedReviews(found.id, { reviewSort: query.sort, reviewPage: page }, null),
    ])
    const { next, headers } = pageNumbered(request, page, list.pageCount)
    return {
      headers,
      body: {
        items: list.reviews.map((review) => ({
          id: review.id,
          rating: review.rating,
          title: review.title,
          body: review.body,
          fit: review.fit,
          verifiedPurchase: review.verifiedPurchase,
          helpfulCount: review.helpfulCount,
          author: review.author,
          createdAt: review.createdAt.toISOString(),
        })),
        next,
        summary: {
          count: summary.count,
          average: summary.average,
          distribution: summary.distribution,
        },
      },
    }
  },
})

const ShopSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    since: z.iso.datetime(),
  })
  .meta({ id: 'Shop' })

export const listShops = defineEndpoint({
  method: 'get',
  path: '/shops',
  operationId: 'listShops',
  summary: 'The open shops, by slug',
  tags: ['Catalog'],
  access: 'public',
  query: z.object({ limit: LimitSchema(100, 50), cursor: CursorSchema }),
  response: { status: 200, description: 'A page of shops', schema: pageOf(ShopSchema, 'ShopPage') },
  async handle({ query, request }) {
    const { shops, hasMore } = await listOpenShops({
      after: keyFromCursor(query.cursor),
      take: query.limit,
    })
    const next = hasMore && shops.length ? keyCursor(shops.at(-1)!.slug) : null
    return {
      headers: nextLink(request, next),
      body: {
        items: shops.map((shop) => ({
          slug: shop.slug,
          name: shop.name,
          description: shop.description,
          since: shop.createdAt.toISOString(),
        })),
        next,
      },
    }
  },
})

export const getShop = defineEndpoint({
  method: 'get',
  path: '/shops/{slug}',
  operationId: 'getShop',
  summary: 'One open shop (its products: `GET /products?shop=…`)',
  tags: ['Catalog'],
  access: 'public',
  params: z.object({ slug: z.string().min(1).max(120) }),
  response: { status: 200, description: 'The shop', schema: ShopSchema },
  errors: [404],
  async handle({ params }) {
    const heading = await getShopHeading(params.slug)
    if (!heading || heading.suspended) throw new CatalogNotFoundError('That shop')
    const { shop } = heading
    return {
      body: {
        slug: shop.slug,
        name: shop.name,
        description: shop.description,
        since: shop.since.toISOString(),
      },
    }
  },
})

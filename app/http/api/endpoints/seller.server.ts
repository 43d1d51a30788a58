import { z } from 'zod'
import { changeProductStatus } from '~/services/catalog/product-status.server.ts'
import {
  createProduct,
  getProductForEdit,
  updateProduct,
} from '~/services/catalog/products.server.ts'
import { listSellerProducts } from '~/services/catalog/product-lists.server.ts'
import { MAX_STOCK } from '~/services/catalog/schemas.ts'
import { CatalogNotFoundError } from '~/services/catalog/errors.ts'
import {
  STOCK_SHEET_MAX_ROWS,
  updateStockAndPrices,
} from '~/services/catalog/stock-sheet.server.ts'
import {
  getShipment,
  listShipments,
  markDelivered,
  markShipped,
  ShipmentNotFoundError,
} from '~/services/orders/fulfilment.server.ts'
import { OrderNumberSchema, SHIPMENT_FILTERS, ShipSchema } from '~/services/orders/schemas.ts'
import { getEnv } from '~/infra/env.server.ts'
import { GROUPINGS, resolveAnalyticsQuery } from '~/services/analytics/schemas.ts'
import { getSellerAnalytics } from '~/services/analytics/seller-analytics.server.ts'
import {
  deleteProductImage,
  listProductImages,
  reorderProductImages,
  updateProductImage,
} from '~/services/media/product-images.server.ts'
import { ImageChangesSchema, ReorderSchema } from '~/services/media/schemas.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import { utcToZonedLocal } from '~/utils/zoned-time.ts'
import { badQuery, defineEndpoint, englishText, requireIfMatchVersion } from '../endpoint.server.ts'
import { pageFromCursor, pageNumbered } from '../paging.server.ts'
import { AddressJsonSchema, CursorSchema, IdParamSchema, pageOf } from '../schemas.ts'
import {
  Price,
  ProductBodySchema,
  SellerProductSchema,
  SellerProductSummarySchema,
  inBodyTerms,
  productInput,
  sellerProductJson,
} from './seller-schemas.server.ts'

// A seller's own shop, for their tools: products with their variants (through the catalog
// service the product form uses, with the form's rules and its optimistic lock as `If-Match`),
// stock and prices of many SKUs at once, and the shop's part of orders (through the fulfilment
// service of the seller's order pages), its products' photos (the photo editor's service) and its
// sales figures (the sales page's). Every call reaches only the caller's own shop: another
// shop's product or order is a 404, as on the pages.

export const listShopProducts = defineEndpoint({
  method: 'get',
  path: '/shop/products',
  operationId: 'listShopProducts',
  summary: 'Your shop’s products, most recently changed first',
  tags: ['Seller'],
  access: 'shop:read',
  query: z.object({
    status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']).optional(),
    cursor: CursorSchema,
  }),
  response: {
    status: 200,
    description: 'A page of products',
    schema: pageOf(SellerProductSummarySchema, 'SellerProductPage').extend({
      total: z.number().int(),
    }),
  },
  errors: [404],
  async handle({ caller, query, request }) {
    const page = pageFromCursor(query.cursor)
    const list = await listSellerProducts(caller.user.id, {
      ...(query.status ? { status: query.status } : {}),
      page,
    })
    const { next, headers } = pageNumbered(request, page, list.pageCount)
    return {
      headers,
      body: {
        items: list.items.map((item) => ({
          id: item.id,
          slug: item.slug,
          title: item.title,
          status: item.status,
          listed: item.listed,
          price: item.price,
          minPrice: item.minPrice,
          stock: item.stock,
          variantCount: item.variantCount,
          lowStockVariants: item.lowStockVariants,
          photoCount: item.photoCount,
          updatedAt: item.updatedAt.toISOString(),
        })),
        next,
        total: list.total,
      },
    }
  },
})

async function requireOwnProduct(ownerId: string, productId: string) {
  const product = await getProductForEdit(ownerId, productId)
  if (!product) throw new CatalogNotFoundError()
  return product
}

export const getShopProduct = defineEndpoint({
  method: 'get',
  path: '/shop/products/{id}',
  operationId: 'getShopProduct',
  summary: 'One of your products with its variants, stock and version',
  tags: ['Seller'],
  access: 'shop:read',
  params: IdParamSchema,
  response: { status: 200, description: 'The product', schema: SellerProductSchema },
  errors: [404],
  async handle({ caller, params }) {
    return { body: sellerProductJson(await requireOwnProduct(caller.user.id, params.id)) }
  },
})

export const createShopProduct = defineEndpoint({
  method: 'post',
  path: '/shop/products',
  operationId: 'createShopProduct',
  summary: 'Add a product with its variants (a draft unless `publish`)',
  tags: ['Seller'],
  access: 'shop:write',
  idempotent: true,
  body: ProductBodySchema,
  response: { status: 201, description: 'The product as saved', schema: SellerProductSchema },
  errors: [404],
  async handle({ caller, body }) {
    const created = await inBodyTerms(
      body,
      createProduct(caller.user.id, productInput(body), { publish: body.publish }),
    )
    const product = await requireOwnProduct(caller.user.id, created.id)
    return {
      status: 201,
      headers: { Location: `/api/v1/shop/products/${created.id}` },
      body: sellerProductJson(product),
    }
  },
})

const IfMatchHeaders = z.object({
  'If-Match': z
    .string()
    .meta({ description: 'The product’s `version` as you read it, e.g. `"7"`' }),
})

export const updateShopProduct = defineEndpoint({
  method: 'put',
  path: '/shop/products/{id}',
  operationId: 'updateShopProduct',
  summary: 'Replace a product and its variants (`If-Match` its version)',
  description:
    'Variants are matched by colour and size: ones left out are deleted (one already ordered cannot be: set its stock to 0), new ones added. A sale made since you read the product is not undone only if you send the stock you read; send the stock you want otherwise.',
  tags: ['Seller'],
  access: 'shop:write',
  params: IdParamSchema,
  headers: IfMatchHeaders,
  body: ProductBodySchema,
  response: { status: 200, description: 'The product as saved', schema: SellerProductSchema },
  errors: [404, 412, 428],
  async handle({ caller, params, body, request }) {
    const version = requireIfMatchVersion(request)
    await inBodyTerms(
      body,
      updateProduct(caller.user.id, params.id, version, productInput(body), {
        publish: body.publish,
      }),
    )
    return { body: sellerProductJson(await requireOwnProduct(caller.user.id, params.id)) }
  },
})

export const archiveShopProduct = defineEndpoint({
  method: 'delete',
  path: '/shop/products/{id}',
  operationId: 'archiveShopProduct',
  summary: 'Archive a product (out of the store, kept for its orders)',
  tags: ['Seller'],
  access: 'shop:write',
  params: IdParamSchema,
  response: { status: 204, description: 'Archived', schema: null },
  errors: [404],
  async handle({ caller, params }) {
    await changeProductStatus(caller.user.id, params.id, 'archive')
    return { status: 204 }
  },
})

const StockRowSchema = z.object({
  sku: z.string().min(1).max(64),
  stock: z.number().int().min(0).max(MAX_STOCK).optional().meta({ description: 'The new stock' }),
  price: Price.nullable()
    .optional()
    .meta({ description: 'The variant’s own price; null for the product’s' }),
})

export const updateShopStock = defineEndpoint({
  method: 'post',
  path: '/shop/stock',
  operationId: 'updateShopStock',
  summary: 'Set stock and prices of many SKUs at once: all rows or none',
  description: `Up to ${STOCK_SHEET_MAX_ROWS} rows. Every row is checked first; a refusal (422) names each bad row in \`errors[].pointer\` (\`/items/41/sku\`) and changes nothing.`,
  tags: ['Seller'],
  access: 'shop:write',
  body: z.object({ items: z.array(StockRowSchema).min(1).max(STOCK_SHEET_MAX_ROWS) }),
  response: {
    status: 200,
    description: 'Every row applied',
    schema: z.object({ variants: z.number().int(), products: z.number().int() }),
  },
  errors: [404],
  async handle({ caller, body }) {
    return { body: await updateStockAndPrices(caller.user.id, body.items) }
  },
})

// ---------------------------------------------------------------- orders

const OrderNumberParams = z.object({
  number: z.string().max(20).meta({ description: 'The order number, e.g. `SP-7K2Q-M4XD`' }),
})

function orderNumber(raw: string) {
  const parsed = OrderNumberSchema.safeParse(raw)
  if (!parsed.success) throw new ShipmentNotFoundError()
  return parsed.data
}

const ShipmentStatusSchema = z.enum(['PENDING', 'SHIPPED', 'DELIVERED', 'CANCELLED'])

const ShopOrderSummarySchema = z
  .object({
    number: z.string(),
    status: ShipmentStatusSchema,
    itemsTotal: z.number().int(),
    currency: z.string(),
    units: z.number().int(),
    shippingMethod: z.string(),
    recipient: z.string(),
    destination: z.string(),
    trackingNumber: z.string().nullable(),
    createdAt: z.iso.datetime(),
    shippedAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ShopOrderSummary' })

const iso = (date: Date | null) => date?.toISOString() ?? null

export const listShopOrders = defineEndpoint({
  method: 'get',
  path: '/shop/orders',
  operationId: 'listShopOrders',
  summary: 'Your shop’s part of orders (oldest first while waiting to ship)',
  tags: ['Seller'],
  access: 'shop:read',
  query: z.object({ status: z.enum(SHIPMENT_FILTERS).default('to-ship'), cursor: CursorSchema }),
  response: {
    status: 200,
    description: 'A page of orders',
    schema: pageOf(ShopOrderSummarySchema, 'ShopOrderPage').extend({
      counts: z.object({
        'to-ship': z.number().int(),
        shipped: z.number().int(),
        delivered: z.number().int(),
        cancelled: z.number().int(),
      }),
    }),
  },
  async handle({ caller, query, request }) {
    const page = pageFromCursor(query.cursor)
    const list = await listShipments(caller.user.id, { filter: query.status, page })
    const { next, headers } = pageNumbered(request, page, list.pages)
    return {
      headers,
      body: {
        items: list.shipments.map((shipment) => ({
          number: shipment.number,
          status: shipment.status,
          itemsTotal: shipment.itemsTotal,
          currency: shipment.currency,
          units: shipment.units,
          shippingMethod: shipment.shippingMethod,
          recipient: shipment.recipient,
          destination: shipment.destination,
          trackingNumber: shipment.trackingNumber,
          createdAt: shipment.createdAt.toISOString(),
          shippedAt: iso(shipment.shippedAt),
          deliveredAt: iso(shipment.deliveredAt),
        })),
        next,
        counts: list.counts,
      },
    }
  },
})

const ShopOrderSchema = z
  .object({
    number: z.string(),
    status: ShipmentStatusSchema,
    orderStatus: z.string(),
    placedAt: z.iso.datetime(),
    currency: z.string(),
    itemsTotal: z.number().int(),
    shippingMethod: z.string(),
    address: AddressJsonSchema,
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z.string().nullable(),
    shippedAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    lines: z.array(
      z.object({
        title: z.string(),
        productSlug: z.string(),
        colorName: z.string(),
        sizeLabel: z.string(),
        sku: z.string(),
        quantity: z.number().int(),
        unitPrice: z.number().int(),
        lineTotal: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ShopOrder' })

async function shopOrderJson(
  userId: string,
  number: string,
): Promise<z.infer<typeof ShopOrderSchema>> {
  const shipment = await getShipment(userId, number)
  if (!shipment) throw new ShipmentNotFoundError()
  return {
    number: shipment.number,
    status: shipment.status,
    orderStatus: shipment.orderStatus,
    placedAt: shipment.placedAt.toISOString(),
    currency: shipment.currency,
    itemsTotal: shipment.itemsTotal,
    shippingMethod: shipment.shippingMethod,
    address: shipment.address,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl,
    shippedAt: iso(shipment.shippedAt),
    deliveredAt: iso(shipment.deliveredAt),
    lines: shipment.lines.map(({ id: _id, ...line }) => line),
  }
}

export const getShopOrder = defineEndpoint({
  method: 'get',
  path: '/shop/orders/{number}',
  operationId: 'getShopOrder',
  summary: 'Your shop’s part of one order: lines, address, parcel',
  tags: ['Seller'],
  access: 'shop:read',
  params: OrderNumberParams,
  response: { status: 200, description: 'The order', schema: ShopOrderSchema },
  errors: [404],
  async handle({ caller, params }) {
    return { body: await shopOrderJson(caller.user.id, orderNumber(params.number)) }
  },
})

export const shipShopOrder = defineEndpoint({
  method: 'post',
  path: '/shop/orders/{number}/shipped',
  operationId: 'markShopOrderShipped',
  summary: 'Mark your parcel of an order shipped, with carrier and tracking number',
  tags: ['Seller'],
  access: 'shop:write',
  params: OrderNumberParams,
  body: ShipSchema,
  response: { status: 200, description: 'The order as it is now', schema: ShopOrderSchema },
  errors: [404, 409],
  async handle({ caller, params, body }) {
    const number = orderNumber(params.number)
    await markShipped(caller.user.id, number, body)
    return { body: await shopOrderJson(caller.user.id, number) }
  },
})

export const deliverShopOrder = defineEndpoint({
  method: 'post',
  path: '/shop/orders/{number}/delivered',
  operationId: 'markShopOrderDelivered',
  summary: 'Mark your shipped parcel of an order delivered',
  tags: ['Seller'],
  access: 'shop:write',
  params: OrderNumberParams,
  response: { status: 200, description: 'The order as it is now', schema: ShopOrderSchema },
  errors: [404, 409],
  async handle({ caller, params }) {
    const number = orderNumber(params.number)
    await markDelivered(caller.user.id, number)
    return { body: await shopOrderJson(caller.user.id, number) }
  },
})

// ---------------------------------------------------------------- photos

const ProductImageSchema = z
  .object({
    id: z.string(),
    position: z.number().int().meta({ description: 'From 0; the first is the product’s cover' }),
    alt: z.string(),
    colorId: z
      .string()
      .nullable()
      .meta({ description: 'The colour it shows; null for every colour' }),
    width: z.number().int(),
    height: z.number().int(),
    src: z.string().meta({ description: 'A JPEG of it' }),
    srcSet: z.object({ avif: z.string(), webp: z.string(), jpeg: z.string() }),
  })
  .meta({ id: 'ProductImage' })

const ProductImagesSchema = z
  .object({ images: z.array(ProductImageSchema) })
  .meta({ id: 'ProductImages' })

function imageJson(view: ProductImageView): z.infer<typeof ProductImageSchema> {
  return {
    id: view.id,
    position: view.position,
    alt: view.alt,
    colorId: view.colorId,
    width: view.image.width,
    height: view.image.height,
    src: view.image.src,
    srcSet: view.image.srcSet,
  }
}

const imagesJson = (views: ProductImageView[]) => ({ images: views.map(imageJson) })

const ImageParams = IdParamSchema.extend({
  imageId: z.string().min(1).max(64).meta({ description: 'The photo’s id' }),
})

export const listShopProductImages = defineEndpoint({
  method: 'get',
  path: '/shop/products/{id}/images',
  operationId: 'listShopProductImages',
  summary: 'One of your products’ photos, in order',
  description:
    'Photos are uploaded from the product’s photo page (or `POST /api/products/{id}/images`, multipart, with the session); here they are ordered, given a colour and alt text, and deleted.',
  tags: ['Seller'],
  access: 'shop:read',
  params: IdParamSchema,
  response: { status: 200, description: 'The photos', schema: ProductImagesSchema },
  errors: [404],
  async handle({ caller, params }) {
    return { body: imagesJson(await listProductImages(caller.user.id, params.id)) }
  },
})

export const reorderShopProductImages = defineEndpoint({
  method: 'put',
  path: '/shop/products/{id}/images/order',
  operationId: 'reorderShopProductImages',
  summary: 'Put a product’s photos in this order (every photo’s id, once)',
  tags: ['Seller'],
  access: 'shop:write',
  params: IdParamSchema,
  body: ReorderSchema,
  response: {
    status: 200,
    description: 'The photos in their new order',
    schema: ProductImagesSchema,
  },
  errors: [404, 409],
  async handle({ caller, params, body }) {
    return {
      body: imagesJson(await reorderProductImages(caller.user.id, params.id, body.imageIds)),
    }
  },
})

export const updateShopProductImage = defineEndpoint({
  method: 'patch',
  path: '/shop/products/{id}/images/{imageId}',
  operationId: 'updateShopProductImage',
  summary: 'Set a photo’s alt text and/or the colour it shows',
  tags: ['Seller'],
  access: 'shop:write',
  params: ImageParams,
  body: ImageChangesSchema,
  response: { status: 200, description: 'The photo', schema: ProductImageSchema },
  errors: [404],
  async handle({ caller, params, body }) {
    return {
      body: imageJson(await updateProductImage(caller.user.id, params.id, params.imageId, body)),
    }
  },
})

export const deleteShopProductImage = defineEndpoint({
  method: 'delete',
  path: '/shop/products/{id}/images/{imageId}',
  operationId: 'deleteShopProductImage',
  summary: 'Delete a photo',
  tags: ['Seller'],
  access: 'shop:write',
  params: ImageParams,
  response: { status: 200, description: 'The remaining photos', schema: ProductImagesSchema },
  errors: [404],
  async handle({ caller, params }) {
    return {
      body: imagesJson(await deleteProductImage(caller.user.id, params.id, params.imageId)),
    }
  },
})

// ---------------------------------------------------------------- sales

const SalesSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    by: z.enum(GROUPINGS),
    currency: z.string(),
    totals: z.object({
      revenue: z
        .number()
        .int()
        .meta({ description: 'What buyers paid for your items (minor units)' }),
      units: z.number().int(),
      orders: z.number().int(),
      views: z.number().int(),
      carts: z.number().int(),
      returned: z.number().int().meta({ description: 'Units of these sales received back' }),
      payouts: z.number().int().meta({ description: 'Paid out to your bank in the range' }),
    }),
    buckets: z.array(
      z.object({
        start: z.iso.date(),
        end: z.iso.date(),
        revenue: z.number().int(),
        units: z.number().int(),
        orders: z.number().int(),
        views: z.number().int(),
        carts: z.number().int(),
        payouts: z.number().int(),
      }),
    ),
    products: z.array(
      z.object({
        productId: z.string().nullable().meta({ description: 'Null when the product was deleted' }),
        title: z.string(),
        slug: z.string(),
        revenue: z.number().int(),
        units: z.number().int(),
        orders: z.number().int(),
        views: z.number().int(),
        carts: z.number().int(),
        unitsByBucket: z.array(z.number().int()),
      }),
    ),
  })
  .meta({ id: 'ShopSales' })

export const getShopSales = defineEndpoint({
  method: 'get',
  path: '/shop/sales',
  operationId: 'getShopSales',
  summary: 'Your shop’s sales figures over a range, as the sales page shows them',
  description:
    'Days are the store’s calendar days (`STORE_TIMEZONE`); the range is at most 731 days and defaults to the last 30. Weeks start on Monday and months are calendar months.',
  tags: ['Seller'],
  access: 'shop:read',
  query: z.object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    by: z.enum(GROUPINGS).default('day'),
  }),
  response: { status: 200, description: 'The figures', schema: SalesSchema },
  errors: [404],
  async handle({ caller, query }) {
    const today = utcToZonedLocal(new Date(), getEnv().STORE_TIMEZONE).slice(0, 10)
    const params = new URLSearchParams({ by: query.by })
    if (query.from) params.set('from', query.from)
    if (query.to) params.set('to', query.to)
    const resolved = resolveAnalyticsQuery(params, today)
    if (!resolved.ok) {
      const [field, messages] = Object.entries(resolved.errors)[0]!
      badQuery(field, englishText(messages![0]!))
    }
    const sales = await getSellerAnalytics(caller.user.id, resolved.query, 'en')
    if (!sales) throw new CatalogNotFoundError('Your shop')
    return {
      body: {
        ...sales.query,
        currency: getEnv().STORE_CURRENCY,
        totals: sales.totals,
        buckets: sales.buckets,
        products: sales.products,
      },
    }
  },
})

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
import { defineEndpoint, requireIfMatchVersion } from '../endpoint.server.ts'
import { pageFromCursor, pageNumbered } from '../paging.server.ts'
import { CursorSchema, IdParamSchema, pageOf } from '../schemas.ts'
import {
  Price,
  ProductBodySchema,
  SellerProductSchema,
  SellerProductSummarySchema,
  inBodyTerms,
  productInput,
  sellerProductJson,
} from './seller-schemas.server.ts'

// A seller's products with their variants, through the catalog service the product form uses
// (with the form's rules, and its optimistic lock as `If-Match`), and the stock and prices of
// many SKUs at once. Another shop's product is a 404, as on the pages.

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

import { z } from 'zod'
import { CatalogNotFoundError } from '~/services/catalog/errors.ts'
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
import { utcToZonedLocal } from '~/utils/zoned-time.ts'
import { badQuery, defineEndpoint, englishText } from '../endpoint.server.ts'
import { pageFromCursor, pageNumbered } from '../paging.server.ts'
import { AddressJsonSchema, CursorSchema, OrderNumberParamSchema, pageOf } from '../schemas.ts'

// A shop's part of orders, through the fulfilment service of the seller's order pages, and its
// sales figures, as the sales page computes them. Another shop's order is a 404.

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
  params: OrderNumberParamSchema,
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
  params: OrderNumberParamSchema,
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
  params: OrderNumberParamSchema,
  response: { status: 200, description: 'The order as it is now', schema: ShopOrderSchema },
  errors: [404, 409],
  async handle({ caller, params }) {
    const number = orderNumber(params.number)
    await markDelivered(caller.user.id, number)
    return { body: await shopOrderJson(caller.user.id, number) }
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

import { createHash } from 'node:crypto'
import { z } from 'zod'
import {
  addToCart,
  getCart,
  removeCartLine,
  updateCartLine,
} from '~/services/orders/cart.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { cancelOrder, listOrders } from '~/services/orders/orders.server.ts'
import { AddressSchema, MAX_LINE_QUANTITY } from '~/services/orders/schemas.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { defineEndpoint, requireIdempotencyKey } from '../endpoint.server.ts'
import { pageFromCursor, pageNumbered } from '../paging.server.ts'
import { CursorSchema, OrderNumberParamSchema, pageOf } from '../schemas.ts'
import { LangSchema } from './catalog.server.ts'
import { CartSchema, OrderSchema, cartJson, orderJson, ownOrder } from './shopper-json.server.ts'

// A shopper's cart, checkout and orders, through the services of the cart, checkout and order
// pages (the same rules: stock, line limits, the total the buyer agreed to, cancelling before
// anything shipped). Each reaches only the caller's own cart and orders; another person's order
// is a 404.

// ---------------------------------------------------------------- cart

const cartOf = async (userId: string, locale: 'en' | 'fa' = 'en') =>
  cartJson(await getCart({ userId }, new Date(), locale))

const Quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY)
const VariantParams = z.object({ variantId: z.string().min(1).max(64) })

export const getCartEndpoint = defineEndpoint({
  method: 'get',
  path: '/cart',
  operationId: 'getCart',
  summary: 'Your cart with today’s prices and stock',
  tags: ['Shopper'],
  access: 'cart:write',
  query: z.object({ lang: LangSchema }),
  response: { status: 200, description: 'The cart', schema: CartSchema },
  async handle({ caller, query }) {
    return { body: await cartOf(caller.user.id, query.lang) }
  },
})

export const addCartItem = defineEndpoint({
  method: 'post',
  path: '/cart/items',
  operationId: 'addCartItem',
  summary: 'Put some of a variant in your cart (added to what is there)',
  tags: ['Shopper'],
  access: 'cart:write',
  idempotent: true,
  body: VariantParams.extend({ quantity: Quantity.default(1) }),
  response: { status: 200, description: 'The cart', schema: CartSchema },
  errors: [404, 409],
  async handle({ caller, body }) {
    await addToCart({ userId: caller.user.id }, body)
    return { body: await cartOf(caller.user.id) }
  },
})

export const changeCartItem = defineEndpoint({
  method: 'patch',
  path: '/cart/items/{variantId}',
  operationId: 'changeCartItem',
  summary: 'Change how many of a variant your cart holds',
  tags: ['Shopper'],
  access: 'cart:write',
  params: VariantParams,
  body: z.object({ quantity: Quantity }),
  response: { status: 200, description: 'The cart', schema: CartSchema },
  errors: [404, 409],
  async handle({ caller, params, body }) {
    await updateCartLine({ userId: caller.user.id }, { variantId: params.variantId, ...body })
    return { body: await cartOf(caller.user.id) }
  },
})

export const removeCartItem = defineEndpoint({
  method: 'delete',
  path: '/cart/items/{variantId}',
  operationId: 'removeCartItem',
  summary: 'Take a variant out of your cart (not there: nothing to do)',
  tags: ['Shopper'],
  access: 'cart:write',
  params: VariantParams,
  response: { status: 200, description: 'The cart', schema: CartSchema },
  async handle({ caller, params }) {
    await removeCartLine({ userId: caller.user.id }, params.variantId)
    return { body: await cartOf(caller.user.id) }
  },
})

// ---------------------------------------------------------------- orders

export const listOrdersEndpoint = defineEndpoint({
  method: 'get',
  path: '/orders',
  operationId: 'listOrders',
  summary: 'Your orders, newest first',
  tags: ['Shopper'],
  access: 'orders:read',
  query: z.object({ cursor: CursorSchema }),
  response: {
    status: 200,
    description: 'A page of orders',
    schema: pageOf(
      z
        .object({
          number: z.string(),
          status: z.string(),
          placedAt: z.iso.datetime(),
          total: z.number().int(),
          currency: z.string(),
          itemCount: z.number().int(),
          titles: z.array(z.string()),
        })
        .meta({ id: 'OrderSummary' }),
      'OrderPage',
    ),
  },
  async handle({ caller, query, request }) {
    const page = pageFromCursor(query.cursor)
    const list = await listOrders(caller.user.id, { page })
    const { next, headers } = pageNumbered(request, page, list.pages)
    return {
      headers,
      body: {
        items: list.orders.map((order) => ({ ...order, placedAt: order.placedAt.toISOString() })),
        next,
      },
    }
  },
})

export const getOrderEndpoint = defineEndpoint({
  method: 'get',
  path: '/orders/{number}',
  operationId: 'getOrder',
  summary: 'One of your orders: parcels, tracking, payment',
  tags: ['Shopper'],
  access: 'orders:read',
  params: OrderNumberParamSchema,
  response: { status: 200, description: 'The order', schema: OrderSchema },
  errors: [404],
  async handle({ caller, params }) {
    return { body: orderJson(await ownOrder(caller.user.id, params.number)) }
  },
})

export const cancelOrderEndpoint = defineEndpoint({
  method: 'post',
  path: '/orders/{number}/cancel',
  operationId: 'cancelOrder',
  summary: 'Cancel one of your orders while nothing has shipped',
  tags: ['Shopper'],
  access: 'orders:write',
  idempotent: true,
  params: OrderNumberParamSchema,
  response: { status: 200, description: 'The order, cancelled', schema: OrderSchema },
  errors: [404, 409],
  async handle({ caller, params }) {
    const order = await ownOrder(caller.user.id, params.number)
    await cancelOrder({ userId: caller.user.id }, order.number)
    return { body: orderJson(await ownOrder(caller.user.id, order.number)) }
  },
})

// ---------------------------------------------------------------- checkout

const CheckoutBodySchema = z
  .object({
    cartToken: z.string().min(1).max(100).meta({ description: 'The `cartToken` of `GET /cart`' }),
    addressId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'One of your saved addresses; or send `address`' }),
    address: AddressSchema.optional(),
    saveAddress: z.boolean().default(false),
    shippingMethod: z.string().min(1).max(40),
    paymentMethod: z.string().min(1).max(40).default('pay-on-delivery'),
    expectedTotal: z.number().int().min(0).meta({
      description:
        'Items and delivery, as you showed the buyer; any other total is a 422 `total-changed`',
    }),
  })
  .refine((body) => (body.addressId === undefined) !== (body.address === undefined), {
    path: ['addressId'],
    error: 'Send either addressId or address',
  })

/**
 * The checkout's key for this caller's Idempotency-Key: orders keep one key each, unique over
 * everyone's orders, so two people's clients choosing the same key never meet.
 */
const orderKey = (userId: string, key: string) =>
  `api-${createHash('sha256').update(`${userId}\n${key}`).digest('base64url')}`

export const checkout = defineEndpoint({
  method: 'post',
  path: '/checkout',
  operationId: 'checkout',
  summary: 'Place your cart as an order (`Idempotency-Key` required)',
  description:
    'A retry with the same `Idempotency-Key` and body (a lost answer, a double submit, twenty at once) places nothing more: it is answered with the first answer, the order as placed, and `Idempotent-Replayed: true`. The same key with another body is a 422.',
  tags: ['Shopper'],
  access: 'orders:write',
  idempotent: true,
  headers: z.object({
    'Idempotency-Key': z
      .string()
      .meta({ description: '16–100 letters, digits, `-` or `_`, new for each order' }),
  }),
  body: CheckoutBodySchema,
  response: {
    status: 201,
    description: 'The order placed (or, replayed, placed before)',
    schema: OrderSchema.extend({
      paymentUrl: z.string().nullable().meta({
        description: 'Where the buyer pays, for providers that take payment on their page',
      }),
    }).meta({ id: 'PlacedOrder' }),
  },
  errors: [409, 428],
  async handle({ caller, body, request }) {
    const key = requireIdempotencyKey(request)
    const userId = caller.user.id
    let placed
    try {
      placed = await placeOrder(userId, {
        idempotencyKey: orderKey(userId, key),
        cartToken: body.cartToken,
        shippingMethod: body.shippingMethod,
        paymentMethod: body.paymentMethod,
        expectedTotal: body.expectedTotal,
        address: body.address
          ? { kind: 'new', fields: body.address, save: body.saveAddress }
          : { kind: 'saved', id: body.addressId ?? '' },
      })
    } catch (error) {
      // The page's form carries the cart's token as its key; here the body's cartToken does.
      if (error instanceof DomainError && error.field === 'idempotencyKey')
        throw new DomainError(error.kind, error.code, error.message, { field: 'cartToken' })
      throw error
    }
    const order = await ownOrder(userId, placed.number)
    return {
      status: 201,
      headers: {
        Location: `/api/v1/orders/${placed.number}`,
        ...(placed.created ? {} : { 'Idempotent-Replayed': 'true' }),
      },
      body: { ...orderJson(order), paymentUrl: placed.paymentRedirect },
    }
  },
})

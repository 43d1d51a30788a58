import { createHash } from 'node:crypto'
import { z } from 'zod'
import {
  createAddress,
  deleteAddress,
  getAddress,
  listAddresses,
  updateAddress,
  AddressNotFoundError,
} from '~/services/orders/addresses.server.ts'
import {
  addToCart,
  getCart,
  removeCartLine,
  updateCartLine,
} from '~/services/orders/cart.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { cancelOrder, listOrders } from '~/services/orders/orders.server.ts'
import { AddressSchema, MAX_LINE_QUANTITY } from '~/services/orders/schemas.ts'
import { listWishlist, removeSave, toggleSave } from '~/services/wishlist/wishlist.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { defineEndpoint, requireIdempotencyKey } from '../endpoint.server.ts'
import { pageFromCursor, pageNumbered } from '../paging.server.ts'
import { CursorSchema, IdParamSchema, pageOf } from '../schemas.ts'
import { LangSchema } from './catalog.server.ts'
import {
  CartSchema,
  OrderSchema,
  SavedAddressSchema,
  cartJson,
  orderJson,
  ownOrder,
  savedJson,
} from './shopper-json.server.ts'

// A shopper's cart, checkout, orders, addresses and wishlist, through the services of the cart,
// checkout, order, address and wishlist pages (the same rules: stock, line limits, the total the
// buyer agreed to, cancelling before anything shipped). Each reaches only the caller's own cart,
// orders, addresses and saved items; another person's order or address is a 404.

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
  body: z.object({ variantId: z.string().min(1).max(64), quantity: Quantity.default(1) }),
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

const OrderParams = z.object({
  number: z.string().max(20).meta({ description: 'The order number, e.g. `SP-7K2Q-M4XD`' }),
})

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
  params: OrderParams,
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
  params: OrderParams,
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

// ---------------------------------------------------------------- addresses

async function ownAddress(userId: string, id: string) {
  const address = await getAddress(userId, id)
  if (!address) throw new AddressNotFoundError()
  return savedJson(address)
}

const AddressBodySchema = z.object({
  address: AddressSchema,
  makeDefault: z.boolean().default(false),
})

export const listAddressesEndpoint = defineEndpoint({
  method: 'get',
  path: '/addresses',
  operationId: 'listAddresses',
  summary: 'Your saved addresses, the default first',
  tags: ['Shopper'],
  access: 'account:read',
  response: {
    status: 200,
    description: 'Every saved address',
    schema: z.object({ items: z.array(SavedAddressSchema) }),
  },
  async handle({ caller }) {
    return { body: { items: (await listAddresses(caller.user.id)).map(savedJson) } }
  },
})

export const createAddressEndpoint = defineEndpoint({
  method: 'post',
  path: '/addresses',
  operationId: 'createAddress',
  summary: 'Save an address',
  tags: ['Shopper'],
  access: 'account:write',
  idempotent: true,
  body: AddressBodySchema,
  response: { status: 201, description: 'The address saved', schema: SavedAddressSchema },
  errors: [409],
  async handle({ caller, body }) {
    const { id } = await createAddress(caller.user.id, body.address, {
      makeDefault: body.makeDefault,
    })
    return {
      status: 201,
      headers: { Location: `/api/v1/addresses/${id}` },
      body: await ownAddress(caller.user.id, id),
    }
  },
})

export const updateAddressEndpoint = defineEndpoint({
  method: 'put',
  path: '/addresses/{id}',
  operationId: 'updateAddress',
  summary: 'Change one of your addresses',
  tags: ['Shopper'],
  access: 'account:write',
  params: IdParamSchema,
  body: AddressBodySchema,
  response: { status: 200, description: 'The address as saved', schema: SavedAddressSchema },
  errors: [404],
  async handle({ caller, params, body }) {
    await updateAddress(caller.user.id, params.id, body.address, { makeDefault: body.makeDefault })
    return { body: await ownAddress(caller.user.id, params.id) }
  },
})

export const deleteAddressEndpoint = defineEndpoint({
  method: 'delete',
  path: '/addresses/{id}',
  operationId: 'deleteAddress',
  summary: 'Delete one of your addresses',
  tags: ['Shopper'],
  access: 'account:write',
  params: IdParamSchema,
  response: { status: 204, description: 'Deleted', schema: null },
  errors: [404],
  async handle({ caller, params }) {
    await deleteAddress(caller.user.id, params.id)
    return { status: 204 }
  },
})

// ---------------------------------------------------------------- wishlist

const WishlistItemSchema = z
  .object({
    target: z.string().meta({
      description: 'What was saved: the variant’s id (a colour and size), else the product’s',
    }),
    productId: z.string(),
    variantId: z.string().nullable(),
    title: z.string(),
    slug: z.string(),
    color: z.string().nullable(),
    size: z.string().nullable(),
    price: z.number().int().nullable().meta({ description: 'Now (the lowest for a product)' }),
    savedPrice: z.number().int().nullable().meta({ description: 'When it was saved' }),
    priceDrop: z.number().int().nullable().meta({ description: 'How much cheaper than then' }),
    stock: z.number().int(),
    available: z.boolean().meta({ description: 'Still in the store' }),
    priceAlert: z.boolean().meta({ description: 'An email is sent when the price drops' }),
    savedAt: z.iso.datetime(),
  })
  .meta({ id: 'WishlistItem' })

const WishlistSchema = z
  .object({ items: z.array(WishlistItemSchema), currency: z.string() })
  .meta({ id: 'Wishlist' })

async function wishlistOf(userId: string, locale: 'en' | 'fa' = 'en') {
  const lines = await listWishlist({ userId }, locale)
  return {
    items: lines.map((line) => ({
      target: line.target,
      productId: line.productId,
      variantId: line.variantId,
      title: line.title,
      slug: line.slug,
      color: line.color?.name ?? null,
      size: line.size,
      price: line.price?.effective ?? null,
      savedPrice: line.savedPrice,
      priceDrop: line.drop,
      stock: line.stock,
      available: line.available,
      priceAlert: line.priceAlert,
      savedAt: line.savedAt.toISOString(),
    })),
    currency: getEnv().STORE_CURRENCY,
  }
}

export const getWishlistEndpoint = defineEndpoint({
  method: 'get',
  path: '/wishlist',
  operationId: 'getWishlist',
  summary: 'Your saved items, newest first, with today’s prices',
  tags: ['Shopper'],
  access: 'account:read',
  query: z.object({ lang: LangSchema }),
  response: { status: 200, description: 'The wishlist', schema: WishlistSchema },
  async handle({ caller, query }) {
    return { body: await wishlistOf(caller.user.id, query.lang) }
  },
})

export const saveToWishlistEndpoint = defineEndpoint({
  method: 'post',
  path: '/wishlist',
  operationId: 'saveToWishlist',
  summary: 'Save a product, or one colour and size of it (saved already: nothing changes)',
  tags: ['Shopper'],
  access: 'account:write',
  idempotent: true,
  body: z.object({
    productId: z.string().min(1).max(64),
    variantId: z.string().min(1).max(64).nullable().default(null),
  }),
  response: { status: 200, description: 'The wishlist', schema: WishlistSchema },
  errors: [404, 409],
  async handle({ caller, body }) {
    await toggleSave({ userId: caller.user.id }, { ...body, want: 'save' })
    return { body: await wishlistOf(caller.user.id) }
  },
})

export const removeFromWishlistEndpoint = defineEndpoint({
  method: 'delete',
  path: '/wishlist/{target}',
  operationId: 'removeFromWishlist',
  summary: 'Take an item out of your wishlist (not there: nothing to do)',
  tags: ['Shopper'],
  access: 'account:write',
  params: z.object({
    target: z.string().min(1).max(64).meta({ description: 'The item’s `target`' }),
  }),
  response: { status: 200, description: 'The wishlist', schema: WishlistSchema },
  async handle({ caller, params }) {
    await removeSave({ userId: caller.user.id }, params.target)
    return { body: await wishlistOf(caller.user.id) }
  },
})

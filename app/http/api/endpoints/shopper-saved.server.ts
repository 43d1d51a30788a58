import { z } from 'zod'
import {
  createAddress,
  deleteAddress,
  getAddress,
  listAddresses,
  updateAddress,
  AddressNotFoundError,
} from '~/services/orders/addresses.server.ts'
import { AddressSchema } from '~/services/orders/schemas.ts'
import { listWishlist, removeSave, toggleSave } from '~/services/wishlist/wishlist.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { defineEndpoint } from '../endpoint.server.ts'
import { IdParamSchema } from '../schemas.ts'
import { LangSchema } from './catalog.server.ts'
import { SavedAddressSchema, savedJson } from './shopper-json.server.ts'

// What a shopper keeps for next time: addresses and the wishlist, through the services of the
// address book and wishlist pages. Another person's address is a 404.

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

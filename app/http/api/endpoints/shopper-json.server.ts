import { z } from 'zod'
import { getEnv } from '~/infra/env.server.ts'
import type { SavedAddress } from '~/services/orders/addresses.server.ts'
import type { CartView } from '~/services/orders/cart.server.ts'
import { getOrder, OrderNotFoundError, type OrderDetail } from '~/services/orders/orders.server.ts'
import { OrderNumberSchema } from '~/services/orders/schemas.ts'
import { AddressJsonSchema } from '../schemas.ts'

// What the shopper's endpoints answer: the cart, an order and a saved address as JSON, with the
// schemas the OpenAPI document shows for them.

export const CartSchema = z
  .object({
    cartToken: z
      .string()
      .nullable()
      .meta({ description: 'Send it with the checkout: the cart you saw is the cart you buy' }),
    lines: z.array(
      z.object({
        variantId: z.string(),
        productId: z.string(),
        slug: z.string(),
        title: z.string(),
        sku: z.string(),
        color: z.string(),
        size: z.string(),
        shop: z.object({ name: z.string(), slug: z.string() }),
        quantity: z.number().int(),
        unitPrice: z.number().int().nullable(),
        regularPrice: z.number().int().nullable(),
        lineTotal: z.number().int(),
        problem: z
          .enum(['unavailable', 'sold-out', 'not-enough'])
          .nullable()
          .meta({ description: 'Why the line cannot be bought as it is' }),
        available: z.number().int().meta({ description: 'Units in stock now' }),
      }),
    ),
    itemCount: z.number().int(),
    itemsTotal: z.number().int().meta({ description: 'Minor units, after discounts' }),
    currency: z.string(),
    canCheckout: z.boolean(),
  })
  .meta({ id: 'Cart' })

export function cartJson(cart: CartView): z.infer<typeof CartSchema> {
  return {
    cartToken: cart.checkoutToken,
    lines: cart.lines.map((line) => ({
      variantId: line.variantId,
      productId: line.productId,
      slug: line.slug,
      title: line.title,
      sku: line.sku,
      color: line.colorName,
      size: line.sizeLabel,
      shop: { name: line.shopName, slug: line.shopSlug },
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      regularPrice: line.regularPrice,
      lineTotal: line.lineTotal,
      problem: line.problem?.kind ?? null,
      available: line.stock,
    })),
    itemCount: cart.itemCount,
    itemsTotal: cart.itemsTotal,
    currency: getEnv().STORE_CURRENCY,
    canCheckout: cart.canCheckout,
  }
}

export const OrderSchema = z
  .object({
    number: z.string(),
    status: z.string().meta({
      description: '`PLACED`, `PARTIALLY_SHIPPED`, `SHIPPED`, `DELIVERED` or `CANCELLED`',
    }),
    placedAt: z.iso.datetime(),
    cancelledAt: z.iso.datetime().nullable(),
    currency: z.string(),
    itemsTotal: z.number().int(),
    shippingCost: z.number().int(),
    total: z.number().int(),
    shippingMethod: z.string(),
    paymentMethod: z.string(),
    paymentStatus: z.string(),
    address: AddressJsonSchema,
    canCancel: z.boolean(),
    shipments: z.array(
      z.object({
        shop: z.object({ name: z.string(), slug: z.string() }),
        status: z.enum(['PENDING', 'SHIPPED', 'DELIVERED', 'CANCELLED']),
        carrier: z.string().nullable(),
        trackingNumber: z.string().nullable(),
        trackingUrl: z.string().nullable(),
        lines: z.array(
          z.object({
            title: z.string(),
            productSlug: z.string(),
            sku: z.string(),
            color: z.string(),
            size: z.string(),
            quantity: z.number().int(),
            unitPrice: z.number().int(),
            lineTotal: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Order' })

export function orderJson(order: OrderDetail): z.infer<typeof OrderSchema> {
  return {
    number: order.number,
    status: order.status,
    placedAt: order.placedAt.toISOString(),
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    currency: order.currency,
    itemsTotal: order.itemsTotal,
    shippingCost: order.shippingCost,
    total: order.total,
    shippingMethod: order.shippingMethod,
    paymentMethod: order.paymentMethod,
    paymentStatus: order.paymentStatus,
    address: order.address,
    canCancel: order.canCancel,
    shipments: order.shipments.map((shipment) => ({
      shop: { name: shipment.shopName, slug: shipment.shopSlug },
      status: shipment.status,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: shipment.trackingUrl,
      lines: shipment.lines.map((line) => ({
        title: line.title,
        productSlug: line.productSlug,
        sku: line.sku,
        color: line.colorName,
        size: line.sizeLabel,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        lineTotal: line.lineTotal,
      })),
    })),
  }
}

export async function ownOrder(userId: string, rawNumber: string) {
  const number = OrderNumberSchema.safeParse(rawNumber)
  const order = number.success ? await getOrder({ userId }, number.data) : null
  if (!order) throw new OrderNotFoundError()
  return order
}

export const SavedAddressSchema = AddressJsonSchema.extend({
  id: z.string(),
  isDefault: z.boolean(),
}).meta({ id: 'SavedAddress' })

export const savedJson = (address: SavedAddress): z.infer<typeof SavedAddressSchema> => ({
  id: address.id,
  isDefault: address.isDefault,
  fullName: address.fullName,
  line1: address.line1,
  line2: address.line2,
  city: address.city,
  region: address.region,
  postalCode: address.postalCode,
  country: address.country,
  phone: address.phone,
})

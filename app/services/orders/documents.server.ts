import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import type { AddressInput } from './schemas.ts'
import {
  parseAddressSnapshot,
  viewerOrderQuery,
  viewerOwns,
  type OrderViewer,
} from './orders.server.ts'
import type { OrderState, PaymentState, ShipmentState } from './status.ts'

// The order's printable documents: the shopper's invoice and a seller's packing slip. Both are
// read from the order's own copies (lines, prices, promo code amounts as they were at checkout),
// never from today's catalog, and both follow the order pages' access rules: the invoice opens
// for the buyer or the holder of the order's signed link, a slip for the owner of a shop with a
// parcel in the order (its own lines only). Anything else is null, which the routes make a 404.

/** Who issues the documents: the store as configured. */
export type StoreDetails = { name: string; url: string; host: string }

function storeDetails(): StoreDetails {
  const env = getEnv()
  return { name: env.STORE_NAME, url: env.appUrl, host: new URL(env.appUrl).host }
}

export type InvoiceLine = {
  id: string
  title: string
  colorName: string
  sizeLabel: string
  sku: string
  quantity: number
  regularPrice: number
  unitPrice: number
  /** quantity × unitPrice, before promo codes. */
  lineTotal: number
  /** What each promo code took off this line. */
  discounts: Array<{ code: string; amount: number }>
  /** lineTotal less its promo codes: what this line costs. */
  net: number
}

export type Invoice = {
  store: StoreDetails
  number: string
  status: OrderState
  placedAt: Date
  cancelledAt: Date | null
  email: string
  address: AddressInput
  currency: string
  paymentMethod: string
  paymentStatus: PaymentState
  /** One group per shop (parcel), as the order page shows them. */
  shops: Array<{
    name: string
    slug: string
    status: ShipmentState
    lines: InvoiceLine[]
    /** The sum of its lines' net amounts. */
    subtotal: number
  }>
  /** Computed from the lines; equal to the order's own figures (the tests hold that). */
  totals: {
    /** The lines at their regular prices. */
    itemsRegular: number
    /** What sale prices took off. */
    saleDiscount: number
    /** The lines at the prices paid, before promo codes. */
    itemsTotal: number
    /** Per promo code, what it took off the items. */
    promoCodes: Array<{ code: string; amount: number }>
    promoDiscount: number
    shippingMethod: string
    /** The delivery charged. */
    shippingCost: number
    /** What a free-delivery code took off the delivery. */
    shippingDiscount: number
    total: number
  }
}

const documentLineSelect = {
  id: true,
  title: true,
  colorName: true,
  sizeLabel: true,
  sku: true,
  quantity: true,
  regularPrice: true,
  unitPrice: true,
  lineTotal: true,
  discounts: { select: { code: true, amount: true }, orderBy: { code: 'asc' } },
} as const

/** The invoice of an order the viewer may open (see OrderViewer), or null. */
export async function getInvoice(viewer: OrderViewer, number: string): Promise<Invoice | null> {
  const { where, shipments } = viewerOrderQuery(viewer, number, documentLineSelect)
  const order = await prisma.order.findFirst({ where, include: { shipments } })
  if (!order || !viewerOwns(viewer, order)) return null

  const byCode = new Map<string, number>()
  let itemsRegular = 0
  let itemsTotal = 0
  const shops = order.shipments.map((shipment) => {
    const lines = shipment.lines.map((line): InvoiceLine => {
      itemsRegular += line.regularPrice * line.quantity
      itemsTotal += line.lineTotal
      for (const discount of line.discounts)
        byCode.set(discount.code, (byCode.get(discount.code) ?? 0) + discount.amount)
      const off = line.discounts.reduce((sum, discount) => sum + discount.amount, 0)
      return { ...line, net: line.lineTotal - off }
    })
    return {
      name: shipment.shop.name,
      slug: shipment.shop.slug,
      status: shipment.status,
      lines,
      subtotal: lines.reduce((sum, line) => sum + line.net, 0),
    }
  })
  const promoCodes = [...byCode].map(([code, amount]) => ({ code, amount }))
  const promoDiscount = promoCodes.reduce((sum, code) => sum + code.amount, 0)
  return {
    store: storeDetails(),
    number: order.number,
    status: order.status,
    placedAt: order.placedAt,
    cancelledAt: order.cancelledAt,
    email: order.email,
    address: parseAddressSnapshot(order.shippingAddress),
    currency: order.currency,
    paymentMethod: order.paymentMethod,
    paymentStatus: order.paymentStatus,
    shops,
    totals: {
      itemsRegular,
      saleDiscount: itemsRegular - itemsTotal,
      itemsTotal,
      promoCodes,
      promoDiscount,
      shippingMethod: order.shippingMethod,
      shippingCost: order.shippingCost,
      shippingDiscount: order.shippingDiscount,
      total: itemsTotal - promoDiscount + order.shippingCost,
    },
  }
}

export type PackingSlip = {
  store: StoreDetails
  shop: { name: string; slug: string }
  number: string
  placedAt: Date
  status: ShipmentState
  shippingMethod: string
  carrier: string | null
  trackingNumber: string | null
  address: AddressInput
  lines: Array<{
    id: string
    title: string
    colorName: string
    sizeLabel: string
    sku: string
    quantity: number
  }>
  units: number
}

/** The packing slip of the user's shop's parcel in the order: its lines only; or null. */
export async function getPackingSlip(userId: string, number: string): Promise<PackingSlip | null> {
  const shipment = await prisma.shipment.findFirst({
    where: { shop: { ownerId: userId }, order: { number } },
    select: {
      status: true,
      carrier: true,
      trackingNumber: true,
      shop: { select: { name: true, slug: true } },
      order: {
        select: { number: true, placedAt: true, shippingMethod: true, shippingAddress: true },
      },
      lines: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          title: true,
          colorName: true,
          sizeLabel: true,
          sku: true,
          quantity: true,
        },
      },
    },
  })
  if (!shipment) return null
  return {
    store: storeDetails(),
    shop: shipment.shop,
    number: shipment.order.number,
    placedAt: shipment.order.placedAt,
    status: shipment.status,
    shippingMethod: shipment.order.shippingMethod,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    address: parseAddressSnapshot(shipment.order.shippingAddress),
    lines: shipment.lines,
    units: shipment.lines.reduce((sum, line) => sum + line.quantity, 0),
  }
}

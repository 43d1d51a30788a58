import { prisma, type Prisma, type Tx } from '~/infra/db.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { recordLedgerEvent } from '~/services/events/ledger-events.server.ts'
import { trackingUrl } from './carriers.ts'
import { wantsEmail, withUnsubscribe } from '~/services/notifications/emails.server.ts'
import { notify } from '~/services/notifications/notify.server.ts'
import { inviteReviews } from '~/services/reviews/invitations.server.ts'
import {
  orderEmailLocale,
  renderShipmentDelivered,
  renderShipmentShipped,
  type RenderedEmail,
} from './emails.server.ts'
import { orderPathFor } from './order-access.server.ts'
import { customerNameOf, parseAddressSnapshot } from './orders.server.ts'
import { settlesOnDelivery } from './payments/index.server.ts'
import type { ShipmentFilter } from './schemas.ts'
import { deriveOrderStatus, type ShipmentState } from './status.ts'

// Sellers fulfil their part of orders: each order has one shipment per shop, and a seller sees
// and changes only the shipments of the shop they own (the owner's id is in every where clause;
// anything else is "not found" and changes nothing). An order's status follows from its
// shipments and is recomputed in the same transaction, under the order's row lock, so two
// sellers shipping parts of one order at the same moment still leave it right.

export const SHIPMENTS_PER_PAGE = 20

export class ShipmentNotFoundError extends DomainError {
  override name = 'ShipmentNotFoundError'
  constructor() {
    super('not-found', 'not-found', 'Order not found')
  }
}

/** The parcel is not in the state the command needs (already shipped, not yet shipped …). */
export class ShipmentStateError extends DomainError {
  override name = 'ShipmentStateError'
  /** The state it is in, so the page can say why in its own language. */
  readonly messageCode: { code: string }
  constructor(message: string, state: ShipmentState) {
    super('conflict', 'shipment-state', message)
    this.messageCode = { code: `shipment-${state.toLowerCase()}` }
  }
}

const FILTER_STATUS: Record<ShipmentFilter, ShipmentState | undefined> = {
  'to-ship': 'PENDING',
  shipped: 'SHIPPED',
  delivered: 'DELIVERED',
  cancelled: 'CANCELLED',
  all: undefined,
}

/** The shop the user owns, or null. */
export function getOwnShop(userId: string) {
  return prisma.shop.findUnique({
    where: { ownerId: userId },
    select: { id: true, name: true, slug: true, status: true },
  })
}

export async function listShipments(
  userId: string,
  options: { filter?: ShipmentFilter; page?: number } = {},
) {
  const filter = options.filter ?? 'to-ship'
  const page = Math.max(1, Math.floor(options.page ?? 1))
  const where: Prisma.ShipmentWhereInput = {
    shop: { ownerId: userId },
    status: FILTER_STATUS[filter],
  }
  const [total, rows, grouped] = await Promise.all([
    prisma.shipment.count({ where }),
    prisma.shipment.findMany({
      where,
      // Oldest first while waiting to ship (fair), newest first otherwise.
      orderBy: [{ createdAt: filter === 'to-ship' ? 'asc' : 'desc' }, { id: 'asc' }],
      skip: (page - 1) * SHIPMENTS_PER_PAGE,
      take: SHIPMENTS_PER_PAGE,
      select: {
        id: true,
        status: true,
        itemsTotal: true,
        createdAt: true,
        shippedAt: true,
        deliveredAt: true,
        trackingNumber: true,
        order: {
          select: { number: true, currency: true, shippingMethod: true, shippingAddress: true },
        },
        lines: { select: { quantity: true } },
      },
    }),
    prisma.shipment.groupBy({
      by: ['status'],
      where: { shop: { ownerId: userId } },
      _count: { _all: true },
    }),
  ])
  const counts = Object.fromEntries(
    grouped.map((group) => [group.status, group._count._all]),
  ) as Partial<Record<ShipmentState, number>>
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(total / SHIPMENTS_PER_PAGE)),
    counts: {
      'to-ship': counts.PENDING ?? 0,
      shipped: counts.SHIPPED ?? 0,
      delivered: counts.DELIVERED ?? 0,
      cancelled: counts.CANCELLED ?? 0,
    },
    shipments: rows.map(({ order, lines, ...shipment }) => {
      const address = parseAddressSnapshot(order.shippingAddress)
      return {
        ...shipment,
        number: order.number,
        currency: order.currency,
        shippingMethod: order.shippingMethod,
        recipient: address.fullName,
        destination: `${address.city}, ${address.country}`,
        units: lines.reduce((sum, line) => sum + line.quantity, 0),
      }
    }),
  }
}

/** The user's shop's part of an order, by order number, or null. Other shops' lines are not included. */
export async function getShipment(userId: string, number: string) {
  const shipment = await prisma.shipment.findFirst({
    where: { shop: { ownerId: userId }, order: { number } },
    include: {
      order: {
        select: {
          number: true,
          placedAt: true,
          currency: true,
          shippingMethod: true,
          shippingAddress: true,
          status: true,
          paymentMethod: true,
          paymentStatus: true,
        },
      },
      lines: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          title: true,
          productSlug: true,
          colorName: true,
          sizeLabel: true,
          sku: true,
          quantity: true,
          unitPrice: true,
          lineTotal: true,
          discounts: { select: { code: true, amount: true }, orderBy: { code: 'asc' } },
        },
      },
    },
  })
  if (!shipment) return null
  const { order, ...rest } = shipment
  return {
    ...rest,
    trackingUrl: trackingUrl(shipment.carrier, shipment.trackingNumber),
    number: order.number,
    placedAt: order.placedAt,
    currency: order.currency,
    shippingMethod: order.shippingMethod,
    orderStatus: order.status,
    paymentMethod: order.paymentMethod,
    paymentStatus: order.paymentStatus,
    address: parseAddressSnapshot(order.shippingAddress),
  }
}

/** Locks the order that holds the user's shop's shipment and returns both ids, or throws not found. */
async function lockOwnShipment(tx: Tx, userId: string, number: string) {
  const [row] = await tx.$queryRaw<Array<{ orderId: string; shipmentId: string }>>`
    SELECT o."id" AS "orderId", s."id" AS "shipmentId"
    FROM "Order" o
    JOIN "Shipment" s ON s."orderId" = o."id"
    JOIN "Shop" sh ON sh."id" = s."shopId"
    WHERE o."number" = ${number} AND sh."ownerId" = ${userId}
    FOR UPDATE OF o`
  if (!row) throw new ShipmentNotFoundError()
  return row
}

/** Recomputes the order's status from its shipments (the caller holds the order's lock). */
async function refreshOrderStatus(tx: Tx, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      paymentMethod: true,
      paymentStatus: true,
      shipments: { select: { status: true } },
    },
  })
  const status = deriveOrderStatus(order.shipments)
  const paid =
    status === 'DELIVERED' &&
    order.paymentStatus === 'PENDING' &&
    settlesOnDelivery(order.paymentMethod)
  if (status !== order.status || paid) {
    await tx.order.update({
      where: { id: orderId },
      data: { status, ...(paid ? { paymentStatus: 'PAID' } : {}) },
    })
  }
  return status
}

/**
 * Marks the user's shop's shipment of the order shipped, with its carrier and tracking number,
 * and emails the shopper. Only a shipment waiting to ship can be shipped.
 */
export async function markShipped(
  userId: string,
  number: string,
  input: { carrier: string; trackingNumber: string },
  now: Date = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const { orderId, shipmentId } = await lockOwnShipment(tx, userId, number)
    const { count } = await tx.shipment.updateMany({
      where: { id: shipmentId, status: 'PENDING' },
      data: {
        status: 'SHIPPED',
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        shippedAt: now,
      },
    })
    if (!count) throw await stateError(tx, shipmentId)
    const status = await refreshOrderStatus(tx, orderId)

    const shipment = await shipmentForEmail(tx, shipmentId)
    const email = renderShipmentShipped(shipment.locale, {
      ...shipment.facts,
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      shippedAt: now,
    })
    await tellShopper(tx, shipment, 'ORDER_SHIPPED', `shipment:${shipmentId}:shipped`, email)
    return { orderStatus: status }
  })
}

/**
 * Marks the user's shop's shipped shipment delivered and tells the shopper; a pay-on-delivery
 * order is paid once all of it is.
 */
export async function markDelivered(userId: string, number: string, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const { orderId, shipmentId } = await lockOwnShipment(tx, userId, number)
    const { count } = await tx.shipment.updateMany({
      where: { id: shipmentId, status: 'SHIPPED' },
      data: { status: 'DELIVERED', deliveredAt: now },
    })
    if (!count) throw await stateError(tx, shipmentId)
    const status = await refreshOrderStatus(tx, orderId)
    const shipment = await shipmentForEmail(tx, shipmentId)
    const email = renderShipmentDelivered(shipment.locale, { ...shipment.facts, deliveredAt: now })
    await tellShopper(tx, shipment, 'ORDER_DELIVERED', `shipment:${shipmentId}:delivered`, email)
    await inviteReviews(tx, shipmentId)
    // The shop's books: this parcel's sales go to its pending balance (finance, after the commit).
    await recordLedgerEvent(tx, { kind: 'shipment-delivered', shipmentId })
    return { orderStatus: status }
  })
}

/** What the shopper's emails about a shipment say, and in which language they go to whom. */
async function shipmentForEmail(tx: Tx, shipmentId: string) {
  const shipment = await tx.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    include: {
      shop: { select: { name: true } },
      order: {
        select: {
          id: true,
          number: true,
          userId: true,
          email: true,
          locale: true,
          currency: true,
          shippingAddress: true,
          user: { select: { name: true, locale: true } },
        },
      },
      // What each code took off each line, shown under it as in the order-placed email.
      lines: {
        orderBy: { id: 'asc' },
        include: {
          discounts: { select: { code: true, amount: true }, orderBy: { code: 'asc' } },
        },
      },
    },
  })
  return {
    to: shipment.order.email,
    userId: shipment.order.userId,
    locale: orderEmailLocale(shipment.order),
    facts: {
      number: shipment.order.number,
      path: orderPathFor(shipment.order),
      customerName: customerNameOf(shipment.order),
      currency: shipment.order.currency,
      shopName: shipment.shop.name,
      lines: shipment.lines,
    },
  }
}

/**
 * The shopper's email about their parcel (a guest's always; an account's unless they turned the
 * kind off, with its unsubscribe) and, for an account, the notification.
 */
async function tellShopper(
  tx: Tx,
  shipment: Awaited<ReturnType<typeof shipmentForEmail>>,
  kind: 'ORDER_SHIPPED' | 'ORDER_DELIVERED',
  mailKey: string,
  email: RenderedEmail,
) {
  const { userId, locale, to, facts } = shipment
  if (!userId) return enqueueMail(tx, mailKey, { to, ...email })
  if (await wantsEmail(tx, userId, kind))
    await enqueueMail(tx, mailKey, { to, ...withUnsubscribe(email, locale, userId, kind) })
  await notify(tx, {
    userId,
    kind,
    data: { orderNumber: facts.number, shopName: facts.shopName },
  })
}

async function stateError(tx: Tx, shipmentId: string) {
  const { status } = await tx.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    select: { status: true },
  })
  const message = {
    PENDING: 'This parcel has not been shipped yet.',
    SHIPPED: 'This parcel is already marked shipped.',
    DELIVERED: 'This parcel is already delivered.',
    CANCELLED: 'The shopper cancelled this order, so there is nothing to ship.',
  }[status]
  return new ShipmentStateError(message, status)
}

import { z } from 'zod'
import { prisma, type Prisma } from '~/infra/db.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { trackingUrl } from './carriers.ts'
import { orderEmailLocale, renderOrderCancelled } from './emails.server.ts'
import { isOrderAccessToken, orderPathFor } from './order-access.server.ts'
import { findPaymentProvider } from './payments/index.server.ts'
import type { AddressInput } from './schemas.ts'
import type { OrderState, PaymentState, ShipmentState } from './status.ts'
import { lockStock, returnStock, type StockChange } from './stock.server.ts'
import { releasePromoUses } from '~/services/promos/promos.server.ts'

// A shopper's own orders: the list, one order, and cancelling it. Every query carries the
// user's id in its where clause, so another shopper's order number finds nothing (a 404). A guest
// order (no account) is opened by its signed link instead (order-access.server.ts): the token
// opens that order only; and once an account verifies the order's email, it adopts the order.

export const ORDERS_PER_PAGE = 10
/** Job: give the money of a cancelled, paid order back (app/services/orders/payments/refunds.server.ts). */
export const PAYMENT_REFUND_TASK = 'payment.refund'

/** How many orders the user has placed (cancelled ones included), for their admin page. */
export function countOrders(userId: string) {
  return prisma.order.count({ where: { userId } })
}

export type OrderSummary = {
  number: string
  placedAt: Date
  status: OrderState
  total: number
  currency: string
  itemCount: number
  titles: string[]
}

export async function listOrders(userId: string, options: { page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1))
  const [total, rows] = await Promise.all([
    prisma.order.count({ where: { userId } }),
    prisma.order.findMany({
      where: { userId },
      orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * ORDERS_PER_PAGE,
      take: ORDERS_PER_PAGE,
      select: {
        number: true,
        placedAt: true,
        status: true,
        total: true,
        currency: true,
        lines: { select: { title: true, quantity: true }, orderBy: { id: 'asc' } },
      },
    }),
  ])
  const orders: OrderSummary[] = rows.map(({ lines, ...order }) => ({
    ...order,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    titles: [...new Set(lines.map((line) => line.title))],
  }))
  return { orders, page, pages: Math.max(1, Math.ceil(total / ORDERS_PER_PAGE)), total }
}

const lineSelect = {
  id: true,
  title: true,
  productSlug: true,
  colorName: true,
  sizeLabel: true,
  sku: true,
  quantity: true,
  regularPrice: true,
  unitPrice: true,
  lineTotal: true,
  productId: true,
  variant: { select: { color: { select: { id: true, hex: true } } } },
  /** What each promo code took off the line (lineTotal is before them). */
  discounts: { select: { code: true, amount: true }, orderBy: { code: 'asc' } },
} satisfies Prisma.OrderLineSelect

export type OrderLineView = Omit<
  Prisma.OrderLineGetPayload<{ select: typeof lineSelect }>,
  'variant'
> & {
  /** The colour (and its swatch) while the variant still exists. */
  colorId: string | null
  colorHex: string | null
}

export type ShipmentView = {
  id: string
  shopName: string
  shopSlug: string
  status: ShipmentState
  itemsTotal: number
  carrier: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  shippedAt: Date | null
  deliveredAt: Date | null
  lines: OrderLineView[]
}

export type OrderDetail = {
  id: string
  number: string
  status: OrderState
  placedAt: Date
  cancelledAt: Date | null
  email: string
  address: AddressInput
  shippingMethod: string
  shippingCost: number
  currency: string
  itemsRegular: number
  itemsTotal: number
  /** What promo codes took off the items, and off the delivery (free-delivery codes). */
  promoDiscount: number
  shippingDiscount: number
  /** The codes the order used, as typed. */
  promoCodes: string[]
  total: number
  paymentMethod: string
  paymentLabel: string
  paymentStatus: PaymentState
  /** An online payment still awaited: until when the order holds its stock. */
  paymentHeldUntil: Date | null
  shipments: ShipmentView[]
  canCancel: boolean
}

// Addresses in orders are JSON copies. They are read back leniently (every field a string), so
// tightening the address form's rules later never breaks old orders.
const AddressSnapshotSchema = z.object({
  fullName: z.string(),
  line1: z.string(),
  line2: z.string().default(''),
  city: z.string(),
  region: z.string().default(''),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().default(''),
}) satisfies z.ZodType<AddressInput>

export function parseAddressSnapshot(value: Prisma.JsonValue): AddressInput {
  return AddressSnapshotSchema.parse(value)
}

/** Whom an order's emails greet: the account's name, or for a guest the name on the address. */
export function customerNameOf(order: {
  user: { name: string } | null
  shippingAddress: Prisma.JsonValue
}) {
  return order.user?.name ?? parseAddressSnapshot(order.shippingAddress).fullName
}

/**
 * Who is looking at an order: a signed-in user (their own orders only), or anyone holding the
 * order's access token (that one order only, from the link in its emails).
 */
export type OrderViewer = { userId: string } | { accessToken: string }

/** Whether the viewer may open this order (its buyer, or the holder of its signed link). */
export function viewerOwns(viewer: OrderViewer, order: { id: string; userId: string | null }) {
  return 'userId' in viewer
    ? order.userId === viewer.userId
    : isOrderAccessToken(order.id, viewer.accessToken)
}

/**
 * The query of an order page or document the viewer opens: the order by its number (the
 * viewer's own, when signed in; viewerOwns decides for a signed link), its parcels oldest first,
 * each with its shop and the given columns of its lines.
 */
export function viewerOrderQuery<Lines extends Prisma.OrderLineSelect>(
  viewer: OrderViewer,
  number: string,
  lines: Lines,
) {
  return {
    where: { number, ...('userId' in viewer ? { userId: viewer.userId } : {}) },
    shipments: {
      orderBy: { createdAt: 'asc' as const },
      include: {
        shop: { select: { name: true, slug: true } },
        lines: { select: lines, orderBy: { id: 'asc' as const } },
      },
    },
  }
}

/** One of the user's own orders by its number, or null (unknown, or someone else's). */
export async function getOrder(
  viewer: string | OrderViewer,
  number: string,
): Promise<OrderDetail | null> {
  const who = typeof viewer === 'string' ? { userId: viewer } : viewer
  const { where, shipments } = viewerOrderQuery(who, number, lineSelect)
  const order = await prisma.order.findFirst({
    where,
    include: {
      shipments,
      promoRedemptions: {
        select: { promoCode: { select: { code: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
  if (!order || !viewerOwns(who, order)) return null
  const lineCodes = order.shipments.flatMap((shipment) =>
    shipment.lines.flatMap((line) => line.discounts.map((discount) => discount.code)),
  )
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    placedAt: order.placedAt,
    cancelledAt: order.cancelledAt,
    email: order.email,
    address: parseAddressSnapshot(order.shippingAddress),
    shippingMethod: order.shippingMethod,
    shippingCost: order.shippingCost,
    currency: order.currency,
    itemsRegular: order.itemsRegular,
    itemsTotal: order.itemsTotal,
    promoDiscount: order.promoDiscount,
    shippingDiscount: order.shippingDiscount,
    // A free-delivery code took nothing off lines: its code is known from the redemption.
    promoCodes: [
      ...new Set([
        ...lineCodes,
        ...order.promoRedemptions.map((redemption) => redemption.promoCode.code),
      ]),
    ],
    total: order.total,
    paymentMethod: order.paymentMethod,
    paymentLabel: findPaymentProvider(order.paymentMethod)?.label ?? order.paymentMethod,
    paymentStatus: order.paymentStatus,
    paymentHeldUntil:
      order.paymentStatus === 'PENDING' && order.status !== 'CANCELLED'
        ? order.paymentHeldUntil
        : null,
    shipments: order.shipments.map((shipment) => ({
      id: shipment.id,
      shopName: shipment.shop.name,
      shopSlug: shipment.shop.slug,
      status: shipment.status,
      itemsTotal: shipment.itemsTotal,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: trackingUrl(shipment.carrier, shipment.trackingNumber),
      shippedAt: shipment.shippedAt,
      deliveredAt: shipment.deliveredAt,
      lines: shipment.lines.map(({ variant, ...line }) => ({
        ...line,
        colorId: variant?.color.id ?? null,
        colorHex: variant?.color.hex ?? null,
      })),
    })),
    canCancel:
      order.status !== 'CANCELLED' &&
      order.shipments.every((shipment) => shipment.status === 'PENDING'),
  }
}

export class OrderNotFoundError extends DomainError {
  override name = 'OrderNotFoundError'
  constructor() {
    super('not-found', 'not-found', 'Order not found')
  }
}

export class CannotCancelError extends DomainError {
  override name = 'CannotCancelError'
  constructor() {
    super(
      'conflict',
      'cannot-cancel',
      'Part of this order has already shipped, so it can no longer be cancelled. You can return items once they arrive.',
    )
  }
}

/**
 * Cancels one of the user's own orders while nothing has shipped: in one transaction the stock
 * goes back, the sales counts come down, every shipment and the order are cancelled, and the
 * job queue gets the search index update, the email and (when money was taken) the refund.
 * Cancelling a cancelled order changes nothing. Throws OrderNotFoundError or CannotCancelError.
 */
export async function cancelOrder(
  viewer: string | OrderViewer,
  number: string,
  now: Date = new Date(),
) {
  const who = typeof viewer === 'string' ? { userId: viewer } : viewer
  await prisma.$transaction(
    async (tx) => {
      // The order's lock serializes this with sellers marking its shipments shipped.
      const [locked] = await tx.$queryRaw<Array<{ id: string; userId: string | null }>>`
        SELECT "id", "userId" FROM "Order" WHERE "number" = ${number} FOR UPDATE`
      if (!locked || !viewerOwns(who, locked)) throw new OrderNotFoundError()
      const order = await tx.order.findUniqueOrThrow({
        where: { id: locked.id },
        include: {
          user: { select: { name: true, locale: true } },
          shipments: { select: { status: true } },
          lines: { select: { productId: true, variantId: true, quantity: true } },
        },
      })
      if (order.status === 'CANCELLED') return
      if (order.shipments.some((shipment) => shipment.status !== 'PENDING'))
        throw new CannotCancelError()

      // Lines whose variant the catalog has since deleted have no stock to return.
      const changes: StockChange[] = order.lines
        .filter(
          (line): line is typeof line & { productId: string; variantId: string } =>
            line.productId !== null && line.variantId !== null,
        )
        .map((line) => ({
          productId: line.productId,
          variantId: line.variantId,
          quantity: line.quantity,
        }))
      if (changes.length) {
        await lockStock(tx, changes)
        await returnStock(tx, changes, now)
        await recordProductChanges(
          tx,
          changes.map((change) => change.productId),
        )
      }

      // The codes it used are free again (a paid order is refunded in full, codes and all).
      await releasePromoUses(tx, order.id, now)
      const refund = order.paymentStatus === 'PAID'
      await tx.shipment.updateMany({
        where: { orderId: order.id },
        data: { status: 'CANCELLED', cancelledAt: now },
      })
      await tx.order.update({
        where: { id: order.id },
        data: {
          status: 'CANCELLED',
          cancelledAt: now,
          paymentStatus: refund ? 'REFUND_PENDING' : 'VOIDED',
        },
      })
      if (refund)
        await enqueueJobs(tx, { task: PAYMENT_REFUND_TASK, payload: { orderId: order.id } })
      const email = renderOrderCancelled(orderEmailLocale(order), {
        number: order.number,
        path: orderPathFor(order),
        customerName: customerNameOf(order),
        currency: order.currency,
        total: order.total,
        cancelledAt: now,
        refund,
      })
      await enqueueMail(tx, `order:${order.id}:cancelled`, { to: order.email, ...email })
    },
    { maxWait: 15_000, timeout: 20_000 },
  )
}

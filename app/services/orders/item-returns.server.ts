// Over 400 lines on purpose: a return's whole life (ask, decide, receive, refund) under one lock order.
import { getT } from '~/i18n/i18n.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { prisma, type Prisma, type Tx } from '~/infra/db.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import {
  emailButton,
  emailDocument,
  emailFormatter,
  emailLink,
  storeName,
} from '~/services/mail/layout.server.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import type { NotificationData } from '~/services/notifications/kinds.ts'
import { notify } from '~/services/notifications/notify.server.ts'
import { notificationText } from '~/services/notifications/text.ts'
import { recordLedgerEvent } from '~/services/events/ledger-events.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { html } from '~/utils/html.ts'
import { orderEmailLocale } from './emails.server.ts'
import { guestOrderPath } from './order-access.server.ts'
import { OrderNotFoundError, viewerOwns, type OrderViewer } from './orders.server.ts'
import { findPaymentProvider } from './payments/index.server.ts'
import { refundAmountFor } from './refund-amounts.ts'
import type { ReturnDecision, ReturnRequestInput } from './return-schemas.ts'
import { lockStock, returnStock } from './stock.server.ts'

// Returns of delivered items (docs/domains/orders.md, "Returns and refunds"). A shopper asks to
// return some units of a line within RETURN_WINDOW_DAYS of its parcel's delivery; the line's
// seller approves or refuses; when the items arrive the seller marks them received, which in one
// transaction records the Refund (its amount fixed then), puts resellable units back in stock and
// either queues the provider's refund (`payment.return-refund`, exactly once per Refund) or, for
// pay on delivery, records a manual refund the shop pays back by hand. Every command locks the
// order's row first, as cancelling and shipping do, so quantities and refunds cannot race.

/** Job: give a return's money back through the order's provider (payments/return-refunds.server.ts). */
export const RETURN_REFUND_TASK = 'payment.return-refund'

export class ReturnRefusedError extends DomainError {
  override name = 'ReturnRefusedError'
  /** The code and values pages translate the message by (`errors.<code>` in their namespace). */
  readonly messageCode: { code: string; values?: Record<string, number> }
  constructor(
    kind: 'invalid' | 'conflict',
    code: string,
    message: string,
    options: { field?: string; values?: Record<string, number> } = {},
  ) {
    super(kind, code, message, options.field ? { field: options.field } : {})
    this.messageCode = { code, values: options.values }
  }
}

export class ReturnNotFoundError extends DomainError {
  override name = 'ReturnNotFoundError'
  constructor() {
    super('not-found', 'not-found', 'Return not found')
  }
}

/** The last moment the items of a parcel delivered at `deliveredAt` can be returned. */
export function returnWindowEnd(deliveredAt: Date) {
  return new Date(deliveredAt.getTime() + getEnv().RETURN_WINDOW_DAYS * 24 * 60 * 60 * 1000)
}

/** Units of a line still open to a return: bought, less those in returns not refused. */
function unitsLeft(line: {
  quantity: number
  returns: Array<{ quantity: number; status: string }>
}) {
  return (
    line.quantity -
    line.returns
      .filter((request) => request.status !== 'REFUSED')
      .reduce((sum, request) => sum + request.quantity, 0)
  )
}

const returnView = {
  id: true,
  orderLineId: true,
  quantity: true,
  reason: true,
  note: true,
  status: true,
  refusalReason: true,
  resellable: true,
  requestedAt: true,
  decidedAt: true,
  receivedAt: true,
  orderLine: { select: { title: true, colorName: true, sizeLabel: true, sku: true } },
  refund: { select: { amount: true, status: true, completedAt: true } },
} satisfies Prisma.ReturnRequestSelect

export type ReturnView = Prisma.ReturnRequestGetPayload<{ select: typeof returnView }>

/**
 * An order's returns and, per line, how many units can still be returned and until when (lines
 * not delivered, or past the window, are left out). Pass an order `getOrder` gave the viewer.
 */
export async function getOrderReturns(order: { id: string }, now: Date = new Date()) {
  const [requests, lines] = await Promise.all([
    prisma.returnRequest.findMany({
      where: { orderId: order.id },
      orderBy: { requestedAt: 'asc' },
      select: returnView,
    }),
    prisma.orderLine.findMany({
      where: { orderId: order.id, shipment: { status: 'DELIVERED' } },
      select: {
        id: true,
        quantity: true,
        shipment: { select: { deliveredAt: true } },
        returns: { select: { quantity: true, status: true } },
      },
    }),
  ])
  const returnable: Record<string, { units: number; until: Date }> = {}
  for (const line of lines) {
    const deliveredAt = line.shipment.deliveredAt
    if (!deliveredAt) continue
    const until = returnWindowEnd(deliveredAt)
    const units = unitsLeft(line)
    if (units > 0 && now <= until) returnable[line.id] = { units, until }
  }
  return { requests, returnable }
}

type ShopperOrder = {
  id: string
  number: string
  userId: string | null
  locale: string
  user: { locale: string | null } | null
}

/** Tells the shopper: a notification (and its email, if wanted) for an account, an email for a guest. */
async function tellShopper<K extends 'RETURN_APPROVED' | 'RETURN_REFUSED' | 'RETURN_REFUNDED'>(
  tx: Tx,
  order: ShopperOrder & { email: string; currency: string },
  kind: K,
  data: NotificationData<K>,
  mailKey: string,
) {
  if (order.userId) {
    await notify(tx, { userId: order.userId, kind, data })
    return
  }
  const locale = orderEmailLocale(order)
  const t = getT(locale, 'notifications')
  const text = notificationText(t, emailFormatter(locale, order.currency), kind, data)
  const link = emailLink(locale, guestOrderPath(order.number, order.id))
  await enqueueMail(tx, mailKey, {
    to: order.email,
    subject: text.length > 200 ? `${text.slice(0, 197)}…` : text,
    text: [text, '', link].join('\n'),
    html: emailDocument(locale, {
      title: text,
      body: html`<p style="font-size:16px">${text}</p>
${emailButton(link, t('email.open'))}`,
      footer: getT(locale, 'email')('order.footer', { store: storeName(locale) }),
    }),
  })
}

/**
 * The shopper asks to return `quantity` units of one of their order's lines. Refused (nothing
 * written) when the line's parcel is not delivered, the window has closed, or more units are
 * asked for than were bought and not already in a return.
 */
export async function requestReturn(
  viewer: OrderViewer,
  number: string,
  input: ReturnRequestInput,
  now: Date = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string; userId: string | null }>>`
      SELECT "id", "userId" FROM "Order" WHERE "number" = ${number} FOR UPDATE`
    if (!locked || !viewerOwns(viewer, locked)) throw new OrderNotFoundError()
    const line = await tx.orderLine.findFirst({
      where: { id: input.lineId, orderId: locked.id },
      select: {
        id: true,
        title: true,
        shopId: true,
        quantity: true,
        shop: { select: { ownerId: true } },
        shipment: { select: { status: true, deliveredAt: true } },
        returns: { select: { quantity: true, status: true } },
        order: { select: { number: true } },
      },
    })
    if (!line)
      throw new ReturnRefusedError('invalid', 'return-no-line', 'Choose an item of this order.', {
        field: 'lineId',
      })
    const deliveredAt = line.shipment.deliveredAt
    if (line.shipment.status !== 'DELIVERED' || !deliveredAt)
      throw new ReturnRefusedError(
        'conflict',
        'return-not-delivered',
        'Items can be returned once they are delivered.',
        { field: 'lineId' },
      )
    if (now > returnWindowEnd(deliveredAt))
      throw new ReturnRefusedError(
        'conflict',
        'return-window-closed',
        `Returns are accepted for ${getEnv().RETURN_WINDOW_DAYS} days after delivery; this item's time is over.`,
        { field: 'lineId', values: { days: getEnv().RETURN_WINDOW_DAYS } },
      )
    const left = unitsLeft(line)
    if (input.quantity > left)
      throw new ReturnRefusedError(
        'invalid',
        left > 0 ? 'return-too-many' : 'return-none-left',
        left > 0
          ? `You can return at most ${left} of this item.`
          : 'Every unit of this item is already in a return.',
        { field: 'quantity', values: { max: left } },
      )
    const created = await tx.returnRequest.create({
      data: {
        orderId: locked.id,
        orderLineId: line.id,
        shopId: line.shopId,
        quantity: input.quantity,
        reason: input.reason,
        note: input.note,
        requestedAt: now,
      },
      select: { id: true },
    })
    await notify(tx, {
      userId: line.shop.ownerId,
      kind: 'RETURN_REQUESTED',
      data: { orderNumber: line.order.number, itemTitle: line.title, quantity: input.quantity },
    })
    return created
  })
}

/**
 * Locks the order of a return of the seller's own shop (on order `number`) and returns the
 * return, or throws not found: another shop's return is not the seller's to see or touch.
 */
async function lockOwnReturn(tx: Tx, sellerId: string, number: string, returnId: string) {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT r."id" FROM "ReturnRequest" r
    JOIN "Order" o ON o."id" = r."orderId"
    JOIN "Shop" s ON s."id" = r."shopId"
    WHERE r."id" = ${returnId} AND o."number" = ${number} AND s."ownerId" = ${sellerId}
    FOR UPDATE OF o`
  if (!row) throw new ReturnNotFoundError()
  return tx.returnRequest.findUniqueOrThrow({
    where: { id: row.id },
    include: {
      orderLine: true,
      order: {
        select: {
          id: true,
          number: true,
          userId: true,
          email: true,
          locale: true,
          currency: true,
          paymentMethod: true,
          paymentStatus: true,
          paymentReference: true,
          user: { select: { locale: true } },
        },
      },
    },
  })
}

function stateError(status: string) {
  return new ReturnRefusedError(
    'conflict',
    `return-${status.toLowerCase()}`,
    {
      REQUESTED: 'This return waits for your decision.',
      APPROVED: 'This return is already approved.',
      REFUSED: 'This return was refused.',
      RECEIVED: 'This return is already received and refunded.',
    }[status] ?? 'This return cannot change now.',
  )
}

/** The seller approves or refuses (with a reason) a return waiting for their decision. */
export async function decideReturn(
  sellerId: string,
  number: string,
  returnId: string,
  decision: ReturnDecision,
  now: Date = new Date(),
) {
  await prisma.$transaction(async (tx) => {
    const request = await lockOwnReturn(tx, sellerId, number, returnId)
    if (request.status !== 'REQUESTED') throw stateError(request.status)
    const approve = decision.decision === 'approve'
    await tx.returnRequest.update({
      where: { id: request.id },
      data: {
        status: approve ? 'APPROVED' : 'REFUSED',
        refusalReason: approve ? null : decision.reason,
        decidedAt: now,
      },
    })
    const facts = {
      orderNumber: request.order.number,
      itemTitle: request.orderLine.title,
      quantity: request.quantity,
    }
    if (approve)
      await tellShopper(tx, request.order, 'RETURN_APPROVED', facts, `return:${request.id}:decided`)
    else
      await tellShopper(
        tx,
        request.order,
        'RETURN_REFUSED',
        { ...facts, reason: decision.reason },
        `return:${request.id}:decided`,
      )
  })
}

/**
 * The seller got an approved return's items back: records its Refund and, when the items can be
 * sold again, puts them back in stock, all in one transaction. A provider that can refund part of
 * a payment gets a queued job; pay on delivery (and a provider that cannot) is a manual refund.
 */
export async function receiveReturn(
  sellerId: string,
  number: string,
  returnId: string,
  input: { resellable: boolean },
  now: Date = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const request = await lockOwnReturn(tx, sellerId, number, returnId)
    if (request.status !== 'APPROVED') throw stateError(request.status)
    const { order, orderLine: line } = request

    const [discounts, refunded] = await Promise.all([
      tx.orderLineDiscount.aggregate({
        where: { orderLineId: line.id },
        _sum: { amount: true },
      }),
      tx.refundLine.aggregate({ where: { orderLineId: line.id }, _sum: { quantity: true } }),
    ])
    const amount = refundAmountFor(
      { quantity: line.quantity, unitPrice: line.unitPrice, discount: discounts._sum.amount ?? 0 },
      refunded._sum.quantity ?? 0,
      request.quantity,
    )
    const provider = findPaymentProvider(order.paymentMethod)
    const throughProvider = Boolean(
      provider?.settles === 'provider' &&
      provider.refundPart &&
      order.paymentReference &&
      order.paymentStatus === 'PAID' &&
      amount > 0,
    )
    const refund = await tx.refund.create({
      data: {
        orderId: order.id,
        shopId: request.shopId,
        provider: order.paymentMethod,
        amount,
        currency: order.currency,
        status: throughProvider ? 'PENDING' : 'MANUAL',
        completedAt: throughProvider ? null : now,
        createdAt: now,
        lines: { create: { orderLineId: line.id, quantity: request.quantity, amount } },
      },
      select: { id: true, amount: true, status: true },
    })
    await tx.returnRequest.update({
      where: { id: request.id },
      data: {
        status: 'RECEIVED',
        resellable: input.resellable,
        receivedAt: now,
        refundId: refund.id,
      },
    })
    // The shop's books take the refund back from its pending balance (finance, after the commit).
    await recordLedgerEvent(tx, { kind: 'refund-recorded', refundId: refund.id })

    if (input.resellable && line.productId && line.variantId) {
      const changes = [
        { productId: line.productId, variantId: line.variantId, quantity: request.quantity },
      ]
      await lockStock(tx, changes)
      await returnStock(tx, changes, now)
      await recordProductChanges(tx, [line.productId])
    }

    if (throughProvider)
      await enqueueJobs(tx, {
        task: RETURN_REFUND_TASK,
        payload: { refundId: refund.id },
        jobKey: `return-refund:${refund.id}`,
      })
    else
      await tellShopper(
        tx,
        order,
        'RETURN_REFUNDED',
        {
          orderNumber: order.number,
          itemTitle: line.title,
          quantity: request.quantity,
          amount,
          currency: order.currency,
          manual: true,
        },
        `refund:${refund.id}:done`,
      )
    return refund
  })
}

/** Called by the refund job once the provider gave the money back: the shopper is told. */
export async function tellRefunded(tx: Tx, refundId: string) {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: {
      returnRequest: { include: { orderLine: { select: { title: true } } } },
      order: {
        select: {
          id: true,
          number: true,
          userId: true,
          email: true,
          locale: true,
          currency: true,
          user: { select: { locale: true } },
        },
      },
    },
  })
  if (!refund.returnRequest) return
  await tellShopper(
    tx,
    refund.order,
    'RETURN_REFUNDED',
    {
      orderNumber: refund.order.number,
      itemTitle: refund.returnRequest.orderLine.title,
      quantity: refund.returnRequest.quantity,
      amount: refund.amount,
      currency: refund.currency,
      manual: false,
    },
    `refund:${refund.id}:done`,
  )
}

export const RETURNS_PER_PAGE = 20

/** The seller's returns waiting for them (asked, or approved and on their way back), oldest first. */
export async function listShopReturns(sellerId: string, options: { page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1))
  const where: Prisma.ReturnRequestWhereInput = {
    shop: { ownerId: sellerId },
    status: { in: ['REQUESTED', 'APPROVED'] },
  }
  const [total, rows] = await Promise.all([
    prisma.returnRequest.count({ where }),
    prisma.returnRequest.findMany({
      where,
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * RETURNS_PER_PAGE,
      take: RETURNS_PER_PAGE,
      select: { ...returnView, order: { select: { number: true } } },
    }),
  ])
  return {
    page,
    pages: Math.max(1, Math.ceil(total / RETURNS_PER_PAGE)),
    total,
    returns: rows.map(({ order, ...request }) => ({ ...request, number: order.number })),
  }
}

/** The returns of the seller's own shop on one order (other shops' are not included). */
export function listOrderReturnsForShop(sellerId: string, number: string) {
  return prisma.returnRequest.findMany({
    where: { shop: { ownerId: sellerId }, order: { number } },
    orderBy: { requestedAt: 'asc' },
    select: returnView,
  })
}

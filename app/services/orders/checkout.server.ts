// Over 400 lines on purpose: placing an order is one transaction, read top to bottom.
import { randomInt } from 'node:crypto'
import { isTransientTransactionError, prisma, type Tx } from '~/infra/db.server.ts'
import { businessMetrics } from '~/infra/business-metrics.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { isLocale, type Locale } from '~/i18n/locales.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { commissionRatesFor } from '~/services/catalog/commission-rates.server.ts'
import { AddressLimitError, createAddressInTx } from './addresses.server.ts'
import { lockCart, newCheckoutToken } from './cart-owner.server.ts'
import { readCart, type CartLine } from './cart.server.ts'
import { enqueueOrderPlaced } from './order-placed.server.ts'
import { confirmPayment } from './payments/confirm.server.ts'
import { holdEndsAt, holdForPayment } from './payments/holds.server.ts'
import {
  findPaymentProvider,
  isPaymentProviderEnabled,
  type PaymentProvider,
} from './payments/index.server.ts'
import type { AddressInput, CheckoutInput } from './schemas.ts'
import { findShippingMethod, shippingCost, type ShippingMethod } from './shipping.ts'
import {
  lockStock,
  lowStockCrossings,
  notifyLowStock,
  takeStock,
  type StockChange,
} from './stock.server.ts'
import {
  PromoCodeError,
  claimPromoUse,
  customerKeyOf,
  evaluatePromo,
} from '~/services/promos/promos.server.ts'
import { promoTotals } from '~/services/promos/totals.ts'
import {
  CartChangedError,
  CartEmptyError,
  CheckoutError,
  InsufficientStockError,
  TotalChangedError,
  UnavailableItemsError,
} from './checkout-errors.server.ts'

// Over 400 lines on purpose: placing an order is one transaction with its retries, kept in one
// read. The page's data: checkout-page.server.ts; refusals: checkout-errors.server.ts.
//
// Checkout: placing the order. Placing happens in ONE
// transaction (stock, order, lines, shipments, sales counts, the emptied cart, the queued jobs
// for search and email) and is idempotent: the form carries the cart's checkout token as its
// key, an order remembers the key it was placed with (unique per user), and the cart row's lock
// makes concurrent submissions of one cart wait for each other, so the second finds the first
// one's order instead of placing another. A guest (no account) checks out the cart of their cart
// cookie with only an email, under exactly the same rules.

// ---------------------------------------------------------------- placing the order

export type PlacedOrder = {
  id: string
  number: string
  /** False when the key had already placed this order (a double submit, a retry). */
  created: boolean
  /** Where to send the shopper to pay, for providers that take payment on their own page. */
  paymentRedirect: string | null
}

const NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** SP-XXXX-XXXX from an alphabet without look-alikes (0/O, 1/I/L): about 850 billion numbers. */
export function newOrderNumber() {
  const pick = () =>
    Array.from({ length: 4 }, () => NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)]).join('')
  return `SP-${pick()}-${pick()}`
}

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 }
const MAX_ATTEMPTS = 4

/**
 * Worth one more go: a deadlock or serialization failure (which the lock order should prevent),
 * a duplicate order number, or a variant the seller deleted while its line was being written
 * (a foreign key gone; the next attempt reads the cart without it and says what changed).
 */
function isRetryable(error: unknown) {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return code === 'P2002' || code === 'P2003' || isTransientTransactionError(error)
}

/** Who places the order: an account (its cart), or a guest (the cart cookie's cart) with an email. */
export type Buyer = { userId: string } | { guestToken: string; email: string }

export type PlaceOptions = {
  now?: Date
  /** The language of the page the order is placed from: a guest's emails are written in it. */
  locale?: Locale
}

/**
 * Places the user's cart as an order. Throws a CheckoutError (nothing changed) when the cart is
 * empty, changed since the page was shown, holds unavailable items or more than the stock, or
 * when its prices changed; or when an address, shipping or payment choice is not valid.
 */
export function placeOrder(
  userId: string,
  input: CheckoutInput,
  now: Date = new Date(),
  locale?: Locale,
): Promise<PlacedOrder> {
  return placeOrderAs({ userId }, input, { now, ...(locale ? { locale } : {}) })
}

/** Places an account's or a guest's cart as an order, with the same rules for both (see placeOrder). */
export async function placeOrderAs(
  buyer: Buyer,
  input: CheckoutInput,
  options: PlaceOptions = {},
): Promise<PlacedOrder> {
  try {
    return await placeCountedOrder(buyer, input, options)
  } catch (error) {
    if (error instanceof DomainError) businessMetrics.checkoutRefusals.inc({ reason: error.code })
    throw error
  }
}

async function placeCountedOrder(
  buyer: Buyer,
  input: CheckoutInput,
  { now = new Date(), locale = getEnv().STORE_DEFAULT_LOCALE }: PlaceOptions,
): Promise<PlacedOrder> {
  const earlier = await findOrderByKey(buyer, input.idempotencyKey)
  if (earlier) return resume(earlier)

  const currency = getEnv().STORE_CURRENCY
  const method = findShippingMethod(input.shippingMethod)
  if (!method)
    throw new CheckoutError(
      'Choose one of the delivery options.',
      'invalid',
      'shippingMethod',
      'unknown-shipping',
    )
  const provider = findPaymentProvider(input.paymentMethod)
  if (!provider || !isPaymentProviderEnabled(provider))
    throw new CheckoutError(
      'Choose one of the ways to pay.',
      'invalid',
      'paymentMethod',
      'unknown-payment',
    )
  const customer =
    'userId' in buyer
      ? await prisma.user.findUniqueOrThrow({
          where: { id: buyer.userId },
          select: { email: true, name: true, locale: true },
        })
      : null
  let address: AddressInput
  if (input.address.kind === 'saved') {
    const saved =
      'userId' in buyer
        ? await prisma.address.findFirst({ where: { id: input.address.id, userId: buyer.userId } })
        : null
    if (!saved)
      throw new CheckoutError(
        'Choose one of your addresses, or enter a new one.',
        'invalid',
        'addressId',
        'unknown-address',
      )
    address = pickAddress(saved)
  } else {
    address = input.address.fields
  }
  const ctx: PlaceContext = {
    buyer,
    email: customer?.email ?? ('email' in buyer ? buyer.email : ''),
    customerName: customer?.name ?? address.fullName,
    emailLocale: isLocale(customer?.locale) ? customer.locale : locale,
    locale,
    input,
    address,
    method,
    provider,
    currency,
    now,
  }

  for (let attempt = 1; ; attempt++) {
    try {
      const result = await prisma.$transaction(
        (tx) => placeInTransaction(tx, ctx),
        TRANSACTION_OPTIONS,
      )
      if (result.created) countPlacedOrder(result)
      if (result.created) return startPayment(result, provider)
      return resume(result)
    } catch (error) {
      if (error instanceof CheckoutError || attempt >= MAX_ATTEMPTS || !isRetryable(error))
        throw error
      // The same key may have won meanwhile (its order is the answer); otherwise try again.
      const won = await findOrderByKey(buyer, input.idempotencyKey)
      if (won) return resume(won)
      logger.warn(
        { err: error, attempt },
        'Placing an order hit a retryable database error; trying again',
      )
    }
  }
}

function countPlacedOrder(order: { total: number; paymentMethod: string }) {
  const labels = { payment_method: order.paymentMethod }
  businessMetrics.ordersPlaced.inc(labels)
  businessMetrics.orderValue.inc(labels, order.total)
}

type PlaceContext = {
  buyer: Buyer
  /** Where the order's emails go. */
  email: string
  customerName: string
  /** The language of the page it is placed from (stored on the order). */
  locale: Locale
  /** The language of its emails: the account's choice, else the page's. */
  emailLocale: Locale
  input: CheckoutInput
  address: AddressInput
  method: ShippingMethod
  provider: PaymentProvider
  currency: string
  now: Date
}

type OrderRow = {
  id: string
  number: string
  total: number
  currency: string
  email: string
  paymentMethod: string
  paymentStatus: string
  paymentReference: string | null
}

async function placeInTransaction(
  tx: Tx,
  ctx: PlaceContext,
): Promise<OrderRow & { created: boolean }> {
  const { buyer, input, now } = ctx
  const cart = await lockCart(tx, buyer, { create: false })
  // Holding the cart's lock: a concurrent submission of this key has either committed its order
  // (found here) or not started.
  const existing = await tx.order.findFirst({
    where: keyWhere(buyer, input.idempotencyKey),
    select: orderRowSelect,
  })
  if (existing) return { ...existing, created: false }

  const view = cart ? await readCart(tx, { id: cart.id }, now, ctx.locale) : null
  if (!cart || !view?.lines.length) throw new CartEmptyError()
  if (view.checkoutToken !== (input.cartToken ?? input.idempotencyKey)) throw new CartChangedError()
  const unavailable = view.lines.filter((line) => line.problem?.kind === 'unavailable')
  if (unavailable.length)
    throw new UnavailableItemsError(
      unavailable.map(({ variantId, title }) => ({ variantId, title })),
    )
  // A first look at the stock, so a shopper who cannot get the item hears it without queueing for
  // its lock; the look that counts is taken under the lock at the end.
  throwIfShort(view.lines, new Map(view.lines.map((line) => [line.variantId, line.stock])))
  // The cart's promo code must still apply (its use is claimed at the end, under its lock).
  const customerKey = customerKeyOf('userId' in buyer ? buyer : { email: ctx.email })
  const promo = view.promoCode
    ? await evaluatePromo(tx, view.promoCode, view.lines, customerKey, now)
    : null
  if (promo?.refusal) throw new PromoCodeError(promo.refusal.reason, promo.refusal.minOrder)
  // The order is placed only at the total the page showed (the form carries it), whatever
  // changed in between: a price, a discount's start or end, a code, the delivery chosen.
  const shipping = shippingCost(ctx.method, view.itemsTotal, ctx.currency)
  const totals = promoTotals(view.itemsTotal, promo, shipping)
  if (totals.total !== input.expectedTotal)
    throw new TotalChangedError(input.expectedTotal, totals.total, ctx.currency)
  if (!ctx.provider.isAvailable({ total: view.itemsTotal, currency: ctx.currency })) {
    throw new CheckoutError(
      `${ctx.provider.label} is not available for this order. Choose another way to pay.`,
      'invalid',
      'paymentMethod',
      'payment-unavailable',
    )
  }

  if (input.address.kind === 'new' && input.address.save && 'userId' in buyer) {
    try {
      await createAddressInTx(tx, buyer.userId, ctx.address)
    } catch (error) {
      if (error instanceof AddressLimitError)
        throw new CheckoutError(
          `${error.message} Or untick “Save this address”.`,
          'invalid',
          'addressId',
          'address-limit',
        )
      throw error
    }
  }

  const order = await tx.order.create({
    data: {
      number: newOrderNumber(),
      userId: 'userId' in buyer ? buyer.userId : null,
      idempotencyKey: input.idempotencyKey,
      email: ctx.email,
      locale: ctx.locale,
      shippingAddress: ctx.address,
      shippingMethod: ctx.method.id,
      shippingCost: totals.delivery,
      shippingDiscount: totals.shippingDiscount,
      currency: ctx.currency,
      itemsRegular: view.itemsRegular,
      itemsTotal: view.itemsTotal,
      promoDiscount: totals.itemsDiscount,
      total: totals.total,
      paymentMethod: ctx.provider.id,
      // Paid online: the stock is held for the shopper while they pay, then released if unpaid.
      paymentHeldUntil: ctx.provider.settles === 'provider' ? holdEndsAt(now) : null,
      placedAt: now,
    },
    select: orderRowSelect,
  })
  // One shipment per shop, then every line in one statement.
  const shopIds = [...new Set(view.lines.map((line) => line.shopId))]
  const shipments = await tx.shipment.createManyAndReturn({
    data: shopIds.map((shopId) => ({
      orderId: order.id,
      shopId,
      itemsTotal: view.lines
        .filter((line) => line.shopId === shopId)
        .reduce((sum, line) => sum + line.lineTotal, 0),
      createdAt: now,
    })),
    select: { id: true, shopId: true },
  })
  const shipmentOf = new Map(shipments.map((shipment) => [shipment.shopId, shipment.id]))
  // The commission in force now is fixed on each line: later rate changes leave this order be.
  const commissionOf = await commissionRatesFor(tx, view.lines)
  const orderLines = await tx.orderLine.createManyAndReturn({
    data: view.lines.map((line) => ({
      orderId: order.id,
      shipmentId: shipmentOf.get(line.shopId)!,
      shopId: line.shopId,
      variantId: line.variantId,
      productId: line.productId,
      title: line.title,
      productSlug: line.slug,
      colorName: line.colorName,
      sizeLabel: line.sizeLabel,
      sku: line.sku,
      shopName: line.shopName,
      quantity: line.quantity,
      regularPrice: line.regularPrice!,
      unitPrice: line.unitPrice!,
      lineTotal: line.lineTotal,
      commissionBps: commissionOf.get(line.productId) ?? 0,
      createdAt: now,
    })),
    select: { id: true, variantId: true },
  })
  const applied = promo?.applied
  if (applied) {
    const lineOf = new Map(orderLines.map((line) => [line.variantId, line.id]))
    await tx.orderLineDiscount.createMany({
      data: applied.lines.map((share) => ({
        orderLineId: lineOf.get(share.variantId)!,
        promoCodeId: applied.promoCodeId,
        code: promo.code,
        amount: share.amount,
      })),
    })
    await claimPromoUse(tx, {
      promoCodeId: applied.promoCodeId,
      orderId: order.id,
      customerKey,
      amount: totals.itemsDiscount + totals.shippingDiscount,
      now,
    })
  }

  await tx.cartItem.deleteMany({ where: { cartId: cart.id } })
  await tx.cart.update({
    where: { id: cart.id },
    data: { checkoutToken: newCheckoutToken(), promoCode: null },
  })

  const changes: StockChange[] = view.lines.map((line) => ({
    productId: line.productId,
    variantId: line.variantId,
    quantity: line.quantity,
  }))
  await recordProductChanges(
    tx,
    changes.map((change) => change.productId),
  )
  // The confirmation is rendered and sent after the commit, by the job.
  await enqueueOrderPlaced(tx, order.id, ctx.emailLocale)
  if (ctx.provider.settles === 'provider') await holdForPayment(tx, order.id, holdEndsAt(now))

  // The stock, last: its row locks (taken in id order, so never in a cycle) are held only for
  // these statements and the commit, which keeps a best seller's queue short.
  const stock = await lockStock(tx, changes)
  throwIfShort(view.lines, stock)
  // The CHECK on Variant.stock backs this up; takeStock's own condition makes a miss visible.
  if (!(await takeStock(tx, changes, now))) throw new Error('Stock changed under a held lock')
  // Under the locks, so of many orders of one size exactly the one that crosses the line tells.
  await notifyLowStock(tx, lowStockCrossings(view.lines, stock))
  return { ...order, created: true }
}

/** Refuses, naming each line and what is left, when a line wants more than `stock` holds. */
function throwIfShort(lines: CartLine[], stock: Map<string, number>) {
  const short = lines.filter((line) => line.quantity > (stock.get(line.variantId) ?? 0))
  if (!short.length) return
  throw new InsufficientStockError(
    short.map((line) => ({
      variantId: line.variantId,
      title: line.title,
      colorName: line.colorName,
      sizeLabel: line.sizeLabel,
      requested: line.quantity,
      available: stock.get(line.variantId) ?? 0,
    })),
  )
}

const orderRowSelect = {
  id: true,
  number: true,
  total: true,
  currency: true,
  email: true,
  paymentMethod: true,
  paymentStatus: true,
  paymentReference: true,
} as const

/** The buyer's order placed with this key: the account's, or a guest order to the same email. */
function keyWhere(buyer: Buyer, idempotencyKey: string) {
  return 'userId' in buyer
    ? { idempotencyKey, userId: buyer.userId }
    : { idempotencyKey, userId: null, email: buyer.email }
}

function findOrderByKey(buyer: Buyer, idempotencyKey: string) {
  return prisma.order.findFirst({
    where: keyWhere(buyer, idempotencyKey),
    select: orderRowSelect,
  })
}

function pickAddress(row: AddressInput): AddressInput {
  const { fullName, line1, line2, city, region, postalCode, country, phone } = row
  return { fullName, line1, line2, city, region, postalCode, country, phone }
}

/** An order the key already placed: the same answer again, restarting a payment that never finished. */
async function resume(order: OrderRow): Promise<PlacedOrder> {
  const provider = findPaymentProvider(order.paymentMethod)
  if (provider && provider.settles === 'provider' && order.paymentStatus === 'PENDING') {
    return { ...(await startPayment(order, provider)), created: false }
  }
  return { id: order.id, number: order.number, created: false, paymentRedirect: null }
}

/** After the order committed: hands it to the payment provider (outside any transaction). */
async function startPayment(order: OrderRow, provider: PaymentProvider): Promise<PlacedOrder> {
  const placed = { id: order.id, number: order.number, created: true }
  let start
  try {
    start = await provider.start({
      id: order.id,
      number: order.number,
      amount: order.total,
      currency: order.currency,
      email: order.email,
      ...(order.paymentReference ? { reference: order.paymentReference } : {}),
    })
  } catch (error) {
    // The order stands and holds its stock; its page offers to pay again (payNow) meanwhile.
    businessMetrics.countPayment(provider.id, 'start_failed')
    logger.error({ err: error, order: order.number }, 'Could not start a payment')
    return { ...placed, paymentRedirect: null }
  }
  if (start.kind === 'on-delivery') return { ...placed, paymentRedirect: null }
  if (start.kind === 'paid') {
    await confirmPayment(order.id, start.reference)
    return { ...placed, paymentRedirect: null }
  }
  await prisma.order.updateMany({
    where: { id: order.id, paymentStatus: 'PENDING' },
    data: { paymentReference: start.reference },
  })
  businessMetrics.countPayment(provider.id, 'started')
  return { ...placed, paymentRedirect: start.url }
}

/** The provider took the money (its webhook, or at once). Idempotent; false when the order was not waiting for payment. */
export async function markOrderPaid(orderId: string, reference: string) {
  return (await confirmPayment(orderId, reference)) === 'paid'
}

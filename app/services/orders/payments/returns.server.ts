import { isLocale, type Locale } from '~/i18n/locales.ts'
import { businessMetrics } from '~/infra/business-metrics.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { orderPathFor } from '../order-access.server.ts'
import { confirmPayment } from './confirm.server.ts'
import { stripeClient } from './stripe.server.ts'
import { isUnpaidAnswer, rialsOf, zarinpalClient } from './zarinpal.server.ts'

// The shopper's return from a provider's page. It confirms the payment with the provider (never
// trusting the query string), marks the order paid through confirm.server.ts (so a webhook
// racing it gives one paid order) and says where to send the shopper: their order's page, with
// what happened.

/** What the order page tells the shopper after the return. */
export type ReturnOutcome = 'paid' | 'failed' | 'expired' | 'pending'

export type PaymentReturn = {
  /** The order's page (the signed link for a guest's order), without a language prefix. */
  path: string
  locale: Locale
  outcome: ReturnOutcome
}

const orderSelect = {
  id: true,
  number: true,
  userId: true,
  locale: true,
  status: true,
  paymentMethod: true,
  paymentStatus: true,
  paymentReference: true,
  total: true,
  currency: true,
} as const

function answer(
  order: {
    id: string
    number: string
    userId: string | null
    locale: string
    paymentMethod: string
  },
  outcome: ReturnOutcome,
): PaymentReturn {
  // A declined or abandoned payment; 'paid' is counted where it is confirmed.
  if (outcome === 'failed') businessMetrics.countPayment(order.paymentMethod, 'failed')
  return {
    path: orderPathFor(order),
    locale: isLocale(order.locale) ? order.locale : 'en',
    outcome,
  }
}

async function outcomeOfConfirmation(orderId: string, reference: string): Promise<ReturnOutcome> {
  const confirmed = await confirmPayment(orderId, reference)
  return confirmed === 'refunding' ? 'expired' : 'paid'
}

/**
 * The gateway's callback (`?Authority=…&Status=OK|NOK`). Null when no order waits for that
 * authority. A cancelled order (its hold released) is not verified: the gateway gives an
 * unverified payment back by itself.
 */
export async function completeZarinpalReturn(input: {
  authority: string
  status: string
}): Promise<PaymentReturn | null> {
  const order = await prisma.order.findFirst({
    where: { paymentMethod: 'zarinpal', paymentReference: input.authority },
    select: orderSelect,
  })
  if (!order) return null
  if (order.paymentStatus !== 'PENDING')
    return answer(order, order.paymentStatus === 'VOIDED' ? 'expired' : 'paid')
  if (order.status === 'CANCELLED') return answer(order, 'expired')
  if (input.status !== 'OK') return answer(order, 'failed')
  try {
    await zarinpalClient().verify({
      amount: rialsOf({ amount: order.total, currency: order.currency }),
      authority: input.authority,
    })
  } catch (error) {
    if (isUnpaidAnswer(error)) return answer(order, 'failed')
    // The gateway could not say (down, too slow): the hold's last check asks it again.
    logger.warn({ err: error, order: order.number }, 'Could not verify a gateway payment')
    return answer(order, 'pending')
  }
  return answer(order, await outcomeOfConfirmation(order.id, input.authority))
}

/** The return from Stripe's card page (`?payment_intent=pi_…`). Null when no order has that intent. */
export async function completeStripeReturn(paymentIntentId: string): Promise<PaymentReturn | null> {
  const order = await prisma.order.findFirst({
    where: { paymentMethod: 'stripe', paymentReference: paymentIntentId },
    select: orderSelect,
  })
  if (!order) return null
  if (order.paymentStatus !== 'PENDING')
    return answer(order, order.paymentStatus === 'VOIDED' ? 'expired' : 'paid')
  let status: string
  try {
    status = (await stripeClient().paymentIntents.retrieve(paymentIntentId)).status
  } catch (error) {
    logger.warn({ err: error, order: order.number }, 'Could not read a Stripe payment')
    return answer(order, 'pending')
  }
  if (status === 'succeeded')
    return answer(order, await outcomeOfConfirmation(order.id, paymentIntentId))
  if (status === 'processing' || status === 'requires_capture') return answer(order, 'pending')
  if (status === 'canceled' || order.status === 'CANCELLED') return answer(order, 'expired')
  return answer(order, 'failed')
}

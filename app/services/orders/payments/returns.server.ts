import type Stripe from 'stripe'
import { isLocale, type Locale } from '~/i18n/locales.ts'
import { businessMetrics } from '~/infra/business-metrics.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { orderPathFor } from '../order-access.server.ts'
import { confirmPayment } from './confirm.server.ts'
import { isPaidSession, paymentIntentOf, stripeClient } from './stripe.server.ts'
import { isUnpaidAnswer, rialsOf, zarinpalClient } from './zarinpal.server.ts'

// The shopper's return from a provider's page. It confirms the payment with the provider (never
// trusting the query string), marks the order paid through confirm.server.ts (so a webhook
// racing it gives one paid order) and says where to send the shopper: their order's page, with
// what happened.

/** What the order page tells the shopper after the return. */
/** `cancelled`: the shopper left the provider's page without paying; the order still waits. */
export type ReturnOutcome = 'paid' | 'failed' | 'expired' | 'pending' | 'cancelled'

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

/**
 * The shopper comes back from Stripe's hosted page (`?session_id=cs_…`): `success_url` after
 * paying, `cancel_url` when they left without paying. The session is read from Stripe, and the
 * order is the one its metadata names; the query string says nothing about the outcome. Null
 * when no Stripe order goes with that session.
 */
export async function completeStripeReturn(
  sessionId: string,
  via: 'success' | 'cancel' = 'success',
): Promise<PaymentReturn | null> {
  let session: Stripe.Checkout.Session
  try {
    session = await stripeClient().checkout.sessions.retrieve(sessionId)
  } catch (error) {
    // Stripe could not say: the webhook or the hold's last check will.
    const order = await prisma.order.findFirst({
      where: { paymentMethod: 'stripe', paymentReference: sessionId },
      select: orderSelect,
    })
    if (!order) return null
    logger.warn({ err: error, order: order.number }, 'Could not read a Stripe Checkout session')
    return answer(order, via === 'cancel' ? 'cancelled' : 'pending')
  }
  const orderId = session.metadata?.orderId ?? session.client_reference_id
  const order = orderId
    ? await prisma.order.findFirst({
        where: { id: orderId, paymentMethod: 'stripe' },
        select: orderSelect,
      })
    : null
  if (!order) return null
  if (order.paymentStatus !== 'PENDING')
    return answer(order, order.paymentStatus === 'VOIDED' ? 'expired' : 'paid')
  const intent = paymentIntentOf(session)
  if (isPaidSession(session) && intent) {
    if (!sessionPays(session, order)) {
      logger.warn(
        { session: session.id, order: order.number, amount: session.amount_total },
        'A Stripe payment does not match its order; left for a person to look at',
      )
      return answer(order, 'pending')
    }
    return answer(order, await outcomeOfConfirmation(order.id, intent))
  }
  if (session.status === 'complete') return answer(order, 'pending')
  if (session.status === 'expired' || order.status === 'CANCELLED') return answer(order, 'expired')
  return answer(order, 'cancelled')
}

/** The session charged exactly the order's total, in its currency. */
export function sessionPays(
  session: Pick<Stripe.Checkout.Session, 'amount_total' | 'currency'>,
  order: { total: number; currency: string },
) {
  return session.amount_total === order.total && session.currency === order.currency.toLowerCase()
}

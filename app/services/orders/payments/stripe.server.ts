import type Stripe from 'stripe'
import { getEnv } from '~/infra/env.server.ts'
import { createStripeClient, type StripeClient } from '~/infra/payments/stripe.server.ts'
import type { PaymentProvider } from './provider.server.ts'

// Cards through Stripe Checkout (ADR 030): `start` creates a Checkout Session for the order's
// total and sends the shopper to Stripe's hosted page, where they enter the card (3-D Secure
// included). Stripe sends them back to /payments/stripe/return (paid) or /payments/stripe/cancel
// (left without paying); the `checkout.session.completed` webhook confirms it too, whichever
// comes first. While the order waits its reference is the session (cs_…); once paid it is the
// session's PaymentIntent (pi_…), which refunds name. Orders started before Checkout carry a
// PaymentIntent while waiting; `check` and `release` still read those.

export const STRIPE_RETURN_PATH = '/payments/stripe/return'
export const STRIPE_CANCEL_PATH = '/payments/stripe/cancel'

/** Stripe lets a Checkout Session live between 30 minutes and 24 hours. */
const SESSION_MIN_MS = 31 * 60_000
const SESSION_MAX_MS = 24 * 60 * 60_000

let client: { key: string; client: StripeClient } | undefined

export function stripeClient(): StripeClient {
  const env = getEnv()
  if (!env.STRIPE_SECRET_KEY) throw new Error('STRIPE_SECRET_KEY is not set')
  const key = `${env.STRIPE_SECRET_KEY} ${env.STRIPE_API_URL ?? ''}`
  if (client?.key !== key)
    client = {
      key,
      client: createStripeClient({
        secretKey: env.STRIPE_SECRET_KEY,
        apiUrl: env.STRIPE_API_URL,
        timeoutMs: env.PAYMENT_TIMEOUT_MS,
      }),
    }
  return client.client
}

/** The PaymentIntent a completed session paid with (what refunds name), or null before it is paid. */
export function paymentIntentOf(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent
  return typeof intent === 'string' ? intent : (intent?.id ?? null)
}

/** A session whose payment went through: complete and paid (not an async method still pending). */
export function isPaidSession(session: Stripe.Checkout.Session) {
  return session.status === 'complete' && session.payment_status === 'paid'
}

const isSessionId = (reference: string) => reference.startsWith('cs_')

function returnUrl(path: string) {
  // Stripe puts the session's id in place of the placeholder; it must stay unescaped.
  return `${new URL(path, getEnv().appUrl).toString()}?session_id={CHECKOUT_SESSION_ID}`
}

function sessionExpiry(now: number) {
  const holdEnds = now + getEnv().PAYMENT_HOLD_MINUTES * 60_000
  const at = Math.min(Math.max(holdEnds, now + SESSION_MIN_MS), now + SESSION_MAX_MS)
  return Math.floor(at / 1000)
}

export const stripeProvider: PaymentProvider = {
  id: 'stripe',
  label: 'Card (Stripe)',
  description: 'Visa, Mastercard, American Express and more, with 3-D Secure.',
  settles: 'provider',
  isAvailable: ({ currency }) => currency !== 'IRR',
  // Stripe's hosted Checkout page; a stand-in of Stripe (STRIPE_API_URL) serves it beside its API.
  pageOrigins() {
    const standIn = getEnv().STRIPE_API_URL
    return [standIn ? new URL(standIn).origin : 'https://checkout.stripe.com']
  },
  async start(order) {
    const stripe = stripeClient()
    // "Pay now" after the shopper left the hosted page: the session they left is still open and
    // takes them back; a new one only once it has expired.
    if (order.reference && isSessionId(order.reference)) {
      const previous = await stripe.checkout.sessions.retrieve(order.reference)
      if (previous.status === 'open' && previous.url)
        return { kind: 'redirect', url: previous.url, reference: previous.id }
    }
    const metadata = { orderId: order.id, orderNumber: order.number }
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: order.currency.toLowerCase(),
              unit_amount: order.amount,
              product_data: { name: `Order ${order.number}` },
            },
          },
        ],
        client_reference_id: order.id,
        customer_email: order.email,
        metadata,
        payment_intent_data: { metadata, description: `Order ${order.number}` },
        success_url: returnUrl(STRIPE_RETURN_PATH),
        cancel_url: returnUrl(STRIPE_CANCEL_PATH),
        expires_at: sessionExpiry(Date.now()),
      },
      // The same order (a retried checkout) gets the same session; a new try after the last
      // one expired is keyed on the session it replaces.
      { idempotencyKey: `checkout-${order.id}-${order.reference ?? 'first'}` },
    )
    if (!session.url) throw new Error(`Stripe gave session ${session.id} no page`)
    return { kind: 'redirect', url: session.url, reference: session.id }
  },
  async check(order) {
    const stripe = stripeClient()
    if (isSessionId(order.reference)) {
      const session = await stripe.checkout.sessions.retrieve(order.reference)
      const intent = paymentIntentOf(session)
      return isPaidSession(session) && intent ? { paid: true, reference: intent } : { paid: false }
    }
    const intent = await stripe.paymentIntents.retrieve(order.reference)
    return intent.status === 'succeeded' ? { paid: true, reference: intent.id } : { paid: false }
  },
  async release(order) {
    const stripe = stripeClient()
    if (isSessionId(order.reference)) {
      const session = await stripe.checkout.sessions.retrieve(order.reference)
      if (session.status === 'open') await stripe.checkout.sessions.expire(order.reference)
      return
    }
    const intent = await stripe.paymentIntents.retrieve(order.reference)
    if (intent.status !== 'succeeded' && intent.status !== 'canceled')
      await stripe.paymentIntents.cancel(order.reference, undefined, {
        idempotencyKey: `release-${order.id}`,
      })
  },
  async refund(order) {
    await stripeClient().refunds.create(
      { payment_intent: order.reference, metadata: { orderId: order.id } },
      { idempotencyKey: `refund-${order.id}` },
    )
  },
  async refundPart(refund) {
    const made = await stripeClient().refunds.create(
      {
        payment_intent: refund.reference,
        amount: refund.amount,
        metadata: { orderId: refund.orderId, refundId: refund.key },
      },
      { idempotencyKey: `refund-part-${refund.key}` },
    )
    return { reference: made.id }
  },
}

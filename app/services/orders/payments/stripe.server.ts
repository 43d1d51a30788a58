import { getEnv } from '~/infra/env.server.ts'
import { createStripeClient, type StripeClient } from '~/infra/payments/stripe.server.ts'
import type { PaymentProvider } from './provider.server.ts'

// Cards through Stripe PaymentIntents. `start` creates the order's PaymentIntent (idempotent per
// order id) and sends the shopper to the card page, where Stripe's Payment Element confirms it
// (3-D Secure included) and returns to /payments/stripe/return. The `payment_intent.succeeded`
// webhook (stripe-webhook.server.ts) confirms it too; whichever comes first marks the order paid.

export const STRIPE_RETURN_PATH = '/payments/stripe/return'

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

export const stripeProvider: PaymentProvider = {
  id: 'stripe',
  label: 'Card (Stripe)',
  description: 'Visa, Mastercard, American Express and more, with 3-D Secure.',
  settles: 'provider',
  isAvailable: ({ currency }) => currency !== 'IRR',
  async start(order) {
    const intent = await stripeClient().paymentIntents.create(
      {
        amount: order.amount,
        currency: order.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        receipt_email: order.email,
        description: `Order ${order.number}`,
        metadata: { orderId: order.id, orderNumber: order.number },
      },
      { idempotencyKey: `order-${order.id}` },
    )
    const url = new URL(STRIPE_RETURN_PATH, getEnv().appUrl)
    url.searchParams.set('payment_intent', intent.id)
    return { kind: 'redirect', url: url.toString(), reference: intent.id }
  },
  async check(order) {
    const intent = await stripeClient().paymentIntents.retrieve(order.reference)
    return intent.status === 'succeeded' ? { paid: true, reference: intent.id } : { paid: false }
  },
  async release(order) {
    const intent = await stripeClient().paymentIntents.retrieve(order.reference)
    if (intent.status !== 'succeeded' && intent.status !== 'canceled')
      await stripeClient().paymentIntents.cancel(order.reference, undefined, {
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

import { afterAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { jobTasks } from '~/services/jobs.server.ts'
import { releaseUnpaidOrder } from '~/services/orders/payments/holds.server.ts'
import { completeStripeReturn } from '~/services/orders/payments/returns.server.ts'
import {
  handleStripeWebhook,
  WebhookSignatureError,
} from '~/services/orders/payments/stripe-webhook.server.ts'
import { action as webhookAction } from '~/routes/webhooks.stripe.ts'
import { createUser } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// Cards through Stripe PaymentIntents, with the real SDK talking to a local stand-in of Stripe's
// HTTP API, and webhooks signed with the SDK's own signing.
const stripe = await vi.hoisted(async () => {
  const { startStripeStandIn, STAND_IN_SECRET_KEY, STAND_IN_WEBHOOK_SECRET } =
    await import('../support/payments/stripe-stand-in.ts')
  const started = await startStripeStandIn()
  process.env.PAYMENT_PROVIDERS = 'stripe,pay-on-delivery'
  process.env.STRIPE_SECRET_KEY = STAND_IN_SECRET_KEY
  process.env.STRIPE_WEBHOOK_SECRET = STAND_IN_WEBHOOK_SECRET
  process.env.STRIPE_API_URL = started.apiUrl
  process.env.PAYMENT_HOLD_MINUTES = '30'
  return started
})

afterAll(() => stripe.close())

const orderOf = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } })
const stockOf = async (variantId: string) =>
  (await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock

async function placeCardOrder() {
  const shopper = await createUser()
  const { shop } = await createSeller()
  const coat = await createProduct(shop.id, { price: 12_900, variants: [{ stock: 4 }] })
  const variantId = coat.variants[0]!.id
  const placed = await placeTestOrder(shopper.id, [{ variantId, quantity: 2 }], {
    paymentMethod: 'stripe',
  })
  const order = await orderOf(placed.id)
  return { shopper, placed, order, variantId, intent: stripe.intents.get(order.paymentReference!)! }
}

function webhook(event: { payload: string; signature: string }) {
  return callRoute(
    webhookAction,
    new Request('http://localhost:3000/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
      body: event.payload,
    }),
  )
}

describe('Stripe PaymentIntents', () => {
  test('checkout creates one PaymentIntent for the order’s total, with the order in its metadata', async () => {
    const { order, intent, placed, variantId } = await placeCardOrder()
    expect(intent).toMatchObject({
      amount: order.total,
      currency: 'usd',
      status: 'requires_payment_method',
      metadata: { orderId: order.id, orderNumber: order.number },
      receipt_email: order.email,
    })
    expect(placed.paymentRedirect).toContain(`payment_intent=${intent.id}`)
    expect(order).toMatchObject({ paymentStatus: 'PENDING', paymentReference: intent.id })
    expect(order.paymentHeldUntil).not.toBeNull()
    expect(await stockOf(variantId)).toBe(2)
  })

  test('a webhook replayed 10 times at once is handled once: one event row, one paid order', async () => {
    const { order, intent } = await placeCardOrder()
    const event = stripe.event('payment_intent.succeeded', stripe.succeed(intent.id))
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => handleStripeWebhook(event.payload, event.signature)),
    )
    expect(outcomes.filter((outcome) => outcome === 'handled')).toHaveLength(1)
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(9)
    expect(await prisma.paymentEvent.count({ where: { orderId: order.id } })).toBe(1)
    expect(await orderOf(order.id)).toMatchObject({
      paymentStatus: 'PAID',
      paymentReference: intent.id,
      paymentHeldUntil: null,
    })
    // Through the route too: 200 and nothing more.
    const again = await webhook(event)
    expect(again.status).toBe(200)
    expect(again.data).toEqual({ received: true, outcome: 'duplicate' })
  })

  test('a bad or missing signature, a tampered body or another secret: 400, nothing recorded', async () => {
    const { order, intent } = await placeCardOrder()
    const event = stripe.event('payment_intent.succeeded', stripe.succeed(intent.id))
    const tampered = event.payload.replace(
      `"amount_received":${order.total}`,
      '"amount_received":1',
    )
    await expect(handleStripeWebhook(tampered, event.signature)).rejects.toBeInstanceOf(
      WebhookSignatureError,
    )
    await expect(handleStripeWebhook(event.payload, null)).rejects.toBeInstanceOf(
      WebhookSignatureError,
    )
    const forged = stripe.event('payment_intent.succeeded', intent, 'whsec_someoneelse000000')
    expect((await webhook(forged)).status).toBe(400)
    expect((await webhook({ payload: event.payload, signature: 't=1,v1=abc' })).status).toBe(400)
    expect(await prisma.paymentEvent.count({ where: { orderId: order.id } })).toBe(0)
    expect((await orderOf(order.id)).paymentStatus).toBe('PENDING')
  })

  test('the shopper’s return and the webhook racing give one paid order', async () => {
    for (let round = 0; round < 5; round++) {
      const { order, intent } = await placeCardOrder()
      const event = stripe.event('payment_intent.succeeded', stripe.succeed(intent.id))
      const [returned, ...hooks] = await Promise.all([
        completeStripeReturn(intent.id),
        handleStripeWebhook(event.payload, event.signature),
        handleStripeWebhook(event.payload, event.signature),
      ])
      expect(returned?.outcome).toBe('paid')
      expect(hooks.sort()).toEqual(['duplicate', 'handled'])
      expect(await orderOf(order.id)).toMatchObject({ paymentStatus: 'PAID', status: 'PLACED' })
    }
  })

  test('declined: the return says so, the failure event is recorded and harmless, the order still waits', async () => {
    const { order, intent } = await placeCardOrder()
    const declined = stripe.decline(intent.id)
    expect(await completeStripeReturn(intent.id)).toMatchObject({ outcome: 'failed' })
    const failed = stripe.event('payment_intent.payment_failed', declined)
    expect(await handleStripeWebhook(failed.payload, failed.signature)).toBe('ignored')
    expect(await orderOf(order.id)).toMatchObject({ paymentStatus: 'PENDING', status: 'PLACED' })
    // A later success (the shopper tried another card) still completes it; the old failure
    // arriving after it changes nothing.
    const succeeded = stripe.event('payment_intent.succeeded', stripe.succeed(intent.id))
    expect(await handleStripeWebhook(succeeded.payload, succeeded.signature)).toBe('handled')
    const late = stripe.event('payment_intent.payment_failed', declined)
    expect(await handleStripeWebhook(late.payload, late.signature)).toBe('ignored')
    expect((await orderOf(order.id)).paymentStatus).toBe('PAID')
  })

  test('abandoned: the hold releases the stock and cancels the PaymentIntent', async () => {
    const { order, intent, variantId } = await placeCardOrder()
    expect(await releaseUnpaidOrder(order.id, new Date(Date.now() + 31 * 60_000))).toBe('released')
    expect(await orderOf(order.id)).toMatchObject({ status: 'CANCELLED', paymentStatus: 'VOIDED' })
    expect(await stockOf(variantId)).toBe(4)
    expect(stripe.intents.get(intent.id)!.status).toBe('canceled')
    expect(await completeStripeReturn(intent.id)).toMatchObject({ outcome: 'expired' })
  })

  test('a payment confirmed after the hold was released is refunded automatically', async () => {
    const { order, intent, variantId } = await placeCardOrder()
    // The card went through just as the hold ended; the webhook arrives after the release (which
    // ran while Stripe's answer was still "processing").
    stripe.intents.get(intent.id)!.status = 'processing'
    expect(await releaseUnpaidOrder(order.id, new Date(Date.now() + 31 * 60_000))).toBe('released')
    const event = stripe.event('payment_intent.succeeded', stripe.succeed(intent.id))
    expect(await handleStripeWebhook(event.payload, event.signature)).toBe('handled')
    expect(await orderOf(order.id)).toMatchObject({
      status: 'CANCELLED',
      paymentStatus: 'REFUND_PENDING',
      paymentReference: intent.id,
    })
    await runDueJobs(jobTasks)
    expect(stripe.refunds.filter((refund) => refund.payment_intent === intent.id)).toHaveLength(1)
    expect((await orderOf(order.id)).paymentStatus).toBe('REFUNDED')
    expect(await stockOf(variantId)).toBe(4)
    // Stripe delivers it again: no second refund.
    await handleStripeWebhook(event.payload, event.signature)
    await runDueJobs(jobTasks)
    expect(stripe.refunds.filter((refund) => refund.payment_intent === intent.id)).toHaveLength(1)
  })

  test('a payment that does not match its order is not taken as paying it', async () => {
    const { order, intent } = await placeCardOrder()
    const paid = stripe.succeed(intent.id)
    const event = stripe.event('payment_intent.succeeded', { ...paid, amount_received: 100 })
    expect(await handleStripeWebhook(event.payload, event.signature)).toBe('ignored')
    expect((await orderOf(order.id)).paymentStatus).toBe('PENDING')
  })

  test('a stray GET and an unknown return are refused plainly', async () => {
    const { loader } = await import('~/routes/payments.stripe.return.ts')
    expect(
      (await callRoute(loader, routeRequest('/payments/stripe/return?payment_intent=pi_nope')))
        .status,
    ).toBe(404)
    expect(
      (await callRoute(loader, routeRequest('/payments/stripe/return?payment_intent=%00'))).status,
    ).toBe(404)
    const user = await createUser()
    expect(user).toBeTruthy()
  })
})

import { afterAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { releaseUnpaidOrder } from '~/services/orders/payments/holds.server.ts'
import { payAgain } from '~/services/orders/payments/pay-again.server.ts'
import { completeStripeReturn } from '~/services/orders/payments/returns.server.ts'
import {
  handleStripeWebhook,
  WebhookSignatureError,
} from '~/services/orders/payments/stripe-webhook.server.ts'
import { action as webhookAction } from '~/routes/webhooks.stripe.ts'
import { createUser } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'

// Cards through Stripe Checkout (ADR 030), with the real SDK talking to a local stand-in of
// Stripe's HTTP API and its hosted page, and webhooks signed as Stripe signs them.
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
const LATER = () => new Date(Date.now() + 31 * 60_000)

async function placeCardOrder() {
  const shopper = await createUser()
  const { shop } = await createSeller()
  const coat = await createProduct(shop.id, { price: 12_900, variants: [{ stock: 4 }] })
  const variantId = coat.variants[0]!.id
  const placed = await placeTestOrder(shopper.id, [{ variantId, quantity: 2 }], {
    paymentMethod: 'stripe',
  })
  const order = await orderOf(placed.id)
  const session = stripe.sessions.get(order.paymentReference!)!
  return { shopper, placed, order, variantId, session }
}

/** The shopper at the hosted page: enters `card` and submits the plain form. */
async function payOnHostedPage(url: string, card: string, path = '') {
  return fetch(`${url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ cardNumber: card, cardExpiry: '12 / 34', cardCvc: '123' }),
  })
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

describe('Stripe Checkout', () => {
  test('checkout creates one Checkout Session for the order’s total and sends the shopper to its page', async () => {
    const { order, session, placed, variantId } = await placeCardOrder()
    expect(session).toMatchObject({
      status: 'open',
      amount_total: order.total,
      currency: 'usd',
      metadata: { orderId: order.id, orderNumber: order.number },
      client_reference_id: order.id,
      customer_email: order.email,
    })
    expect(session.success_url).toBe(
      'http://localhost:3000/payments/stripe/return?session_id={CHECKOUT_SESSION_ID}',
    )
    expect(session.cancel_url).toContain('/payments/stripe/cancel?session_id=')
    expect(placed.paymentRedirect).toBe(session.url)
    expect(order).toMatchObject({ paymentStatus: 'PENDING', paymentReference: session.id })
    expect(order.paymentHeldUntil).not.toBeNull()
    expect(await stockOf(variantId)).toBe(2)
    // The hosted page is a plain form.
    const page = await fetch(session.url!)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('name="cardNumber"')
  })

  test('a test card that pays: back to the success URL, the order paid with the session’s PaymentIntent', async () => {
    const { order, session } = await placeCardOrder()
    const paid = await payOnHostedPage(session.url!, '4242 4242 4242 4242')
    expect(paid.status).toBe(303)
    expect(paid.headers.get('location')).toBe(
      `http://localhost:3000/payments/stripe/return?session_id=${session.id}`,
    )
    expect(await completeStripeReturn(session.id)).toMatchObject({
      outcome: 'paid',
      path: `/orders/${order.number}`,
    })
    const intent = stripe.sessions.get(session.id)!.payment_intent!
    expect(intent).toMatch(/^pi_/)
    expect(stripe.intents.get(intent)?.metadata).toMatchObject({ orderId: order.id })
    expect(await orderOf(order.id)).toMatchObject({
      paymentStatus: 'PAID',
      paymentReference: intent,
      paymentHeldUntil: null,
    })
  })

  test('3-D Secure: the card asks for authentication; failing it pays nothing, completing it pays', async () => {
    const { order, session } = await placeCardOrder()
    const challenge = await payOnHostedPage(session.url!, '4000002760003184')
    expect(challenge.status).toBe(200)
    expect(await challenge.text()).toContain('Complete authentication')
    const failed = await fetch(`${session.url}/3ds`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ outcome: 'fail' }),
    })
    expect(failed.status).toBe(402)
    expect(stripe.sessions.get(session.id)!.status).toBe('open')
    const completed = await fetch(`${session.url}/3ds`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ outcome: 'complete' }),
    })
    expect(completed.status).toBe(303)
    expect(await completeStripeReturn(session.id)).toMatchObject({ outcome: 'paid' })
    expect((await orderOf(order.id)).paymentStatus).toBe('PAID')
  })

  test('declined, then the shopper leaves: the order says so, still waits, and "Pay now" goes back to the same page', async () => {
    const { order, session, shopper } = await placeCardOrder()
    const declined = await payOnHostedPage(session.url!, '4000000000000002')
    expect(declined.status).toBe(402)
    expect(await declined.text()).toContain('Your card was declined.')
    expect(stripe.sessions.get(session.id)).toMatchObject({ status: 'open', payment_intent: null })
    // The shopper follows the page's "back" link (cancel_url).
    const { loader } = await import('~/routes/payments.stripe.cancel.ts')
    const back = await callRoute(
      loader,
      routeRequest(`/payments/stripe/cancel?session_id=${session.id}`),
    )
    expect(back.status).toBe(303)
    expect(back.headers.get('location')).toBe(`/orders/${order.number}?payment=cancelled`)
    expect(await orderOf(order.id)).toMatchObject({ paymentStatus: 'PENDING', status: 'PLACED' })
    // Pay again: the session is still open, so the shopper goes back to it.
    expect(await payAgain({ userId: shopper.id }, order.number)).toBe(session.url)
    expect((await orderOf(order.id)).paymentReference).toBe(session.id)
    // Once it has expired, a new one.
    await prisma.order.update({
      where: { id: order.id },
      data: { paymentHeldUntil: new Date(Date.now() + 60 * 60_000) },
    })
    stripe.sessions.get(session.id)!.expires_at = Math.floor(Date.now() / 1000) - 1
    const again = await payAgain({ userId: shopper.id }, order.number)
    const fresh = (await orderOf(order.id)).paymentReference!
    expect(fresh).not.toBe(session.id)
    expect(again).toBe(stripe.sessions.get(fresh)!.url)
    expect(await payOnHostedPage(again!, '4242424242424242')).toHaveProperty('status', 303)
    expect(await completeStripeReturn(fresh)).toMatchObject({ outcome: 'paid' })
  })

  test('a webhook replayed 10 times at once is handled once: one event row, one paid order', async () => {
    const { order, session } = await placeCardOrder()
    const event = stripe.event('checkout.session.completed', stripe.completeSession(session.id))
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => handleStripeWebhook(event.payload, event.signature)),
    )
    expect(outcomes.filter((outcome) => outcome === 'handled')).toHaveLength(1)
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(9)
    expect(await prisma.paymentEvent.count({ where: { orderId: order.id } })).toBe(1)
    expect(await orderOf(order.id)).toMatchObject({
      paymentStatus: 'PAID',
      paymentReference: stripe.sessions.get(session.id)!.payment_intent,
      paymentHeldUntil: null,
    })
    // Through the route too: 200 and nothing more.
    const again = await webhook(event)
    expect(again.status).toBe(200)
    expect(again.data).toEqual({ received: true, outcome: 'duplicate' })
  })

  test('a bad or missing signature, a tampered body or another secret: 400, nothing recorded', async () => {
    const { order, session } = await placeCardOrder()
    const event = stripe.event('checkout.session.completed', stripe.completeSession(session.id))
    const tampered = event.payload.replace(`"amount_total":${order.total}`, '"amount_total":1')
    expect(tampered).not.toBe(event.payload)
    await expect(handleStripeWebhook(tampered, event.signature)).rejects.toBeInstanceOf(
      WebhookSignatureError,
    )
    await expect(handleStripeWebhook(event.payload, null)).rejects.toBeInstanceOf(
      WebhookSignatureError,
    )
    const forged = stripe.event('checkout.session.completed', session, 'whsec_someoneelse000000')
    expect((await webhook(forged)).status).toBe(400)
    expect((await webhook({ payload: event.payload, signature: 't=1,v1=abc' })).status).toBe(400)
    expect(await prisma.paymentEvent.count({ where: { orderId: order.id } })).toBe(0)
    expect((await orderOf(order.id)).paymentStatus).toBe('PENDING')
  })

  test('the shopper’s return and the webhook racing give one paid order', async () => {
    for (let round = 0; round < 5; round++) {
      const { order, session } = await placeCardOrder()
      const event = stripe.event('checkout.session.completed', stripe.completeSession(session.id))
      const [returned, ...hooks] = await Promise.all([
        completeStripeReturn(session.id),
        handleStripeWebhook(event.payload, event.signature),
        handleStripeWebhook(event.payload, event.signature),
      ])
      expect(returned?.outcome).toBe('paid')
      expect(hooks.sort()).toEqual(['duplicate', 'handled'])
      expect(await orderOf(order.id)).toMatchObject({ paymentStatus: 'PAID', status: 'PLACED' })
      // The webhook won or lost: either way the return still finds the order (its reference is now the PaymentIntent).
      expect(await completeStripeReturn(session.id)).toMatchObject({ outcome: 'paid' })
    }
  })

  test('abandoned: the hold releases the stock and expires the session; its page and the return say so', async () => {
    const { order, session, variantId } = await placeCardOrder()
    expect(await releaseUnpaidOrder(order.id, LATER())).toBe('released')
    expect(await orderOf(order.id)).toMatchObject({ status: 'CANCELLED', paymentStatus: 'VOIDED' })
    expect(await stockOf(variantId)).toBe(4)
    expect(stripe.sessions.get(session.id)!.status).toBe('expired')
    expect((await fetch(`http://${new URL(stripe.apiUrl).host}/c/pay/${session.id}`)).status).toBe(
      410,
    )
    expect(await completeStripeReturn(session.id, 'cancel')).toMatchObject({ outcome: 'expired' })
    const expired = stripe.event('checkout.session.expired', stripe.sessions.get(session.id)!)
    expect(await handleStripeWebhook(expired.payload, expired.signature)).toBe('ignored')
  })

  test('paid but never came back: the hold’s last check finds the session paid and confirms it', async () => {
    const { order, session, variantId } = await placeCardOrder()
    stripe.completeSession(session.id)
    expect(await releaseUnpaidOrder(order.id, LATER())).toBe('paid')
    expect(await orderOf(order.id)).toMatchObject({ status: 'PLACED', paymentStatus: 'PAID' })
    expect(await stockOf(variantId)).toBe(2)
  })

  test('a payment confirmed after the hold was released is refunded automatically, once', async () => {
    const { order, session, variantId } = await placeCardOrder()
    expect(await releaseUnpaidOrder(order.id, LATER())).toBe('released')
    // The card went through on the page at the moment the hold ended (before the expiry landed).
    const event = stripe.event('checkout.session.completed', stripe.completeSession(session.id))
    const intent = stripe.sessions.get(session.id)!.payment_intent!
    expect(await handleStripeWebhook(event.payload, event.signature)).toBe('handled')
    expect(await orderOf(order.id)).toMatchObject({
      status: 'CANCELLED',
      paymentStatus: 'REFUND_PENDING',
      paymentReference: intent,
    })
    await runDueJobs(tasksExceptMailAndSearch)
    expect(stripe.refunds.filter((refund) => refund.payment_intent === intent)).toHaveLength(1)
    expect((await orderOf(order.id)).paymentStatus).toBe('REFUNDED')
    expect(await stockOf(variantId)).toBe(4)
    // Stripe delivers it again: no second refund.
    await handleStripeWebhook(event.payload, event.signature)
    await runDueJobs(tasksExceptMailAndSearch)
    expect(stripe.refunds.filter((refund) => refund.payment_intent === intent)).toHaveLength(1)
  })

  test('a payment that does not match its order is not taken as paying it', async () => {
    const { order, session } = await placeCardOrder()
    const paid = stripe.completeSession(session.id)
    const event = stripe.event('checkout.session.completed', { ...paid, amount_total: 100 })
    expect(await handleStripeWebhook(event.payload, event.signature)).toBe('ignored')
    expect((await orderOf(order.id)).paymentStatus).toBe('PENDING')
  })

  test('a stray GET and an unknown return are refused plainly', async () => {
    const { loader } = await import('~/routes/payments.stripe.return.ts')
    expect(
      (await callRoute(loader, routeRequest('/payments/stripe/return?session_id=cs_nope'))).status,
    ).toBe(404)
    expect(
      (await callRoute(loader, routeRequest('/payments/stripe/return?session_id=%00'))).status,
    ).toBe(404)
    expect((await callRoute(loader, routeRequest('/payments/stripe/return'))).status).toBe(404)
  })
})

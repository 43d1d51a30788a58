import type Stripe from 'stripe'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { confirmPaymentInTx, countConfirmation, type ConfirmOutcome } from './confirm.server.ts'
import { isPaidSession, paymentIntentOf, stripeClient } from './stripe.server.ts'

// Stripe's webhook: `checkout.session.completed` (ADR 030) marks the order paid. The signature is checked with the SDK against STRIPE_WEBHOOK_SECRET; the
// event's id is stored in the transaction of its effect (PaymentEvent, unique per provider), so a
// redelivery, or ten deliveries at once, does it once: the others wait on the unique index and
// then find it taken. Events that arrive out of order are harmless because each effect is
// conditional on the order's state (confirm.server.ts).

export class WebhookSignatureError extends DomainError {
  override name = 'WebhookSignatureError'
  constructor() {
    super('invalid', 'bad-signature', 'The webhook’s signature does not match')
  }
}

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored'

function verify(rawBody: string, signature: string | null): Stripe.Event {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET
  if (!secret || !signature) throw new WebhookSignatureError()
  try {
    return stripeClient().webhooks.constructEvent(rawBody, signature, secret)
  } catch {
    throw new WebhookSignatureError()
  }
}

function orderIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as {
    metadata?: Record<string, string> | null
    client_reference_id?: string | null
  }
  return object.metadata?.orderId ?? object.client_reference_id ?? null
}

/**
 * What an event says was paid, if it says a payment went through: a Checkout Session completed
 * and paid (or its delayed method succeeded), or, for orders started before Checkout, a
 * PaymentIntent that succeeded. The PaymentIntent is what refunds name.
 */
function paymentOf(
  event: Stripe.Event,
): { intent: string; amount: number | null; currency: string | null } | null {
  if (
    event.type === 'checkout.session.completed' ||
    event.type === 'checkout.session.async_payment_succeeded'
  ) {
    const session = event.data.object
    const intent = paymentIntentOf(session)
    if (!isPaidSession(session) || !intent) return null
    return { intent, amount: session.amount_total, currency: session.currency }
  }
  if (event.type === 'payment_intent.succeeded') {
    const intent = event.data.object
    return { intent: intent.id, amount: intent.amount_received, currency: intent.currency }
  }
  return null
}

export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
): Promise<WebhookOutcome> {
  const event = verify(rawBody, signature)
  const orderId = orderIdOf(event)
  const { outcome, confirmed } = await prisma.$transaction(
    async (tx): Promise<{ outcome: WebhookOutcome; confirmed?: ConfirmOutcome }> => {
      const { count } = await tx.paymentEvent.createMany({
        data: [{ provider: 'stripe', eventId: event.id, type: event.type, orderId }],
        skipDuplicates: true,
      })
      if (count === 0) return { outcome: 'duplicate' }
      if (!orderId) return { outcome: 'ignored' }
      const paid = paymentOf(event)
      if (!paid) return { outcome: 'ignored' }
      const order = await tx.order.findUnique({
        where: { id: orderId },
        select: { total: true, currency: true, paymentMethod: true },
      })
      if (
        !order ||
        order.paymentMethod !== 'stripe' ||
        order.total !== paid.amount ||
        order.currency.toLowerCase() !== paid.currency
      ) {
        logger.warn(
          { eventId: event.id, orderId, amount: paid.amount },
          'A Stripe payment does not match its order; left for a person to look at',
        )
        return { outcome: 'ignored' }
      }
      return { outcome: 'handled', confirmed: await confirmPaymentInTx(tx, orderId, paid.intent) }
    },
    { maxWait: 15_000, timeout: 20_000 },
  )
  if (confirmed) countConfirmation('stripe', confirmed)
  return outcome
}

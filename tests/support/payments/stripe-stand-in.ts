import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

// A local stand-in for the part of Stripe's HTTP API the store uses: PaymentIntents (create,
// retrieve, cancel) and refunds (whole or partial, never more than was paid), form-encoded requests with bracketed keys, Bearer keys,
// Idempotency-Key replays and Stripe's error shape. The Stripe SDK reaches it through its host,
// port and protocol settings (STRIPE_API_URL). Tests move an intent to succeeded or declined and
// get the matching event, signed with the SDK's own signing as Stripe signs webhooks.

export const STAND_IN_SECRET_KEY = 'sk_test_standin0000000000000000'
export const STAND_IN_WEBHOOK_SECRET = 'whsec_standin000000000000000000'

type Intent = {
  id: string
  object: 'payment_intent'
  amount: number
  amount_received: number
  currency: string
  status: string
  client_secret: string
  metadata: Record<string, string>
  description: string | null
  receipt_email: string | null
  last_payment_error: null | { code: string; message: string; type: string }
  created: number
  livemode: false
}

/** Reads `a[b][c]=v` form keys into nested objects. */
function parseForm(raw: string) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.split(/\[|\]\[|\]/).filter(Boolean)
    let node = out
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value
      else node = (node[part] ??= {}) as Record<string, unknown>
    })
  }
  return out
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>

export async function startStripeStandIn() {
  const intents = new Map<string, Intent>()
  const refunds: Array<{ id: string; payment_intent: string; amount: number }> = []
  const replays = new Map<string, { status: number; body: string }>()
  const settings = { delayMs: 0 }

  function error(status: number, message: string, type = 'invalid_request_error') {
    return { status, body: JSON.stringify({ error: { type, message } }) }
  }

  function route(method: string, path: string, form: Record<string, unknown>) {
    if (method === 'POST' && path === '/v1/payment_intents') {
      const amount = Number(form.amount)
      if (!Number.isInteger(amount) || amount < 50) return error(400, 'Invalid amount')
      const intent: Intent = {
        id: id('pi'),
        object: 'payment_intent',
        amount,
        amount_received: 0,
        currency: String(form.currency),
        status: 'requires_payment_method',
        client_secret: '',
        metadata: (form.metadata ?? {}) as Record<string, string>,
        description: typeof form.description === 'string' ? form.description : null,
        receipt_email: typeof form.receipt_email === 'string' ? form.receipt_email : null,
        last_payment_error: null,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
      }
      intent.client_secret = `${intent.id}_secret_${randomBytes(8).toString('hex')}`
      intents.set(intent.id, intent)
      return { status: 200, body: JSON.stringify(intent) }
    }
    const one = path.match(/^\/v1\/payment_intents\/([\w]+)(\/cancel)?$/)
    if (one) {
      const intent = intents.get(one[1]!)
      if (!intent) return error(404, `No such payment_intent: '${one[1]}'`)
      if (one[2] && method === 'POST') {
        if (intent.status === 'succeeded')
          return error(
            400,
            'You cannot cancel this PaymentIntent because it has a status of succeeded.',
          )
        intent.status = 'canceled'
      }
      return { status: 200, body: JSON.stringify(intent) }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const intent = intents.get(String(form.payment_intent))
      if (!intent || intent.status !== 'succeeded')
        return error(400, 'This PaymentIntent has no successful charge to refund.')
      const refunded = refunds
        .filter((made) => made.payment_intent === intent.id)
        .reduce((sum, made) => sum + made.amount, 0)
      const amount = form.amount === undefined ? intent.amount - refunded : Number(form.amount)
      if (!Number.isInteger(amount) || amount < 1) return error(400, 'Invalid amount')
      if (refunded + amount > intent.amount)
        return error(
          400,
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${intent.amount - refunded})`,
        )
      const refund = {
        id: id('re'),
        object: 'refund',
        payment_intent: intent.id,
        amount,
        status: 'succeeded',
      }
      refunds.push(refund)
      return { status: 200, body: JSON.stringify(refund) }
    }
    return error(404, `Unrecognized request URL (${method}: ${path})`)
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (settings.delayMs) await new Promise((resolve) => setTimeout(resolve, settings.delayMs))
    const url = new URL(req.url ?? '/', 'http://stand-in')
    let answer: { status: number; body: string }
    if (req.headers.authorization !== `Bearer ${STAND_IN_SECRET_KEY}`) {
      answer = error(401, 'Invalid API Key provided', 'invalid_request_error')
    } else {
      const key = req.headers['idempotency-key']
      const replay = typeof key === 'string' ? replays.get(key) : undefined
      answer =
        replay ??
        route(req.method ?? 'GET', url.pathname, parseForm(Buffer.concat(chunks).toString('utf8')))
      if (typeof key === 'string' && !replay && req.method === 'POST') replays.set(key, answer)
    }
    res
      .writeHead(answer.status, { 'content-type': 'application/json', 'request-id': id('req') })
      .end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const signer = new Stripe(STAND_IN_SECRET_KEY)

  return {
    apiUrl: `http://127.0.0.1:${port}`,
    intents,
    refunds,
    settings,
    /** The card went through (3-D Secure and all): the intent succeeded. */
    succeed(intentId: string) {
      const intent = intents.get(intentId)!
      intent.status = 'succeeded'
      intent.amount_received = intent.amount
      return intent
    },
    /** The bank declined the card: the intent waits for another payment method. */
    decline(intentId: string) {
      const intent = intents.get(intentId)!
      intent.status = 'requires_payment_method'
      intent.last_payment_error = {
        code: 'card_declined',
        message: 'Your card was declined.',
        type: 'card_error',
      }
      return intent
    },
    /** The event Stripe would send about `intent`, as body and Stripe-Signature header. */
    event(type: string, intent: Intent, secret = STAND_IN_WEBHOOK_SECRET) {
      const payload = JSON.stringify({
        id: id('evt'),
        object: 'event',
        api_version: '2026-11-18.endive',
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        data: { object: { ...intent } },
      })
      const signature = signer.webhooks.generateTestHeaderString({ payload, secret })
      return { payload, signature }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

import { createHmac, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

// A local stand-in for the part of Stripe's HTTP API the store uses: Checkout Sessions (create,
// retrieve, expire) with their hosted payment page, PaymentIntents (create, retrieve, cancel) and
// refunds (whole or partial, never more than was paid); form-encoded requests with bracketed
// keys, Bearer keys, Idempotency-Key replays and Stripe's error shape. The Stripe SDK reaches it
// through its host, port and protocol settings (STRIPE_API_URL).
//
// The hosted page (a session's `url`) is a plain form where a person or a test enters one of
// Stripe's test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined, 4000 0027 6000
// 3184 asks for 3-D Secure first. Paying completes the session, sends the shopper to its
// `success_url` and posts `checkout.session.completed` to `webhookUrl`, signed as Stripe signs
// (`Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`). Tests can also move an intent or
// a session by hand and get the matching event to deliver themselves.

export const STAND_IN_SECRET_KEY = 'sk_test_standin0000000000000000'
export const STAND_IN_WEBHOOK_SECRET = 'whsec_standin000000000000000000'

type Session = {
  id: string
  object: 'checkout.session'
  mode: 'payment'
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  amount_subtotal: number
  amount_total: number
  currency: string
  client_reference_id: string | null
  customer_email: string | null
  metadata: Record<string, string>
  payment_intent: string | null
  success_url: string
  cancel_url: string | null
  url: string | null
  expires_at: number
  created: number
  livemode: false
}

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

const TEST_CARDS = {
  '4242424242424242': 'pays',
  '4000000000000002': 'declined',
  '4000002760003184': '3ds',
} as const

/** Stripe takes the secret key as a Bearer token or as Basic auth's user name (curl -u sk_…:). */
function isStandInKey(authorization: string | undefined) {
  if (authorization === `Bearer ${STAND_IN_SECRET_KEY}`) return true
  const basic = authorization?.match(/^Basic (.+)$/)?.[1]
  return basic ? Buffer.from(basic, 'base64').toString('utf8') === `${STAND_IN_SECRET_KEY}:` : false
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** Stripe's webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export function signWebhook(payload: string, secret: string, at = Math.floor(Date.now() / 1000)) {
  const v1 = createHmac('sha256', secret).update(`${at}.${payload}`).digest('hex')
  return `t=${at},v1=${v1}`
}

export async function startStripeStandIn(
  options: {
    /** Where `checkout.session.*` events are posted; unset, they are only recorded. */
    webhookUrl?: string
    webhookSecret?: string
    port?: number
    host?: string
  } = {},
) {
  const webhookSecret = options.webhookSecret ?? STAND_IN_WEBHOOK_SECRET
  const sessions = new Map<string, Session>()
  const intentMetadata = new Map<string, Record<string, string>>()
  const delivered: Array<{ type: string; status: number }> = []
  const intents = new Map<string, Intent>()
  const refunds: Array<{ id: string; payment_intent: string; amount: number }> = []
  const replays = new Map<string, { status: number; body: string }>()
  const settings = { delayMs: 0 }

  function error(status: number, message: string, type = 'invalid_request_error') {
    return { status, body: JSON.stringify({ error: { type, message } }) }
  }

  function createIntent(amount: number, currency: string, metadata: Record<string, string>) {
    const intent: Intent = {
      id: id('pi'),
      object: 'payment_intent',
      amount,
      amount_received: 0,
      currency,
      status: 'requires_payment_method',
      client_secret: '',
      metadata,
      description: null,
      receipt_email: null,
      last_payment_error: null,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
    }
    intent.client_secret = `${intent.id}_secret_${randomBytes(8).toString('hex')}`
    intents.set(intent.id, intent)
    return intent
  }

  function createSession(form: Record<string, unknown>) {
    if (form.mode !== 'payment') return error(400, 'This stand-in only knows mode=payment')
    if (typeof form.success_url !== 'string')
      return error(400, 'Missing required param: success_url.')
    const lines = Object.values((form.line_items ?? {}) as Record<string, Record<string, unknown>>)
    if (!lines.length) return error(400, 'Missing required param: line_items.')
    let total = 0
    let currency = ''
    for (const line of lines) {
      const price = (line.price_data ?? {}) as Record<string, unknown>
      const unit = Number(price.unit_amount)
      const quantity = Number(line.quantity ?? 1)
      if (!Number.isInteger(unit) || unit < 0 || !Number.isInteger(quantity) || quantity < 1)
        return error(400, 'Invalid line_items: unit_amount and quantity must be integers')
      if (currency && price.currency !== currency)
        return error(400, 'All line_items must share one currency')
      currency = String(price.currency)
      total += unit * quantity
    }
    if (total < 50)
      return error(400, "The Checkout Session's total amount due must add up to at least $0.50 usd")
    const now = Math.floor(Date.now() / 1000)
    const expiresAt = form.expires_at === undefined ? now + 24 * 3600 : Number(form.expires_at)
    if (expiresAt < now + 30 * 60 - 5 || expiresAt > now + 24 * 3600 + 5)
      return error(
        400,
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      )
    const session: Session = {
      id: `cs_test_${randomBytes(16).toString('hex')}`,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: total,
      amount_total: total,
      currency,
      client_reference_id:
        typeof form.client_reference_id === 'string' ? form.client_reference_id : null,
      customer_email: typeof form.customer_email === 'string' ? form.customer_email : null,
      metadata: (form.metadata ?? {}) as Record<string, string>,
      payment_intent: null,
      success_url: form.success_url,
      cancel_url: typeof form.cancel_url === 'string' ? form.cancel_url : null,
      url: null,
      expires_at: expiresAt,
      created: now,
      livemode: false,
    }
    session.url = `${base.url}/c/pay/${session.id}`
    const paymentData = (form.payment_intent_data ?? {}) as Record<string, unknown>
    intentMetadata.set(session.id, (paymentData.metadata ?? {}) as Record<string, string>)
    sessions.set(session.id, session)
    return { status: 200, body: JSON.stringify(session) }
  }

  /** A session past its `expires_at` is expired, as Stripe finds it on its next look. */
  function current(session: Session) {
    if (session.status === 'open' && session.expires_at * 1000 <= Date.now()) expire(session)
    return session
  }

  function expire(session: Session) {
    session.status = 'expired'
    session.url = null
    void deliver('checkout.session.expired', session)
  }

  function route(method: string, path: string, form: Record<string, unknown>) {
    if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(form)
    const checkout = path.match(/^\/v1\/checkout\/sessions\/(\w+)(\/expire)?$/)
    if (checkout) {
      const session = sessions.get(checkout[1]!)
      if (!session) return error(404, `No such checkout.session: '${checkout[1]}'`)
      current(session)
      if (checkout[2] && method === 'POST') {
        if (session.status !== 'open')
          return error(400, 'Only Checkout Sessions with a status in ["open"] can be expired.')
        expire(session)
      }
      return { status: 200, body: JSON.stringify(session) }
    }
    if (method === 'POST' && path === '/v1/payment_intents') {
      const amount = Number(form.amount)
      if (!Number.isInteger(amount) || amount < 50) return error(400, 'Invalid amount')
      const intent = createIntent(
        amount,
        String(form.currency),
        (form.metadata ?? {}) as Record<string, string>,
      )
      intent.description = typeof form.description === 'string' ? form.description : null
      intent.receipt_email = typeof form.receipt_email === 'string' ? form.receipt_email : null
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

  /** The card went through: the session's PaymentIntent succeeded and the session is complete. */
  function completeSession(session: Session) {
    const intent = createIntent(
      session.amount_total,
      session.currency,
      intentMetadata.get(session.id) ?? {},
    )
    intent.status = 'succeeded'
    intent.amount_received = intent.amount
    session.status = 'complete'
    session.payment_status = 'paid'
    session.payment_intent = intent.id
    session.url = null
    void deliver('checkout.session.completed', session)
    return session
  }

  function eventOf(type: string, object: object) {
    const payload = JSON.stringify({
      id: id('evt'),
      object: 'event',
      api_version: '2026-11-18.endive',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: { ...object } },
    })
    return { payload, signature: signWebhook(payload, webhookSecret) }
  }

  /** Posts the event to the app, as Stripe does, retrying a failed delivery a few times. */
  async function deliver(type: string, object: object) {
    if (!options.webhookUrl) return
    const { payload, signature } = eventOf(type, object)
    for (let attempt = 0; attempt < 5; attempt++) {
      const status = await fetch(options.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body: payload,
      })
        .then((response) => response.status)
        .catch(() => 0)
      delivered.push({ type, status })
      if (status >= 200 && status < 300) return
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt))
    }
  }

  function page(res: http.ServerResponse, status: number, title: string, body: string) {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-inline-size:28rem;margin-inline:auto;padding:1.5rem}
label,input,button{display:block;inline-size:100%;margin-block:.4rem}input,button{padding:.6rem;font-size:1rem}
[role=alert]{color:#a00;font-weight:600}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    )
  }

  function money(session: Session) {
    return `${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}`
  }

  function cardForm(session: Session, problem?: string) {
    return `<p>Test mode stand-in of Stripe Checkout.</p>
<p>Pay <strong data-testid="amount">${escapeHtml(money(session))}</strong>${session.customer_email ? ` as ${escapeHtml(session.customer_email)}` : ''}.</p>
${problem ? `<p role="alert" id="card-error">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/c/pay/${session.id}">
<label for="cardNumber">Card number</label>
<input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" required placeholder="4242 4242 4242 4242">
<label for="cardExpiry">Expiry (MM / YY)</label>
<input id="cardExpiry" name="cardExpiry" autocomplete="cc-exp" required placeholder="12 / 34">
<label for="cardCvc">CVC</label>
<input id="cardCvc" name="cardCvc" inputmode="numeric" autocomplete="cc-csc" required placeholder="123">
<button type="submit" id="submit">Pay</button>
</form>
${session.cancel_url ? `<p><a id="back" href="${escapeHtml(fill(session.cancel_url, session))}">← Back to the store</a></p>` : ''}`
  }

  const fill = (url: string, session: Session) =>
    url.replaceAll('{CHECKOUT_SESSION_ID}', session.id)

  /** The hosted page: GET shows the card form; POST pays, declines or asks for 3-D Secure. */
  function hostedPage(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    sessionId: string,
    step: string | undefined,
    form: URLSearchParams,
  ) {
    const session = sessions.get(sessionId)
    if (!session)
      return page(
        res,
        404,
        'Something went wrong',
        '<p>The page you were looking for could not be found.</p>',
      )
    current(session)
    if (session.status !== 'open')
      return page(
        res,
        410,
        'This Checkout Session is no longer active',
        '<p>Go back to the store to try again.</p>',
      )
    if (req.method !== 'POST') return page(res, 200, 'Pay by card', cardForm(session))
    const pay = () => {
      completeSession(session)
      res.writeHead(303, { location: fill(session.success_url, session) }).end()
    }
    if (step === '3ds') {
      if (form.get('outcome') === 'complete') return pay()
      return page(
        res,
        402,
        'Pay by card',
        cardForm(
          session,
          'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
        ),
      )
    }
    const number = (form.get('cardNumber') ?? '').replace(/[\s-]/g, '')
    const card = TEST_CARDS[number as keyof typeof TEST_CARDS]
    if (!card)
      return page(res, 402, 'Pay by card', cardForm(session, 'Your card number is invalid.'))
    if (card === 'declined')
      return page(res, 402, 'Pay by card', cardForm(session, 'Your card was declined.'))
    if (card === 'pays') return pay()
    return page(
      res,
      200,
      '3D Secure 2 Test Page',
      `<p>This is a test authentication page. Complete it to pay ${escapeHtml(money(session))}.</p>
<form method="post" action="/c/pay/${session.id}/3ds"><input type="hidden" name="outcome" value="complete"><button type="submit" id="complete-auth">Complete authentication</button></form>
<form method="post" action="/c/pay/${session.id}/3ds"><input type="hidden" name="outcome" value="fail"><button type="submit" id="fail-auth">Fail authentication</button></form>`,
    )
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (settings.delayMs) await new Promise((resolve) => setTimeout(resolve, settings.delayMs))
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const raw = Buffer.concat(chunks).toString('utf8')
    const hosted = url.pathname.match(/^\/c\/pay\/(cs_\w+)(?:\/(3ds))?$/)
    if (hosted) return hostedPage(req, res, hosted[1]!, hosted[2], new URLSearchParams(raw))
    let answer: { status: number; body: string }
    if (!isStandInKey(req.headers.authorization)) {
      answer = error(401, 'Invalid API Key provided', 'invalid_request_error')
    } else {
      const key = req.headers['idempotency-key']
      const replay = typeof key === 'string' ? replays.get(key) : undefined
      answer = replay ?? route(req.method ?? 'GET', url.pathname, parseForm(raw))
      if (typeof key === 'string' && !replay && req.method === 'POST') replays.set(key, answer)
    }
    res
      .writeHead(answer.status, { 'content-type': 'application/json', 'request-id': id('req') })
      .end(answer.body)
  })
  const base = { url: '' }
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  )
  const { port } = server.address() as AddressInfo
  base.url = `http://${options.host ?? '127.0.0.1'}:${port}`

  return {
    apiUrl: base.url,
    sessions,
    intents,
    refunds,
    delivered,
    settings,
    /** The shopper paid on the hosted page (3-D Secure and all); no webhook is delivered for it here unless `webhookUrl` is set. */
    completeSession(sessionId: string) {
      return completeSession(sessions.get(sessionId)!)
    },
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
    /** The event Stripe would send about `object`, as body and Stripe-Signature header. */
    event(type: string, object: object, secret = webhookSecret) {
      const event = eventOf(type, object)
      return secret === webhookSecret
        ? event
        : { payload: event.payload, signature: signWebhook(event.payload, secret) }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

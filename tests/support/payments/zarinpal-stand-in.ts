import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

// A local stand-in for a Zarinpal-protocol gateway: the REST API (request.json, verify.json,
// reverse.json, JSON in and out, the gateway's codes) and the payment page (/pg/StartPay/:authority)
// where a person pays or cancels with plain forms, then is sent to the callback with
// `Authority` and `Status=OK|NOK`, as the real gateway does. Tests can also pay, decline, slow
// the API down or break verify.

export const STAND_IN_MERCHANT_ID = '1344b5d4-0048-11e8-94db-005056a205be'

type Payment = {
  authority: string
  amount: number
  callbackUrl: string
  state: 'new' | 'paid' | 'declined' | 'verified' | 'reversed'
  refId: number
  verifyCalls: number
}

export type ZarinpalStandIn = Awaited<ReturnType<typeof startZarinpalStandIn>>

export async function startZarinpalStandIn(options: { port?: number; host?: string } = {}) {
  const payments = new Map<string, Payment>()
  const settings = { delayMs: 0, verifyBroken: false }
  let nextRef = 100_000

  function send(res: http.ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json' }).end(text)
  }
  const ok = (res: http.ServerResponse, data: unknown) => send(res, 200, { data, errors: [] })
  const refuse = (res: http.ServerResponse, code: number, message: string) =>
    send(res, code === -9 ? 422 : 400, { data: [], errors: { code, message, validations: [] } })

  function finish(payment: Payment, paid: boolean, res: http.ServerResponse) {
    if (payment.state === 'new') payment.state = paid ? 'paid' : 'declined'
    const target = new URL(payment.callbackUrl)
    target.searchParams.set('Authority', payment.authority)
    target.searchParams.set('Status', payment.state === 'declined' ? 'NOK' : 'OK')
    res.writeHead(302, { location: target.toString() }).end()
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://stand-in')
    if (settings.delayMs) await new Promise((resolve) => setTimeout(resolve, settings.delayMs))

    const page = url.pathname.match(/^\/pg\/StartPay\/([A-Za-z0-9]+)(?:\/(pay|cancel))?$/)
    if (page) {
      const payment = payments.get(page[1]!)
      if (!payment) return void res.writeHead(404).end('Unknown payment')
      if (req.method === 'POST' && page[2]) return finish(payment, page[2] === 'pay', res)
      const amount = payment.amount.toLocaleString('en-US')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><title>Gateway stand-in</title></head><body>
<main><h1>Gateway stand-in</h1><p>Amount: <span id="amount">${amount}</span> IRR</p>
<form method="post" action="/pg/StartPay/${payment.authority}/pay"><button id="pay" type="submit">Pay</button></form>
<form method="post" action="/pg/StartPay/${payment.authority}/cancel"><button id="cancel" type="submit">Cancel</button></form>
</main></body></html>`,
      )
      return
    }

    if (req.method !== 'POST') return void res.writeHead(404).end()
    let body: Record<string, unknown>
    try {
      body = JSON.parse(raw) as Record<string, unknown>
    } catch {
      return refuse(res, -9, 'The input params invalid, validation error.')
    }
    if (body.merchant_id !== STAND_IN_MERCHANT_ID) return refuse(res, -10, 'Terminal is not valid.')

    if (url.pathname === '/pg/v4/payment/request.json') {
      const amount = body.amount
      if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1000)
        return refuse(res, -9, 'The input params invalid, validation error.')
      if (typeof body.callback_url !== 'string')
        return refuse(res, -9, 'The input params invalid, validation error.')
      const authority = `A${randomBytes(18).toString('hex').toUpperCase().slice(0, 35)}`
      payments.set(authority, {
        authority,
        amount,
        callbackUrl: body.callback_url,
        state: 'new',
        refId: 0,
        verifyCalls: 0,
      })
      return ok(res, { code: 100, message: 'Success', authority, fee_type: 'Merchant', fee: 0 })
    }

    if (url.pathname === '/pg/v4/payment/verify.json') {
      const payment = payments.get(String(body.authority))
      if (!payment) return refuse(res, -55, 'Session is not valid, session is not active paid try.')
      payment.verifyCalls++
      if (settings.verifyBroken)
        return void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>')
      if (body.amount !== payment.amount)
        return refuse(res, -50, 'Session is not valid, amounts values is not the same.')
      if (payment.state === 'verified')
        return ok(res, {
          code: 101,
          message: 'Verified',
          ref_id: payment.refId,
          card_pan: '502229******5995',
        })
      if (payment.state !== 'paid')
        return refuse(res, -51, 'Session is not valid, session is not active paid try.')
      payment.state = 'verified'
      payment.refId = nextRef++
      return ok(res, {
        code: 100,
        message: 'Paid',
        ref_id: payment.refId,
        card_pan: '502229******5995',
        card_hash: 'stand-in',
        fee_type: 'Merchant',
        fee: 0,
      })
    }

    if (url.pathname === '/pg/v4/payment/reverse.json') {
      const payment = payments.get(String(body.authority))
      if (!payment || payment.state !== 'verified')
        return refuse(res, -63, 'Maximum time for reverse this session is expired.')
      payment.state = 'reversed'
      return ok(res, { code: 100, message: 'Reversed' })
    }
    res.writeHead(404).end()
  })

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  )
  const { port } = server.address() as AddressInfo
  const base = `http://127.0.0.1:${port}`
  return {
    apiUrl: base,
    gatewayUrl: `${base}/pg/StartPay/`,
    payments,
    settings,
    /** The shopper pays (or cancels) on the gateway's page: the callback URL they are sent to. */
    complete(authority: string, paid: boolean) {
      const payment = payments.get(authority)
      if (!payment) throw new Error(`No payment ${authority}`)
      if (payment.state === 'new') payment.state = paid ? 'paid' : 'declined'
      const target = new URL(payment.callbackUrl)
      target.searchParams.set('Authority', authority)
      target.searchParams.set('Status', payment.state === 'declined' ? 'NOK' : 'OK')
      return target
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

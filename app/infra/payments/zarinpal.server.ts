import http from 'node:http'
import https from 'node:https'
import { z } from 'zod'

// A client of a Zarinpal-protocol bank gateway (REST v4, JSON over HTTPS): ask for a payment
// (`request.json` → an authority), send the shopper to the gateway's page with it, and on their
// return confirm it (`verify.json`). A payment that is never verified is given back to the payer
// by the gateway; `reverse.json` gives back one verified within the last half hour.
// Requests go through node:http with a keep-alive agent and a hard timeout.

export type ZarinpalConfig = {
  merchantId: string
  apiUrl: string
  gatewayUrl: string
  /** How long one call may take before it counts as failed. */
  timeoutMs?: number
}

/** The gateway refused (a negative code) or answered something this client cannot read. */
export class ZarinpalError extends Error {
  override name = 'ZarinpalError'
  constructor(
    message: string,
    readonly code: number | null,
  ) {
    super(message)
  }
}

const ErrorsSchema = z.object({ code: z.number(), message: z.string().default('') })
const AnswerSchema = z.object({
  data: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  errors: z.union([ErrorsSchema, z.array(z.unknown()), z.record(z.string(), z.unknown())]),
})
const RequestDataSchema = z.object({ code: z.number(), authority: z.string().min(1) })
const VerifyDataSchema = z.object({
  code: z.number(),
  ref_id: z.union([z.number(), z.string()]).optional(),
  card_pan: z.string().optional(),
})

const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
}

function post(
  url: URL,
  body: unknown,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body)
  const transport = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    request.on('timeout', () =>
      request.destroy(new ZarinpalError(`The gateway did not answer within ${timeoutMs} ms`, null)),
    )
    request.on('error', reject)
    request.end(payload)
  })
}

export function createZarinpalClient(config: ZarinpalConfig) {
  const timeoutMs = config.timeoutMs ?? 10_000
  async function call(path: string, body: Record<string, unknown>) {
    const { text } = await post(
      new URL(path, config.apiUrl),
      { merchant_id: config.merchantId, ...body },
      timeoutMs,
    )
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new ZarinpalError('The gateway answered something other than JSON', null)
    }
    const answer = AnswerSchema.safeParse(json)
    if (!answer.success) throw new ZarinpalError('The gateway’s answer has an unknown shape', null)
    const refusal = ErrorsSchema.safeParse(answer.data.errors)
    if (refusal.success)
      throw new ZarinpalError(refusal.data.message || 'The gateway refused', refusal.data.code)
    return answer.data.data
  }

  return {
    /** Asks for a payment of `amount` rials; returns its authority. */
    async request(input: {
      amount: number
      callbackUrl: string
      description: string
      email?: string
      orderId: string
    }) {
      const data = RequestDataSchema.safeParse(
        await call('/pg/v4/payment/request.json', {
          amount: input.amount,
          currency: 'IRR',
          callback_url: input.callbackUrl,
          description: input.description,
          metadata: { email: input.email, order_id: input.orderId },
        }),
      )
      if (!data.success || data.data.code !== 100)
        throw new ZarinpalError('The gateway did not give an authority', data.data?.code ?? null)
      return { authority: data.data.authority }
    },

    /** The gateway's page that takes the payment of `authority`. */
    paymentUrl(authority: string) {
      return `${config.gatewayUrl.replace(/\/?$/, '/')}${encodeURIComponent(authority)}`
    },

    /**
     * Confirms the payment of `authority` for exactly `amount` rials. Resolves when the money is
     * the merchant's (code 100, or 101: verified before); throws ZarinpalError otherwise.
     */
    async verify(input: { amount: number; authority: string }) {
      const data = VerifyDataSchema.safeParse(
        await call('/pg/v4/payment/verify.json', {
          amount: input.amount,
          authority: input.authority,
        }),
      )
      if (!data.success || (data.data.code !== 100 && data.data.code !== 101))
        throw new ZarinpalError('The gateway did not verify the payment', data.data?.code ?? null)
      return {
        alreadyVerified: data.data.code === 101,
        refId: data.data.ref_id === undefined ? null : String(data.data.ref_id),
        cardPan: data.data.card_pan ?? null,
      }
    },

    /** Gives a verified payment back to the payer (the gateway allows it for half an hour). */
    async reverse(input: { authority: string }) {
      const data = z
        .object({ code: z.number() })
        .safeParse(await call('/pg/v4/payment/reverse.json', { authority: input.authority }))
      if (!data.success || data.data.code !== 100)
        throw new ZarinpalError('The gateway did not reverse the payment', data.data?.code ?? null)
    },
  }
}

export type ZarinpalClient = ReturnType<typeof createZarinpalClient>

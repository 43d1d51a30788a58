import { getEnv } from '~/infra/env.server.ts'
import {
  createZarinpalClient,
  ZarinpalError,
  type ZarinpalClient,
} from '~/infra/payments/zarinpal.server.ts'
import { minorUnitFactor } from '~/utils/money.ts'
import type { PaymentOrder, PaymentProvider } from './provider.server.ts'

// A redirect-and-verify bank gateway on Zarinpal's protocol, for stores in rials: `start` asks
// for a payment and sends the shopper to the gateway; they come back to /payments/zarinpal/return
// (gateway-return.server.ts), where the payment is verified. The authority is the order's
// payment reference. No webhook: a shopper who never comes back is checked before the order's
// hold is released (`check`).

export const ZARINPAL_RETURN_PATH = '/payments/zarinpal/return'

let client: { key: string; client: ZarinpalClient } | undefined

export function zarinpalClient(): ZarinpalClient {
  const env = getEnv()
  if (!env.ZARINPAL_MERCHANT_ID) throw new Error('ZARINPAL_MERCHANT_ID is not set')
  const key = [env.ZARINPAL_MERCHANT_ID, env.ZARINPAL_API_URL, env.ZARINPAL_GATEWAY_URL].join(' ')
  if (client?.key !== key)
    client = {
      key,
      client: createZarinpalClient({
        merchantId: env.ZARINPAL_MERCHANT_ID,
        apiUrl: env.ZARINPAL_API_URL,
        gatewayUrl: env.ZARINPAL_GATEWAY_URL,
        timeoutMs: env.PAYMENT_TIMEOUT_MS,
      }),
    }
  return client.client
}

/** The gateway counts in whole rials. */
export function rialsOf(order: Pick<PaymentOrder, 'amount' | 'currency'>) {
  if (order.currency !== 'IRR') throw new Error(`Zarinpal takes IRR, not ${order.currency}`)
  return Math.round(order.amount / minorUnitFactor('IRR'))
}

/** Codes of a payment that did not go through (as opposed to a gateway that could not answer). */
export function isUnpaidAnswer(error: unknown) {
  return error instanceof ZarinpalError && error.code !== null && error.code < 0
}

export const zarinpalProvider: PaymentProvider = {
  id: 'zarinpal',
  label: 'Bank card (Shetab) via Zarinpal',
  description: 'Pay on the bank gateway’s secure page, then come back to the store.',
  settles: 'provider',
  isAvailable: ({ currency }) => currency === 'IRR',
  pageOrigins: () => [new URL(getEnv().ZARINPAL_GATEWAY_URL).origin],
  async start(order) {
    const gateway = zarinpalClient()
    const { authority } = await gateway.request({
      amount: rialsOf(order),
      callbackUrl: new URL(ZARINPAL_RETURN_PATH, getEnv().appUrl).toString(),
      description: `Order ${order.number}`,
      email: order.email,
      orderId: order.id,
    })
    return { kind: 'redirect', url: gateway.paymentUrl(authority), reference: authority }
  },
  async check(order) {
    try {
      await zarinpalClient().verify({ amount: rialsOf(order), authority: order.reference })
      return { paid: true, reference: order.reference }
    } catch (error) {
      if (isUnpaidAnswer(error)) return { paid: false }
      throw error
    }
  },
  async refund(order) {
    await zarinpalClient().reverse({ authority: order.reference })
  },
}

import { createHmac, timingSafeEqual } from 'node:crypto'
import { getEnv } from '~/infra/env.server.ts'

// The link in a guest's order emails: the order page with `?access=` an HMAC of the order's id
// under the session secret. It opens that order and no other, needs no account, and cannot be
// made up from the order number; rotating the secret (a new first secret) keeps old links working
// while the old secret stays in the list.

export const ACCESS_PARAM = 'access'

function sign(secret: string, orderId: string) {
  return createHmac('sha256', secret).update(`order-access:${orderId}`).digest('base64url')
}

/** The token that opens the order `orderId` (signed with the current secret). */
export function orderAccessToken(orderId: string) {
  const [secret] = getEnv().sessionSecrets
  return sign(secret!, orderId)
}

/** Whether `token` opens the order `orderId`, under any of the configured secrets. */
export function isOrderAccessToken(orderId: string, token: unknown): boolean {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false
  const given = Buffer.from(token)
  return getEnv().sessionSecrets.some((secret) =>
    timingSafeEqual(given, Buffer.from(sign(secret, orderId))),
  )
}

/** The app path of a guest's order page, with its access token (no language prefix). */
export function guestOrderPath(number: string, orderId: string) {
  return `/orders/${number}?${new URLSearchParams({ [ACCESS_PARAM]: orderAccessToken(orderId) })}`
}

/** The path an order's emails link to: the signed link for a guest's order, else the order page. */
export function orderPathFor(order: { number: string; id: string; userId: string | null }) {
  return order.userId ? `/orders/${order.number}` : guestOrderPath(order.number, order.id)
}

import { consumeOrWait, createLimiter } from '~/infra/rate-limit.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { placeOrderAs, type PlaceOptions, type PlacedOrder } from './checkout.server.ts'
import type { CheckoutInput } from './schemas.ts'

// Checkout without an account: the guest's cart (its cookie) is placed with only an email, under
// the checkout's own rules (stock, idempotency, the total the page showed). Every attempt counts
// against the client's IP and against the email, so nobody can place orders in bulk or fill a
// stranger's inbox with confirmations.

export const GUEST_CHECKOUT_LIMITS = {
  perIp: { points: 20, durationSeconds: 60 * 60 },
  perEmail: { points: 8, durationSeconds: 60 * 60 },
}

const limiters = singleton('guest-checkout-limiters', () => ({
  byIp: createLimiter({ name: 'guest-checkout-ip', ...GUEST_CHECKOUT_LIMITS.perIp }),
  byEmail: createLimiter({ name: 'guest-checkout-email', ...GUEST_CHECKOUT_LIMITS.perEmail }),
}))

/** Too many guest checkouts from this IP or to this email; `retryAt` says when to try again. */
export class GuestCheckoutLimitError extends DomainError {
  override name = 'GuestCheckoutLimitError'
  declare readonly retryAt: Date
  constructor(retryAt: Date) {
    super(
      'rate-limited',
      'too-many-orders',
      'Too many orders were tried from here or with this email. Please wait a while and try again.',
      { retryAt },
    )
  }
}

export type Guest = {
  /** The cart cookie's token: the cart that is checked out. */
  guestToken: string
  /** Lower-cased; the order is tied to it, and its emails go to it. */
  email: string
  clientIp: string
}

/** Places the guest's cart as an order (see placeOrder), after counting the attempt. */
export async function placeGuestOrder(
  guest: Guest,
  input: CheckoutInput,
  options: PlaceOptions = {},
): Promise<PlacedOrder> {
  const email = guest.email.trim().toLowerCase()
  const waitIp = await consumeOrWait(limiters.byIp, guest.clientIp)
  if (waitIp > 0) throw new GuestCheckoutLimitError(new Date(Date.now() + waitIp))
  const waitEmail = await consumeOrWait(limiters.byEmail, email)
  if (waitEmail > 0) throw new GuestCheckoutLimitError(new Date(Date.now() + waitEmail))
  return placeOrderAs({ guestToken: guest.guestToken, email }, input, options)
}

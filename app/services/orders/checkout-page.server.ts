import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { listAddresses, type SavedAddress } from './addresses.server.ts'
import { getCart, type CartView } from './cart.server.ts'
import type { CartOwner } from './cart-owner.server.ts'
import { enabledPaymentProviders, type PaymentProvider } from './payments/index.server.ts'
import { SHIPPING_METHODS, shippingCost, type ShippingMethod } from './shipping.ts'
import { customerKeyOf, evaluatePromo } from '~/services/promos/promos.server.ts'
import type { CartPromo } from '~/services/promos/totals.ts'

// What the checkout page shows: the cart, the addresses and delivery options, the totals.

export type CheckoutPage = {
  /** The account's email; null for a guest, who types one. */
  email: string | null
  cart: CartView
  addresses: SavedAddress[]
  shippingMethods: Array<ShippingMethod & { price: number }>
  paymentMethods: Array<Pick<PaymentProvider, 'id' | 'label' | 'description'>>
  currency: string
  /** The cart's promo code: applied, or why not (a guest's per-customer limit is checked on placing). */
  promo: CartPromo | null
}

/** The checkout page of an account (its id) or of a guest's cart (null when it has no cart yet). */
export async function getCheckout(
  owner: string | CartOwner | null,
  now: Date = new Date(),
  locale: Locale = 'en',
): Promise<CheckoutPage> {
  const currency = getEnv().STORE_CURRENCY
  const cartOwner: CartOwner | null = typeof owner === 'string' ? { userId: owner } : owner
  const userId = cartOwner && 'userId' in cartOwner ? cartOwner.userId : null
  const [user, cart, addresses] = await Promise.all([
    userId
      ? prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
      : null,
    getCart(cartOwner, now, locale),
    userId ? listAddresses(userId) : [],
  ])
  const promo = cart.promoCode
    ? await evaluatePromo(
        prisma,
        cart.promoCode,
        cart.lines,
        userId ? customerKeyOf({ userId }) : null,
        now,
      )
    : null
  return {
    email: user?.email ?? null,
    cart,
    addresses,
    shippingMethods: SHIPPING_METHODS.map((method) => ({
      ...method,
      price: shippingCost(method, cart.itemsTotal, currency),
    })),
    paymentMethods: enabledPaymentProviders()
      .filter((provider) => provider.isAvailable({ total: cart.itemsTotal, currency }))
      .map(({ id, label, description }) => ({ id, label, description })),
    currency,
    promo,
  }
}

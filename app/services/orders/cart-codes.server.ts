import { prisma } from '~/infra/db.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { lockCart, newCheckoutToken, type CartOwner } from './cart-owner.server.ts'
import { readCart, type CartView } from './cart.server.ts'
import {
  PromoCodeError,
  customerKeyOf,
  evaluatePromo,
  normalizeCode,
} from '~/services/promos/promos.server.ts'
import type { CartPromo } from '~/services/promos/totals.ts'

// The code field of the cart and the checkout: a code is kept on the cart only when it applies
// now; either change gives the cart a new checkout token, so an open checkout page is stale.

/** The account's key for the per-customer limit; a guest's email is known only at checkout. */
function customerKeyFor(owner: CartOwner | null) {
  return owner && 'userId' in owner ? customerKeyOf({ userId: owner.userId }) : null
}

/** The cart's code as it stands now (applied, or why not), or null when none is applied. */
export async function getCartPromo(
  owner: CartOwner | null,
  cart: CartView,
  now: Date = new Date(),
): Promise<CartPromo | null> {
  if (!cart.promoCode) return null
  return evaluatePromo(prisma, cart.promoCode, cart.lines, customerKeyFor(owner), now)
}

/** Applies `typed` to the owner's cart, or throws PromoCodeError with the reason it cannot. */
export async function applyPromoCode(
  owner: CartOwner | null,
  typed: string,
  now: Date = new Date(),
  locale: Locale = 'en',
): Promise<CartPromo> {
  const code = normalizeCode(typed)
  return prisma.$transaction(async (tx) => {
    const cart = owner ? await lockCart(tx, owner, { create: false }) : null
    if (!cart) throw new PromoCodeError('not-for-these-items')
    const view = await readCart(tx, { id: cart.id }, now, locale)
    const promo = await evaluatePromo(tx, code, view.lines, customerKeyFor(owner), now)
    if (promo.refusal) throw new PromoCodeError(promo.refusal.reason, promo.refusal.minOrder)
    await tx.cart.update({
      where: { id: cart.id },
      data: { promoCode: promo.code, checkoutToken: newCheckoutToken() },
    })
    return promo
  })
}

/** Takes the code off the cart; nothing to take off is not an error. */
export async function removePromoCode(owner: CartOwner | null) {
  if (!owner) return
  await prisma.$transaction(async (tx) => {
    const cart = await lockCart(tx, owner, { create: false })
    if (!cart) return
    await tx.cart.updateMany({
      where: { id: cart.id, promoCode: { not: null } },
      data: { promoCode: null, checkoutToken: newCheckoutToken() },
    })
  })
}

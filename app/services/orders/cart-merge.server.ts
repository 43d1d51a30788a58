import { prisma } from '~/infra/db.server.ts'
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './schemas.ts'
import {
  GUEST_CART_DAYS,
  cartCookie,
  lockCart,
  readGuestToken,
  touchCart,
} from './cart-owner.server.ts'

// A guest's cart at sign-in: merged into the account's cart; and old guest carts pruned.

export type MergeResult = { moved: number; combined: number; dropped: number }

/**
 * Moves a guest's cart into the user's cart and deletes the guest cart. The rules:
 * - a variant only in the guest cart moves over as it is (with the price the guest saw);
 * - a variant in both gets the sum of the quantities, at most MAX_LINE_QUANTITY, and the price
 *   the guest saw (the more recent look);
 * - lines beyond MAX_CART_LINES are dropped;
 * - stock is not checked here: the cart shows lines that lack it, and checkout refuses them.
 */
export async function mergeGuestCart(guestToken: string, userId: string): Promise<MergeResult> {
  return prisma.$transaction(async (tx) => {
    const result: MergeResult = { moved: 0, combined: 0, dropped: 0 }
    const guest = await lockCart(tx, { guestToken }, { create: false })
    if (!guest) return result
    const items = await tx.cartItem.findMany({
      where: { cartId: guest.id },
      orderBy: { createdAt: 'asc' },
    })
    if (items.length) {
      const cart = (await lockCart(tx, { userId }, { create: true }))!
      const existing = new Map(
        (await tx.cartItem.findMany({ where: { cartId: cart.id } })).map((item) => [
          item.variantId,
          item,
        ]),
      )
      let lines = existing.size
      for (const item of items) {
        const mine = existing.get(item.variantId)
        if (mine) {
          await tx.cartItem.update({
            where: { id: mine.id },
            data: {
              quantity: Math.min(MAX_LINE_QUANTITY, mine.quantity + item.quantity),
              seenPrice: item.seenPrice,
            },
          })
          result.combined++
        } else if (lines < MAX_CART_LINES) {
          await tx.cartItem.create({
            data: {
              cartId: cart.id,
              variantId: item.variantId,
              quantity: item.quantity,
              seenPrice: item.seenPrice,
            },
          })
          lines++
          result.moved++
        } else {
          result.dropped++
        }
      }
      await touchCart(tx, cart.id)
    }
    await tx.cart.delete({ where: { id: guest.id } })
    return result
  })
}

/**
 * For the sign-in and registration actions: merges the browser's guest cart (if any) into the
 * user's cart and returns the Set-Cookie header that forgets the guest cart, or null.
 */
export async function adoptGuestCart(request: Request, userId: string): Promise<string | null> {
  const guestToken = await readGuestToken(request)
  if (!guestToken) return null
  await mergeGuestCart(guestToken, userId)
  return cartCookie.serialize('', { maxAge: 0 })
}

/** Deletes guest carts nobody touched for GUEST_CART_DAYS (their cookie has expired too). */
export async function pruneGuestCarts(now: Date = new Date()) {
  const { count } = await prisma.cart.deleteMany({
    where: {
      userId: null,
      updatedAt: { lt: new Date(now.getTime() - GUEST_CART_DAYS * 24 * 60 * 60 * 1000) },
    },
  })
  return count
}

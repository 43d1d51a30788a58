import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import type { Tx } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { getUser } from '~/services/accounts/auth.server.ts'

// Whose cart: an account's, or a guest's by the signed cookie's token (only its hash is stored);
// and the cart row's lock every change takes first.

export const GUEST_CART_DAYS = 60

export const cartCookie = singleton('cart-cookie', () => {
  const env = getEnv()
  return createCookie(env.https ? '__Host-shikposh_cart' : 'shikposh_cart', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.https,
    path: '/',
    secrets: env.sessionSecrets,
    maxAge: GUEST_CART_DAYS * 24 * 60 * 60,
  })
})

/** Whose cart: a signed-in user's, or the guest's named by the cart cookie's token. */
export type CartOwner = { userId: string } | { guestToken: string }

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const newCheckoutToken = () => randomBytes(16).toString('base64url')

export async function readGuestToken(request: Request): Promise<string | null> {
  const token: unknown = await cartCookie.parse(request.headers.get('Cookie'))
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null
}

/** The cart owner of this request, or null for a guest who has no cart cookie yet. */
export async function getCartOwner(request: Request): Promise<CartOwner | null> {
  const user = await getUser(request)
  if (user) return { userId: user.id }
  const guestToken = await readGuestToken(request)
  return guestToken ? { guestToken } : null
}

/**
 * The cart owner for a change to the cart: a guest without a cookie gets a new random token,
 * and `setCookie` is the header to send with the response (null when nothing new to set).
 */
export async function requireCartOwner(
  request: Request,
): Promise<{ owner: CartOwner; setCookie: string | null }> {
  const owner = await getCartOwner(request)
  if (owner)
    return {
      owner,
      setCookie: 'guestToken' in owner ? await cartCookie.serialize(owner.guestToken) : null,
    }
  const guestToken = randomBytes(32).toString('base64url')
  return { owner: { guestToken }, setCookie: await cartCookie.serialize(guestToken) }
}

export function ownerWhere(owner: CartOwner): { userId: string } | { tokenHash: string } {
  return 'userId' in owner ? { userId: owner.userId } : { tokenHash: hashToken(owner.guestToken) }
}

/** Locks the owner's cart row for the rest of the transaction, creating the cart first if asked. */
export async function lockCart(
  tx: Tx,
  owner: CartOwner,
  options: { create: boolean },
): Promise<{ id: string } | null> {
  const where = ownerWhere(owner)
  const userId = 'userId' in where ? where.userId : null
  const tokenHash = 'tokenHash' in where ? where.tokenHash : null
  if (options.create) {
    // ON CONFLICT: two first adds at once (a double click) must not both try to create the cart.
    await tx.$executeRaw`
      INSERT INTO "Cart" ("id", "userId", "tokenHash", "checkoutToken", "updatedAt")
      VALUES (${randomUUID()}, ${userId}, ${tokenHash}, ${newCheckoutToken()}, ${new Date()})
      ON CONFLICT DO NOTHING`
  }
  const rows = userId
    ? await tx.$queryRaw<
        Array<{ id: string }>
      >`SELECT "id" FROM "Cart" WHERE "userId" = ${userId} FOR UPDATE`
    : await tx.$queryRaw<
        Array<{ id: string }>
      >`SELECT "id" FROM "Cart" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`
  return rows[0] ?? null
}

/** The contents changed: a new checkout token, so an open checkout page is known to be stale. */
export async function touchCart(tx: Tx, cartId: string) {
  await tx.cart.update({ where: { id: cartId }, data: { checkoutToken: newCheckoutToken() } })
}

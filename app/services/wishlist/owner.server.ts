import { getUser } from '~/services/accounts/auth.server.ts'
import { readGuestSaves, writeGuestSaves } from './guest-saves.server.ts'
import { mergeGuestSaves, type WishlistOwner } from './wishlist.server.ts'

/** The wishlist of this request: the signed-in shopper's, else the guest's cookie. */
export async function getWishlistOwner(request: Request): Promise<WishlistOwner> {
  const user = await getUser(request)
  return user ? { userId: user.id } : { guest: await readGuestSaves(request) }
}

/**
 * For the sign-in actions (like adoptGuestCart): the guest's saves join the account and the
 * returned Set-Cookie header clears them from the browser; null when there were none.
 */
export async function adoptGuestSaves(request: Request, userId: string): Promise<string | null> {
  const saves = await readGuestSaves(request)
  if (!saves.length) return null
  await mergeGuestSaves(saves, userId)
  return writeGuestSaves([])
}

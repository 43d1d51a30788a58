import { prisma } from '~/infra/db.server.ts'
import type { getViewer } from '~/services/accounts/auth.server.ts'
import {
  notificationBadgeSql,
  type NotificationBadge,
} from '~/services/notifications/notifications.server.ts'
import { cartCountSql, getCartCount } from '~/services/orders/cart.server.ts'
import { getWishlistOwner } from '~/services/wishlist/owner.server.ts'
import { getSavedTargets, savedTargetsSql } from '~/services/wishlist/wishlist.server.ts'

// The page header's personal figures: the bell's badge, the cart count and the saved hearts.
// Each domain writes its own figure as an SQL expression; for a signed-in shopper they are read
// in one query, so every page costs one round trip for them, not three (issue 14).

export type HeaderFigures = {
  /** Null for a visitor who is not signed in (no bell). */
  notifications: NotificationBadge | null
  cartCount: number
  saved: string[]
}

export async function getHeaderFigures(
  request: Request,
  viewer: Awaited<ReturnType<typeof getViewer>>,
): Promise<HeaderFigures> {
  if (!viewer) {
    // A guest's cart is found by its cookie's token; their saves are in a cookie of their own.
    const [cartCount, saved] = await Promise.all([
      getCartCount(request),
      getWishlistOwner(request).then(getSavedTargets),
    ])
    return { notifications: null, cartCount, saved }
  }
  const [row] = await prisma.$queryRaw<HeaderFigures[]>`
    SELECT ${notificationBadgeSql(viewer.id)} AS "notifications",
      ${cartCountSql({ userId: viewer.id })} AS "cartCount",
      ${savedTargetsSql(viewer.id)} AS "saved"`
  return row!
}

import { z } from 'zod'
import { message } from '~/i18n/validation.ts'
import { EmailSchema } from '~/services/accounts/schemas.ts'

// Form schemas of the wishlist and its alerts, shared by the server and the browser.

/** A guest's cookie keeps at most this many saves (a cookie holds about 4 KB). */
export const MAX_GUEST_SAVES = 24
/** An account's wishlist keeps at most this many. */
export const MAX_SAVES = 200

const Id = z
  .string({ error: message('wishlist.missing') })
  .trim()
  .min(1, message('wishlist.missing'))
  .max(64, message('wishlist.missing'))

const OptionalId = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().trim().max(64, message('wishlist.missing')).optional(),
)

/** The heart: save (or unsave) a product, or one colour and size of it. */
export const WishlistToggleSchema = z.object({
  productId: Id,
  variantId: OptionalId,
  /** What the heart shows now: `save` adds, `remove` takes away (a double click stays put). */
  want: z.enum(['save', 'remove'], { error: message('wishlist.missing') }),
  redirectTo: z.string().max(2000).optional(),
})

/** A line of /wishlist: remove it, move it to the cart, switch its price alert. */
export const WishlistLineSchema = z.object({
  itemId: Id,
})

export const PriceAlertSchema = z.object({
  itemId: Id,
  on: z.enum(['true', 'false']).transform((value) => value === 'true'),
})

/** "Email me when it's back" on a sold-out colour and size; a guest types an address. */
export const BackInStockSchema = z.object({ variantId: Id, email: EmailSchema })

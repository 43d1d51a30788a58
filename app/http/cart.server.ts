import type { TFunction } from 'i18next'
import type { Formatter } from '~/i18n/format.ts'
import { getFormatter, getT } from '~/i18n/i18n.server.ts'
import {
  CartFullError,
  NotEnoughStockError,
  QuantityLimitError,
} from '~/services/orders/cart-errors.server.ts'
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '~/services/orders/schemas.ts'
import { toRefusal, type Refusal } from './errors.server.ts'
import { refusalMessage } from './refusal-messages.server.ts'

// The cart's refusals (Add to cart, a line's quantity, Remove) in the page's language, with the
// numbers they carry in its digits.

function cartMessage(t: TFunction<'cart'>, f: Formatter, refusal: Refusal, error: unknown) {
  if (error instanceof NotEnoughStockError) {
    const available = f.number(error.available)
    if (error.available === 0) return t('errors.sold-out')
    return error.inCart
      ? t('errors.not-enough-in-cart', { available, count: error.inCart })
      : t('errors.not-enough', { available })
  }
  if (error instanceof QuantityLimitError) {
    const max = f.number(MAX_LINE_QUANTITY)
    return error.inCart
      ? t('errors.quantity-limit-in-cart', { max, inCart: f.number(error.inCart) })
      : t('errors.quantity-limit', { max })
  }
  if (error instanceof CartFullError)
    return t('errors.cart-full', { max: f.number(MAX_CART_LINES) })
  return refusalMessage(t, refusal, error)
}

/** A refused cart command as a refusal whose messages are in the request's language. */
export function cartRefusal(request: Request, error: unknown): Refusal {
  const refusal = toRefusal(error)
  const message = cartMessage(getT(request, 'cart'), getFormatter(request), refusal, error)
  const translate = (messages: string[]) =>
    messages.map((text) => (text === refusal.message ? message : text))
  return {
    ...refusal,
    message,
    formErrors: translate(refusal.formErrors),
    fieldErrors: Object.fromEntries(
      Object.entries(refusal.fieldErrors).map(([field, messages]) => [field, translate(messages)]),
    ),
  }
}

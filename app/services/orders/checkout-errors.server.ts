import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'
import { formatMoney } from '~/utils/money.ts'

// Why a checkout is refused: each error names what the page tells the shopper (an empty or
// changed cart, a changed total, short stock, items no longer for sale).

/** Checkout refused; nothing changed. `field` names the form field it belongs to, if any. */
export class CheckoutError extends DomainError {
  override name = 'CheckoutError'
  declare readonly field?: 'addressId' | 'shippingMethod' | 'paymentMethod' | 'idempotencyKey'
  constructor(
    message: string,
    kind: Extract<DomainErrorKind, 'invalid' | 'conflict'>,
    field?: 'addressId' | 'shippingMethod' | 'paymentMethod' | 'idempotencyKey',
    code: string = kind,
  ) {
    super(kind, code, message, field ? { field } : {})
  }
}

export class CartEmptyError extends CheckoutError {
  override name = 'CartEmptyError'
  constructor() {
    super('Your cart is empty.', 'conflict', undefined, 'cart-empty')
  }
}

/** The cart changed after the checkout page was shown (another tab, an item removed …). */
export class CartChangedError extends CheckoutError {
  override name = 'CartChangedError'
  constructor() {
    super(
      'Your cart changed since this page was shown. Please check your order again.',
      'conflict',
      'idempotencyKey',
      'cart-changed',
    )
  }
}

/**
 * The total the server computes differs from the one the checkout page showed (and the form
 * carried): the delivery choice, a price, a discount that ended or began. Nothing is placed; the
 * page is shown again with `total`, and placing it again agrees to that.
 */
export class TotalChangedError extends CheckoutError {
  override name = 'TotalChangedError'
  constructor(
    readonly shown: number,
    readonly total: number,
    readonly currency: string,
  ) {
    super(
      `The total is now ${formatMoney(total, currency)}, not the ${formatMoney(shown, currency)} this page showed: a price, a discount or the delivery changed. Check your order and place it again.`,
      'invalid',
      undefined,
      'total-changed',
    )
  }
}

export type ShortLine = {
  variantId: string
  title: string
  colorName: string
  sizeLabel: string
  requested: number
  available: number
}

/** Lines whose stock is less than their quantity; `available` is what is left of each. */
export class InsufficientStockError extends CheckoutError {
  override name = 'InsufficientStockError'
  constructor(readonly lines: ShortLine[]) {
    super(
      lines
        .map((line) =>
          line.available === 0
            ? `${line.title} (${line.colorName}, ${line.sizeLabel}) is sold out.`
            : `Only ${line.available} left of ${line.title} (${line.colorName}, ${line.sizeLabel}); you asked for ${line.requested}.`,
        )
        .join(' '),
      'conflict',
      undefined,
      'insufficient-stock',
    )
  }
}

export class UnavailableItemsError extends CheckoutError {
  override name = 'UnavailableItemsError'
  constructor(readonly lines: Array<{ variantId: string; title: string }>) {
    super(
      `${lines.map((line) => line.title).join(', ')} ${lines.length === 1 ? 'is' : 'are'} no longer available. Remove ${lines.length === 1 ? 'it' : 'them'} from your cart to continue.`,
      'conflict',
      undefined,
      'items-unavailable',
    )
  }
}

import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './schemas.ts'
import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'

// Why a cart change is refused: the variant is gone, not enough stock, a quantity or line limit.

export class CartError extends DomainError {
  override name = 'CartError'
  /** The form field the message belongs next to. */
  declare readonly field: 'variantId' | 'quantity'
  constructor(
    message: string,
    field: 'variantId' | 'quantity',
    code = 'invalid',
    kind: DomainErrorKind = 'invalid',
  ) {
    super(kind, code, message, { field })
  }
}

/** Unknown variant, unpublished product, suspended shop, or no price. */
export class VariantUnavailableError extends CartError {
  override name = 'VariantUnavailableError'
  constructor() {
    super('This item is not available any more.', 'variantId', 'variant-unavailable')
  }
}

export class NotEnoughStockError extends CartError {
  override name = 'NotEnoughStockError'
  constructor(
    readonly available: number,
    readonly inCart: number,
  ) {
    super(
      available === 0
        ? 'Sorry, this one is sold out.'
        : `Only ${available} left${inCart ? `, and ${inCart} ${inCart === 1 ? 'is' : 'are'} already in your cart` : ''}.`,
      'quantity',
      'not-enough-stock',
    )
  }
}

export class QuantityLimitError extends CartError {
  override name = 'QuantityLimitError'
  constructor(readonly inCart: number) {
    super(
      `You can buy at most ${MAX_LINE_QUANTITY} of one item${inCart ? ` (${inCart} already in your cart)` : ''}.`,
      'quantity',
      'quantity-limit',
    )
  }
}

export class CartFullError extends CartError {
  override name = 'CartFullError'
  constructor() {
    super(
      `Your cart holds at most ${MAX_CART_LINES} different items. Check out or remove some first.`,
      'variantId',
      'cart-full',
    )
  }
}

export class CartLineNotFoundError extends CartError {
  override name = 'CartLineNotFoundError'
  constructor() {
    super('That item is no longer in your cart.', 'variantId', 'not-found', 'not-found')
  }
}

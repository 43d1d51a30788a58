// The cart's and orders' limits, apart from their schemas: browser code on the product and cart
// pages needs these and no validation library.

/** At most this many of one variant in a cart (and so in one order line). */
export const MAX_LINE_QUANTITY = 10
/** At most this many different variants in one cart. */
export const MAX_CART_LINES = 50
/** At most this many saved addresses per user. */
export const MAX_ADDRESSES = 20
/** The sales summary covers this many days, today included. */
export const SALES_WINDOW_DAYS = 30
/** The seller's order list filters. */
export const SHIPMENT_FILTERS = ['to-ship', 'shipped', 'delivered', 'cancelled', 'all'] as const
export type ShipmentFilter = (typeof SHIPMENT_FILTERS)[number]

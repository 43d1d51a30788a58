// The catalog's limits and patterns, apart from its schemas: storefront browser code needs these
// and no validation library.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const MAX_TAGS = 12
export const MAX_TAG_LENGTH = 30
/** Price ceiling in minor units (a million in the major unit for two-decimal currencies). */
export const MAX_PRICE = 100_000_000
export const MAX_STOCK = 1_000_000
export const MAX_DISCOUNT_PERCENT = 90
/** A variant with this many or fewer items left counts as low on stock. */
export const LOW_STOCK_THRESHOLD = 5
/** Rows per page of the sellers' and admins' lists (the storefront's grids page through search). */
export const PAGE_SIZE = 24

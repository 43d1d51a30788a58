// A shopper's cart, checkout and orders, and what they keep (addresses, wishlist), each through the
// service its pages use, reaching only the caller's own.
export * from './shopper-orders.server.ts'
export * from './shopper-saved.server.ts'

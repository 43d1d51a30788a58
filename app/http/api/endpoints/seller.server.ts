// A seller's own shop, for their tools: products and stock, the shop's part of orders and its
// sales, and its products' photos, each through the service its pages use. Every call reaches only
// the caller's own shop: another shop's product or order is a 404, as on the pages.
export * from './seller-products.server.ts'
export * from './seller-orders.server.ts'
export * from './seller-photos.server.ts'

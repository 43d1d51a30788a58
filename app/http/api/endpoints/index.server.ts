// Every endpoint module, so the OpenAPI document (built from what they register) is complete
// whichever route loaded first.
export * as account from './account.server.ts'
export * as catalog from './catalog.server.ts'
export * as storefront from './storefront.server.ts'
export * as seller from './seller.server.ts'
export * as shopper from './shopper.server.ts'
export * as admin from './admin.server.ts'

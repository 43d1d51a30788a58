import { prisma, type Tx } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'

// Product views and add-to-carts for the sellers' analytics, counted cheaply: one row per
// product and day (the store's calendar day), incremented in place by a single upsert, never a
// row per event (docs/decisions/028-seller-analytics-and-documents.md). Counting never fails the request that
// counts: a view that cannot be recorded is dropped.

/**
 * Counts one view of a listed product's page. Unknown or unlisted products count nothing (the
 * beacon's id comes from the page, but anyone can call it). Returns whether it was counted.
 */
export async function recordProductView(productId: string, now: Date = new Date()) {
  const { STORE_TIMEZONE } = getEnv()
  const counted = await prisma.$executeRaw`
    INSERT INTO "ProductDailyStat" ("productId", "shopId", "day", "views")
    SELECT p."id", p."shopId", (${now}::timestamptz AT TIME ZONE ${STORE_TIMEZONE})::date, 1
    FROM "Product" p WHERE p."id" = ${productId} AND p."listed"
    ON CONFLICT ("productId", "day") DO UPDATE SET "views" = "ProductDailyStat"."views" + 1`
  return counted > 0
}

/** Counts an add-to-cart of the variant's product, inside the cart change's transaction. */
export async function recordCartAdd(tx: Tx, variantId: string, now: Date = new Date()) {
  const { STORE_TIMEZONE } = getEnv()
  await tx.$executeRaw`
    INSERT INTO "ProductDailyStat" ("productId", "shopId", "day", "carts")
    SELECT p."id", p."shopId", (${now}::timestamptz AT TIME ZONE ${STORE_TIMEZONE})::date, 1
    FROM "Variant" v JOIN "Product" p ON p."id" = v."productId" WHERE v."id" = ${variantId}
    ON CONFLICT ("productId", "day") DO UPDATE SET "carts" = "ProductDailyStat"."carts" + 1`
}

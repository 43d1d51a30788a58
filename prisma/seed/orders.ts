import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { addToCart, getCart } from '~/services/orders/cart.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { AddressSchema, type AddressInput } from '~/services/orders/schemas.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { createRandom } from './random.ts'

// Two months of demo trade, so the seller's orders, sales charts and conversion, the shopper's
// order history and "verified purchase" reviews have something to show from the first start.
// Every order goes through the real checkout and fulfilment services at a moment in the past
// (they take `now`), so totals, stock, emails and notifications are what a real order makes.
// Product views are the daily aggregates the product page's pixel would have counted.
// Deterministic; skipped when the demo buyers have ordered before.

const DAY = 86_400_000
const HISTORY_DAYS = 60
const ORDERS = 56

const ADDRESSES = [
  {
    fullName: 'Shirin Shopper',
    line1: '12 Market Street',
    line2: 'Flat 3',
    city: 'Portland',
    region: 'OR',
    postalCode: '97205',
    country: 'US',
    phone: '+1 503 555 0100',
  },
  {
    fullName: 'Leo Martins',
    line1: 'Torstraße 118',
    line2: '',
    city: 'Berlin',
    region: '',
    postalCode: '10119',
    country: 'DE',
    phone: '+49 30 5557 0192',
  },
].map((address): AddressInput => AddressSchema.parse(address))

export async function seedDemoOrders(buyerEmails: string[], now = new Date()) {
  const buyers = await prisma.user.findMany({
    where: { email: { in: buyerEmails } },
    select: { id: true, email: true, name: true },
    orderBy: { email: 'asc' },
  })
  if (
    !buyers.length ||
    (await prisma.order.count({ where: { userId: { in: buyers.map((b) => b.id) } } }))
  )
    return { created: 0 }

  const variants = await prisma.variant.findMany({
    where: { stock: { gte: 6 }, product: { listed: true, status: 'ACTIVE' } },
    select: {
      id: true,
      product: { select: { id: true, shopId: true, publishedAt: true } },
    },
    orderBy: { id: 'asc' },
  })
  const owners = new Map(
    (await prisma.shop.findMany({ select: { id: true, ownerId: true } })).map((shop) => [
      shop.id,
      shop.ownerId,
    ]),
  )
  const demoShop = await prisma.shop.findFirst({
    where: { owner: { email: 'seller@shikposh.test' } },
    select: { id: true },
  })
  // Planned first, from one seeded sequence, so the demo is the same on every machine; then
  // each buyer's orders are placed in turn, the buyers side by side.
  const random = createRandom(11)
  const plans = Array.from({ length: ORDERS }, (_, index) => {
    // Spread over the history, a little busier towards today.
    const ago = Math.floor(HISTORY_DAYS * (1 - Math.sqrt((index + random.int(0, 1)) / ORDERS)))
    const placedAt = new Date(now.getTime() - ago * DAY - random.int(1, 10) * 3_600_000)
    const buyable = variants.filter(
      (variant) => variant.product.publishedAt && variant.product.publishedAt < placedAt,
    )
    const picks = random.sample(buyable, random.int(1, 3))
    // Half the orders include something from the demo seller's shop, so its dashboard is busy.
    const fromDemoShop = buyable.filter((variant) => variant.product.shopId === demoShop?.id)
    if (index % 2 === 0 && fromDemoShop.length) picks[0] = random.pick(fromDemoShop)
    return {
      buyer: buyers[index % buyers.length]!,
      placedAt,
      lines: [...new Set(picks.map((pick) => pick.id))].map((variantId) => ({
        variantId,
        quantity: random.chance(0.2) ? 2 : 1,
      })),
      address: ADDRESSES[index % ADDRESSES.length]!,
      shippedAt: new Date(placedAt.getTime() + random.int(1, 2) * DAY),
      deliveredAt: new Date(placedAt.getTime() + random.int(3, 6) * DAY),
      tracking: `JD0146${random.int(100000, 999999)}`,
    }
  })
  const currency = getEnv().STORE_CURRENCY
  const placed = await Promise.all(
    buyers.map(async (buyer) => {
      let count = 0
      for (const plan of plans.filter((candidate) => candidate.buyer === buyer)) {
        const owner = { userId: buyer.id }
        try {
          for (const line of plan.lines) await addToCart(owner, line, plan.placedAt)
          const cart = await getCart(owner, plan.placedAt)
          const order = await placeOrder(
            buyer.id,
            {
              idempotencyKey: cart.checkoutToken!,
              cartToken: cart.checkoutToken!,
              address: {
                kind: 'new',
                fields: { ...plan.address, fullName: buyer.name ?? plan.address.fullName },
                save: false,
              },
              shippingMethod: 'standard',
              paymentMethod: 'pay-on-delivery',
              expectedTotal: orderTotal(cart.itemsTotal, 'standard', currency),
            },
            plan.placedAt,
          )
          count++
          await fulfil(order.number, plan, now, owners)
        } catch {
          // A pick the checkout refuses at that moment (sold out meanwhile) is not bought.
          await prisma.cart.deleteMany({ where: { userId: buyer.id } })
        }
      }
      return count
    }),
  )
  await markOlderNotificationsRead([...buyers.map((buyer) => buyer.id), ...owners.values()])
  await seedDemoViews(now)
  return { created: placed.reduce((sum, count) => sum + count, 0) }
}

/** Ships each shop's part a day or two after the order and delivers it a few days later, as far as today allows. */
async function fulfil(
  number: string,
  plan: { shippedAt: Date; deliveredAt: Date; tracking: string },
  now: Date,
  owners: Map<string, string>,
) {
  const shipments = await prisma.shipment.findMany({
    where: { order: { number } },
    select: { shopId: true },
  })
  for (const { shopId } of shipments) {
    const seller = owners.get(shopId)
    if (!seller || plan.shippedAt > now) continue
    await markShipped(
      seller,
      number,
      { carrier: 'dhl', trackingNumber: plan.tracking },
      plan.shippedAt,
    )
    if (plan.deliveredAt <= now) await markDelivered(seller, number, plan.deliveredAt)
  }
}

/** Two months of orders left unread would bury the bell: each person keeps their latest three. */
async function markOlderNotificationsRead(userIds: string[]) {
  await prisma.$executeRaw`
    UPDATE "Notification" SET "readAt" = now()
    WHERE "readAt" IS NULL AND "id" IN (
      SELECT "id" FROM (
        SELECT "id", row_number() OVER (PARTITION BY "userId" ORDER BY "id" DESC) AS "newer"
        FROM "Notification" WHERE "userId" = ANY(${userIds})
      ) AS ranked
      WHERE "newer" > 3
    )`
}

/** Daily product views and add-to-carts over the history, the figures the page pixel collects. */
async function seedDemoViews(now: Date) {
  const products = await prisma.product.findMany({
    where: { listed: true },
    select: { id: true, shopId: true, featured: true },
    orderBy: { id: 'asc' },
  })
  const random = createRandom(12)
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const rows = []
  for (const product of products) {
    const popularity = random.int(4, product.featured ? 60 : 30)
    for (let ago = HISTORY_DAYS; ago >= 0; ago--) {
      const spread = Math.floor(popularity / 2)
      const views = popularity + random.int(-spread, spread)
      rows.push({
        productId: product.id,
        shopId: product.shopId,
        day: new Date(today - ago * DAY),
        views,
        carts: Math.round(views * (random.int(3, 12) / 100)),
      })
    }
  }
  await prisma.productDailyStat.createMany({ data: rows, skipDuplicates: true })
}

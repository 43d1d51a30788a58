// `npm run bench:checkout`: how fast checkout is under concurrency, on a scratch database of
// the PostgreSQL in TEST_DATABASE_URL (created, migrated and dropped here). Prints figures; it
// asserts nothing except that stock came out exact.
import { ADMIN_URL } from '../setup/databases.ts'
import { withScratchDatabase } from './scratch-database.ts'

await withScratchDatabase(run)

async function run() {
  const { prisma } = await import('~/infra/db.server.ts')
  const { getEnv } = await import('~/infra/env.server.ts')
  const { getCart } = await import('~/services/orders/cart.server.ts')
  const { placeOrder } = await import('~/services/orders/checkout.server.ts')
  const { orderTotal } = await import('~/services/orders/shipping.ts')
  const { createUser } = await import('../support/fixtures.ts')
  const { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } =
    await import('../support/shop-fixtures.ts')

  const checkout = async (userId: string) => {
    const cart = await getCart({ userId })
    const started = performance.now()
    try {
      await placeOrder(userId, {
        idempotencyKey: cart.checkoutToken!,
        address: { kind: 'new', fields: SAMPLE_ADDRESS, save: false },
        shippingMethod: 'standard',
        paymentMethod: 'pay-on-delivery',
        expectedTotal: orderTotal(cart.itemsTotal, 'standard', getEnv().STORE_CURRENCY),
      })
      return { ok: true, ms: performance.now() - started }
    } catch {
      return { ok: false, ms: performance.now() - started }
    }
  }
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1)
  }
  const report = (label: string, results: Array<{ ok: boolean; ms: number }>, elapsed: number) => {
    const ms = results.map((result) => result.ms)
    const placed = results.filter((result) => result.ok).length
    console.log(
      `${label}: ${results.length} checkouts in ${elapsed.toFixed(0)} ms (${((results.length / elapsed) * 1000).toFixed(0)}/s), ` +
        `${placed} placed, ${results.length - placed} refused; latency p50 ${percentile(ms, 50)} ms, p95 ${percentile(ms, 95)} ms, p99 ${percentile(ms, 99)} ms`,
    )
  }
  console.log(
    `PostgreSQL ${ADMIN_URL.replace(/\/\/[^@]*@/, '//')}, pool of ${getEnv().DATABASE_POOL_MAX} connections`,
  )

  const { shop } = await createSeller()

  // 0. One at a time: what a single checkout costs.
  const solo = await Promise.all(Array.from({ length: 50 }, () => createUser()))
  for (const user of solo) {
    const product = await createProduct(shop.id, {
      price: 4000,
      variants: [{ stock: 5 }, { stock: 5 }],
    })
    await putInCart(user.id, product.variants[0]!.id, 1, 4000)
    await putInCart(user.id, product.variants[1]!.id, 2, 4000)
  }
  let started = performance.now()
  const alone: Array<{ ok: boolean; ms: number }> = []
  for (const user of solo) alone.push(await checkout(user.id))
  report('One at a time, two lines each', alone, performance.now() - started)

  // 1. Everybody wants the same item.
  const hot = await createProduct(shop.id, { price: 5000, variants: [{ stock: 50 }] })
  const racers = await Promise.all(Array.from({ length: 200 }, () => createUser()))
  for (const user of racers) await putInCart(user.id, hot.variants[0]!.id, 1, 5000)
  started = performance.now()
  const raced = await Promise.all(racers.map((user) => checkout(user.id)))
  report('One hot item (stock 50), 200 at once', raced, performance.now() - started)
  const left = (await prisma.variant.findUniqueOrThrow({ where: { id: hot.variants[0]!.id } }))
    .stock
  if (left !== 0 || raced.filter((result) => result.ok).length !== 50)
    throw new Error(`Stock is wrong: ${left} left`)

  // 2. Ordinary traffic: three random items from 50 products, 20 checkouts in flight at a time.
  const products = await Promise.all(
    Array.from({ length: 50 }, () =>
      createProduct(shop.id, { price: 3000, variants: [{ stock: 10_000 }, { stock: 10_000 }] }),
    ),
  )
  const variants = products.flatMap((product) => product.variants)
  const shoppers = await Promise.all(Array.from({ length: 400 }, () => createUser()))
  for (const user of shoppers) {
    for (let i = 0; i < 3; i++)
      await putInCart(user.id, variants[Math.floor(Math.random() * variants.length)]!.id, 1, 3000)
  }
  const queue = [...shoppers]
  const results: Array<{ ok: boolean; ms: number }> = []
  started = performance.now()
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let user = queue.pop(); user; user = queue.pop()) results.push(await checkout(user.id))
    }),
  )
  report('Three random items of 100 variants, 20 in flight', results, performance.now() - started)
}

import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { createProduct, createSeller, putInCart, SAMPLE_ADDRESS } from '../support/shop-fixtures.ts'
import { startExtraApp } from './extra-app.ts'
import { expect, randomClientIp, test } from './fixtures.ts'

// A deploy's SIGTERM in the middle of a checkout burst, on the real build: every checkout either
// completes (an order, a redirect to it) or is never started (the connection is refused and no
// order exists). Nothing in between: no 500, no order without its lines, no stock lost.

const SHOPPERS = 50
const FIRST_WAVE = 30
const STOCK = 1000

type Outcome = { status: number } | { error: string }

test('SIGTERM during 50 checkouts: each one completes or never starts; event streams end; the process exits cleanly', async () => {
  test.setTimeout(120_000)
  const { shop } = await createSeller('Drain Seller')
  const product = await createProduct(shop.id, { price: 2500, variants: [{ stock: STOCK }] })
  const variant = product.variants[0]!
  const shoppers = await Promise.all(
    Array.from({ length: SHOPPERS }, async () => {
      const user = await createUser()
      await putInCart(user.id, variant.id, 1, 2500)
      const cart = await getCart({ userId: user.id })
      const { cookie } = await signIn(user.id)
      const form = new URLSearchParams({
        idempotencyKey: cart.checkoutToken!,
        addressId: 'new',
        ...Object.fromEntries(
          Object.entries(SAMPLE_ADDRESS).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        ),
        shippingMethod: 'standard',
        paymentMethod: 'pay-on-delivery',
        expectedTotal: String(orderTotal(cart.itemsTotal, 'standard', getEnv().STORE_CURRENCY)),
      })
      return { user, cookie, form }
    }),
  )

  const app = await startExtraApp({ env: { SHUTDOWN_TIMEOUT_SECONDS: '20' } })
  try {
    // A live notifications stream is open: it must not hold the process open.
    const stream = await fetch(`${app.baseUrl}/notifications/stream`, {
      headers: { Cookie: shoppers[0]!.cookie, 'X-Forwarded-For': randomClientIp() },
    })
    expect(stream.status).toBe(200)
    const streamEnded = (async () => {
      const reader = stream.body!.getReader()
      while (!(await reader.read().catch(() => ({ done: true }))).done);
      return true
    })()

    const outcomes: Array<Outcome | undefined> = new Array(SHOPPERS)
    let settled = 0
    const checkout = (index: number) => {
      const { cookie, form } = shoppers[index]!
      return fetch(`${app.baseUrl}/checkout`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          Cookie: cookie,
          Origin: app.baseUrl,
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-For': randomClientIp(),
        },
        body: form,
      })
        .then(
          async (response) => {
            await response.arrayBuffer()
            outcomes[index] = { status: response.status }
          },
          (error: unknown) => {
            const cause = (error as { cause?: { code?: string } }).cause
            outcomes[index] = { error: cause?.code ?? String(error) }
          },
        )
        .finally(() => (settled += 1))
    }

    // The first wave all at once; SIGTERM as soon as one of them is answered (the rest are in
    // the server's hands, waiting for the variant's row lock or a pooled connection).
    const requests = Array.from({ length: FIRST_WAVE }, (_, index) => checkout(index))
    await Promise.race(requests)
    const inFlightAtSignal = FIRST_WAVE - settled
    app.process.kill('SIGTERM')
    // The second wave arrives while the server is stopping.
    for (let index = FIRST_WAVE; index < SHOPPERS; index++) {
      requests.push(checkout(index))
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await Promise.all(requests)
    const exitCode = await app.exited
    expect(await streamEnded).toBe(true)

    const orders = await prisma.order.findMany({
      where: { userId: { in: shoppers.map((shopper) => shopper.user.id) } },
      select: { userId: true, total: true, lines: { select: { quantity: true } } },
    })
    const ordersOf = (userId: string) => orders.filter((order) => order.userId === userId)
    const tally = { completed: 0, neverStarted: 0, other: [] as string[] }
    shoppers.forEach((shopper, index) => {
      const outcome = outcomes[index]!
      const placed = ordersOf(shopper.user.id).length
      if ('status' in outcome && (outcome.status === 302 || outcome.status === 303) && placed === 1)
        tally.completed += 1
      else if ('error' in outcome && placed === 0) tally.neverStarted += 1
      else tally.other.push(`#${index}: ${JSON.stringify(outcome)} with ${placed} order(s)`)
    })
    const stock = await prisma.variant.findUniqueOrThrow({
      where: { id: variant.id },
      select: { stock: true },
    })
    console.log(
      `graceful shutdown drill: ${inFlightAtSignal} checkouts in flight at SIGTERM; ` +
        `${tally.completed} completed, ${tally.neverStarted} never started, ` +
        `${tally.other.length} otherwise; exit code ${exitCode}; ` +
        `${app.output().match(/Every request in hand finished \(\d+ ms\)/)?.[0] ?? 'requests cut'}`,
    )
    expect(tally.other).toEqual([])
    expect(inFlightAtSignal).toBeGreaterThan(0)
    expect(tally.completed).toBeGreaterThanOrEqual(inFlightAtSignal)
    // Every order whole: one line of one item, and the stock down by exactly the orders placed.
    expect(
      orders.every((order) => order.lines.length === 1 && order.lines[0]!.quantity === 1),
    ).toBe(true)
    expect(stock.stock).toBe(STOCK - orders.length)
    expect(exitCode).toBe(0)
    expect(app.output()).toContain('Every request in hand finished')
    expect(app.output()).not.toContain('Cut ')
  } finally {
    await app.stop()
  }
})

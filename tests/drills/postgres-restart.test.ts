import type { ActionFunctionArgs, EntryContext, LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, describe, expect, test, vi } from 'vitest'
import handleRequest, { handleDataRequest, handleError } from '~/entry.server.tsx'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { action as checkoutAction } from '../../app/routes/($locale).checkout/route.tsx'
import { loader as productLoader } from '~/routes/($locale).p.$slug/route.tsx'
import { loader as readyzLoader } from '../../app/routes/readyz.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { routeRequest, testContext } from '../support/remix.ts'
import { createProduct, createSeller, putInCart, SAMPLE_ADDRESS } from '../support/shop-fixtures.ts'

// Fault drill: PostgreSQL restarted during a checkout burst (a PostgreSQL cluster of this test's
// own under /tmp, stopped with `pg_ctl stop -m fast` and started again). The app's checkout
// action, product page and readiness probe run in this process as Remix runs them (a failure
// goes through entry.server's handleError and handleDataRequest), on the one connection pool.
// Asserted: every answer is a success or a 503 with Retry-After, never a 500; no order is half
// written and the stock is down by exactly the orders placed; and, once PostgreSQL is back, the
// same process serves and takes orders again without a restart (each shopper's retry with the
// same idempotency key makes one order). The figures are printed.
const cluster = await vi.hoisted(async () => {
  const { startPostgresCluster } = await import('../support/postgres-cluster.ts')
  const { migrate } = await import('../../app/infra/migrate.server.ts')
  const started = await startPostgresCluster()
  await migrate(started.url)
  process.env.DATABASE_URL = started.url
  return started
})

const SHOPPERS = 24
const FIRST_WAVE = 16
const STOCK = 100
const figures: Record<string, string> = {}
const ms = (start: number) => `${Math.round(performance.now() - start)} ms`

afterAll(() => {
  cluster.remove()
  console.info(
    `\nPostgreSQL-restart drill:\n${Object.entries(figures)
      .map(([name, value]) => `  ${name.padEnd(52)} ${value}`)
      .join('\n')}\n`,
  )
})

type Answer = { status: number; retryAfter: string | null }

/** Runs a loader or action as Remix's data request does: a throw is handleError's, then a 500. */
async function asRemix(
  handler: (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Answer> {
  return requestContext.run({ requestId: 'drill' }, async () => {
    let response: Response
    try {
      const result = await handler({ request, params, context: testContext() })
      response = result instanceof Response ? result : new Response(null, { status: 200 })
    } catch (thrown) {
      if (thrown instanceof Response) response = thrown
      else {
        handleError(thrown, { request })
        response = new Response('Unexpected Server Error', { status: 500 })
      }
    }
    response = handleDataRequest(response)
    await response.body?.cancel()
    return { status: response.status, retryAfter: response.headers.get('Retry-After') }
  })
}

describe('PostgreSQL restarted during a checkout burst', () => {
  test('answers 503 with Retry-After while it is away, writes nothing by halves, and takes orders again by itself', async () => {
    expect(getEnv().databaseUrl).toBe(cluster.url)
    const { shop } = await createSeller('Restart Seller')
    const product = await createProduct(shop.id, { price: 2500, variants: [{ stock: STOCK }] })
    const variant = product.variants[0]!
    const shoppers = await Promise.all(
      Array.from({ length: SHOPPERS }, async () => {
        const user = await createUser()
        await putInCart(user.id, variant.id, 1, 2500)
        const cart = await getCart({ userId: user.id })
        const { cookie } = await signIn(user.id)
        const form = {
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
        }
        return { user, cookie, form }
      }),
    )
    const checkout = (index: number) =>
      asRemix(
        checkoutAction,
        routeRequest('/checkout', { form: shoppers[index]!.form, cookie: shoppers[index]!.cookie }),
      )
    const productPage = () =>
      asRemix(productLoader, routeRequest(`/p/${product.slug}`), { slug: product.slug })
    const ready = () => asRemix(readyzLoader, routeRequest('/readyz'))

    // Up: the page and the probe answer.
    expect((await productPage()).status).toBe(200)
    expect((await ready()).status).toBe(200)

    // The burst: the first wave at once, PostgreSQL stopped as soon as one of them is answered.
    const outcomes: Answer[] = new Array(SHOPPERS)
    const wave = Array.from({ length: FIRST_WAVE }, (_, index) =>
      checkout(index).then((answer) => (outcomes[index] = answer)),
    )
    await Promise.race(wave)
    figures['checkouts in flight at the stop'] = String(
      FIRST_WAVE - outcomes.filter(Boolean).length,
    )
    let start = performance.now()
    await cluster.stop()
    figures['pg_ctl stop -m fast'] = ms(start)
    const downAt = performance.now()
    // While it is away: the rest of the checkouts, a product page, the probe.
    const during = await Promise.all([
      ...Array.from({ length: SHOPPERS - FIRST_WAVE }, (_, offset) =>
        checkout(FIRST_WAVE + offset).then((answer) => (outcomes[FIRST_WAVE + offset] = answer)),
      ),
      productPage(),
      ready(),
    ])
    figures['answers while down (all 503)'] = `${during.length} in ${ms(downAt)}`
    await Promise.all(wave)
    for (const answer of during) expect(answer.status).toBe(503)
    for (const answer of outcomes) {
      expect([302, 503]).toContain(answer.status)
      if (answer.status === 503) expect(answer.retryAfter).toBe('5')
    }
    const completed = outcomes.filter((answer) => answer.status === 302).length
    figures['checkouts: completed / 503'] = `${completed} / ${SHOPPERS - completed}`

    start = performance.now()
    await cluster.start()
    figures['pg_ctl start'] = ms(start)
    figures['stopped to started again'] = ms(downAt)

    // Back, with no restart of the app: the first answers, then every refused shopper retries.
    start = performance.now()
    expect((await ready()).status).toBe(200)
    expect((await productPage()).status).toBe(200)
    figures['first answers after the start'] = ms(start)
    start = performance.now()
    const retries = await Promise.all(
      shoppers.map((_, index) => (outcomes[index]!.status === 302 ? null : checkout(index))),
    )
    for (const retry of retries) if (retry) expect(retry.status).toBe(302)
    figures['retries placed'] = `${retries.filter(Boolean).length} in ${ms(start)}`

    // Nothing by halves: one whole order per shopper, the stock down by exactly that.
    const orders = await prisma.order.findMany({
      where: { userId: { in: shoppers.map((shopper) => shopper.user.id) } },
      select: { userId: true, lines: { select: { quantity: true } } },
    })
    expect(orders).toHaveLength(SHOPPERS)
    expect(new Set(orders.map((order) => order.userId)).size).toBe(SHOPPERS)
    expect(
      orders.every((order) => order.lines.length === 1 && order.lines[0]!.quantity === 1),
    ).toBe(true)
    const { stock } = await prisma.variant.findUniqueOrThrow({
      where: { id: variant.id },
      select: { stock: true },
    })
    expect(stock).toBe(STOCK - SHOPPERS)
  }, 60_000)

  test('a page whose loader found the database away is rendered as the 503 page, with Retry-After', async () => {
    const request = routeRequest('/')
    const thrown = await requestContext.run({ requestId: 'drill' }, async () => {
      handleError(new Error("Can't reach database server at 127.0.0.1:5432"), { request })
      try {
        await handleRequest(request, 500, new Headers(), {} as EntryContext, testContext())
      } catch (error) {
        return error
      }
    })
    // Remix renders the page again with this as the route error (errors.503 in both languages).
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(503)
  })
})

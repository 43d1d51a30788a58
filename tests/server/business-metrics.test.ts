import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { consumeOrWait, createLimiter } from '~/infra/rate-limit.server.ts'
import { mediaPipelines } from '~/services/media/pipeline.server.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { CartEmptyError } from '~/services/orders/checkout-errors.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { searchProducts } from '~/services/search/search.server.ts'
import { metricsEndpoint } from '../../app/server/metrics.ts'
import { createUser } from '../support/fixtures.ts'
import { createListedProduct, createSeller, taxonomyFixture } from '../support/catalog.ts'
import { runSearchJobs, state } from '../support/search.ts'
import { SAMPLE_ADDRESS, putInCart } from '../support/shop-fixtures.ts'

// The business figures on /metrics as Prometheus reads them: counted once per thing that
// happened, with labels from fixed lists only.

let base: string
let close: () => void

beforeAll(async () => {
  const app = express()
  app.get('/metrics', metricsEndpoint({ isProduction: false }))
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

/** Every sample on /metrics, keyed by its name and labels as written ("name{a=\"b\"}"). */
async function scrape() {
  const response = await fetch(`${base}/metrics`)
  expect(response.status).toBe(200)
  const samples = new Map<string, number>()
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue
    const at = line.lastIndexOf(' ')
    samples.set(
      line
        .slice(0, at)
        .replace(/,?service="shikposh"/, '')
        .replace('{}', ''),
      Number(line.slice(at + 1)),
    )
  }
  return samples
}

const value = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0

describe('business metrics on /metrics', () => {
  test('an order counts once with its value (not again when submitted twice); a refusal counts under its reason', async () => {
    const before = await scrape()
    const t = await taxonomyFixture()
    const { user: seller } = await createSeller('metrics')
    const product = await createListedProduct(seller.id, t, { price: 2500 })
    const variant = await prisma.variant.findFirstOrThrow({ where: { productId: product.id } })
    const shopper = await createUser()
    await putInCart(shopper.id, variant.id, 2, 2500)
    const cart = await getCart({ userId: shopper.id })
    const input = {
      idempotencyKey: cart.checkoutToken!,
      address: { kind: 'new' as const, fields: SAMPLE_ADDRESS, save: false },
      shippingMethod: 'standard',
      paymentMethod: 'pay-on-delivery',
      expectedTotal: orderTotal(cart.itemsTotal, 'standard', 'USD'),
    }
    const placed = await placeOrder(shopper.id, input)
    const again = await placeOrder(shopper.id, input)
    expect(again.id).toBe(placed.id)
    const { total } = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })
    const emptyCart = await createUser()
    await expect(placeOrder(emptyCart.id, input)).rejects.toBeInstanceOf(CartEmptyError)

    const after = await scrape()
    const method = '{payment_method="pay-on-delivery"}'
    expect(
      value(after, `orders_placed_total${method}`) - value(before, `orders_placed_total${method}`),
    ).toBe(1)
    expect(
      value(after, `orders_placed_value_minor_units_total${method}`) -
        value(before, `orders_placed_value_minor_units_total${method}`),
    ).toBe(total)
    const refusal = 'checkout_refusals_total{reason="cart-empty"}'
    expect(value(after, refusal) - value(before, refusal)).toBe(1)
  })

  test('searches are timed and counted by whether they found anything; the zero-result rate follows', async () => {
    const t = await taxonomyFixture()
    const { user: seller } = await createSeller('metrics-search')
    await createListedProduct(seller.id, t, { title: 'Quokka Trench Coat' })
    await runSearchJobs()
    const before = await scrape()
    expect((await searchProducts(state({ q: 'quokka' }))).totalHits).toBe(1)
    expect((await searchProducts(state({ q: 'zxqvbnm' }))).totalHits).toBe(0)
    expect((await searchProducts(state({ q: 'zxqvbnmw' }))).totalHits).toBe(0)
    const after = await scrape()
    const delta = (key: string) => value(after, key) - value(before, key)
    expect(delta('search_queries_total{results="some"}')).toBe(1)
    expect(delta('search_queries_total{results="none"}')).toBe(2)
    expect(delta('search_duration_seconds_count')).toBe(3)
    expect(value(after, 'search_duration_seconds_bucket{le="+Inf"}')).toBe(
      value(after, 'search_duration_seconds_count'),
    )
  })

  test('rate-limit refusals count under the limiter name; jobs report their oldest due age; the pool and the media queue their state', async () => {
    const limiter = createLimiter({ name: 'metrics-test', points: 1, durationSeconds: 60 })
    const before = await scrape()
    expect(await consumeOrWait(limiter, 'someone')).toBe(0)
    expect(await consumeOrWait(limiter, 'someone')).toBeGreaterThan(0)
    expect(await consumeOrWait(limiter, 'someone')).toBeGreaterThan(0)
    await prisma.$executeRaw`SELECT graphile_worker.add_job('metrics-test', '{}'::json,
      run_at := now() - interval '90 seconds')`
    mediaPipelines()

    const after = await scrape()
    const refusals = 'rate_limit_refusals_total{limiter="metrics-test"}'
    expect(value(after, refusals) - value(before, refusals)).toBe(2)
    expect(value(after, 'jobs_oldest_due_age_seconds')).toBeGreaterThanOrEqual(90)
    expect(value(after, 'jobs_waiting{task="metrics-test",state="due"}')).toBe(1)
    expect(value(after, 'db_pool_max_connections')).toBe(getEnv().DATABASE_POOL_MAX)
    expect(value(after, 'db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0)
    expect(after.has('db_pool_connections{state="busy"}')).toBe(true)
    expect(after.has('db_pool_connections{state="waiting"}')).toBe(true)
    expect(value(after, 'media_pipeline_tasks{state="running"}')).toBe(0)
    expect(value(after, 'media_pipeline_tasks{state="queued"}')).toBe(0)
    expect(after.has('media_pipeline_duration_seconds_count')).toBe(true)
    expect(after.has('media_pipeline_refusals_total')).toBe(true)
    expect(after.has('search_errors_total')).toBe(true)
  })
})

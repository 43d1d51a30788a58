import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { memoryStore, type PageCacheStore } from '~/infra/page-cache/store.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { releaseUnpaidOrder } from '~/services/orders/payments/holds.server.ts'
import { completeZarinpalReturn } from '~/services/orders/payments/returns.server.ts'
import { metricsEndpoint } from '../../app/server/metrics.ts'
import { pageCacheLookup, pageCacheServe, pageCacheWrites } from '../../app/server/page-cache.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// Payments by provider and outcome, and the page cache's hits, misses and failures, as
// Prometheus reads them from /metrics after the real thing happened: a bank gateway (its local
// stand-in) paid, declined and left unpaid; pages served from a cache that works and one that
// does not answer.
const gateway = await vi.hoisted(async () => {
  const { startZarinpalStandIn, STAND_IN_MERCHANT_ID } =
    await import('../support/payments/zarinpal-stand-in.ts')
  const started = await startZarinpalStandIn()
  process.env.STORE_CURRENCY = 'IRR'
  process.env.PAYMENT_PROVIDERS = 'zarinpal,pay-on-delivery'
  process.env.ZARINPAL_MERCHANT_ID = STAND_IN_MERCHANT_ID
  process.env.ZARINPAL_API_URL = started.apiUrl
  process.env.ZARINPAL_GATEWAY_URL = started.gatewayUrl
  process.env.PAYMENT_HOLD_MINUTES = '20'
  return started
})

/** A store whose Redis is gone: every read and write fails. */
const brokenStore: PageCacheStore = {
  get: () => Promise.reject(new Error('Connection is closed.')),
  set: () => Promise.reject(new Error('Connection is closed.')),
  invalidate: () => Promise.reject(new Error('Connection is closed.')),
  clear: async () => {},
}

function storefront(store: PageCacheStore) {
  const app = express()
  app.get('/metrics', metricsEndpoint({ isProduction: false }))
  app.use((_req, _res, next) => requestContext.run({ requestId: 'test' }, next))
  app.use(pageCacheLookup(store, 'build-1'))
  app.use(pageCacheServe(store))
  app.get('/p/:slug', (req, res) => {
    tagPage(`product:${req.params.slug}`)
    res.type('html').send(`<main>${req.params.slug}</main>`)
  })
  return app.listen(0)
}

const working = storefront(memoryStore({ maxBytes: 1024 * 1024 }))
const broken = storefront(brokenStore)
const urlOf = (server: typeof working) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`

beforeAll(async () => {
  await Promise.all(
    [working, broken].map((server) =>
      server.listening ? null : new Promise((resolve) => server.once('listening', resolve)),
    ),
  )
})
afterAll(() => {
  working.close()
  broken.close()
  gateway.close()
})

async function scrape() {
  const response = await fetch(`${urlOf(working)}/metrics`)
  expect(response.status).toBe(200)
  const samples = new Map<string, number>()
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue
    const at = line.lastIndexOf(' ')
    samples.set(line.slice(0, at).replace(/,?service="shikposh"/, ''), Number(line.slice(at + 1)))
  }
  return samples
}

function deltas(before: Map<string, number>, after: Map<string, number>) {
  return (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0)
}

async function placeGatewayOrder() {
  const shopper = await createUser()
  const { shop } = await createSeller()
  const dress = await createProduct(shop.id, { price: 25_000_000, variants: [{ stock: 3 }] })
  return placeTestOrder(shopper.id, [{ variantId: dress.variants[0]!.id, quantity: 1 }], {
    paymentMethod: 'zarinpal',
  })
}

describe('payments and the page cache on /metrics', () => {
  test('payments count by provider and outcome: started, paid, declined, expired', async () => {
    const before = await scrape()
    const paid = await placeGatewayOrder()
    const declined = await placeGatewayOrder()
    const unpaid = await placeGatewayOrder()
    const { prisma } = await import('~/infra/db.server.ts')
    const authorityOf = async (id: string) =>
      (await prisma.order.findUniqueOrThrow({ where: { id } })).paymentReference!
    const paidAuthority = await authorityOf(paid.id)
    gateway.complete(paidAuthority, true)
    expect(await completeZarinpalReturn({ authority: paidAuthority, status: 'OK' })).toMatchObject({
      outcome: 'paid',
    })
    // The same return again (a reload) pays nothing twice and counts nothing again.
    await completeZarinpalReturn({ authority: paidAuthority, status: 'OK' })
    const declinedAuthority = await authorityOf(declined.id)
    expect(
      await completeZarinpalReturn({ authority: declinedAuthority, status: 'NOK' }),
    ).toMatchObject({ outcome: 'failed' })
    expect(await releaseUnpaidOrder(unpaid.id, new Date(Date.now() + 21 * 60_000))).toBe('released')

    const delta = deltas(before, await scrape())
    const series = (outcome: string) => `payments_total{provider="zarinpal",outcome="${outcome}"}`
    expect(delta(series('started'))).toBe(3)
    expect(delta(series('paid'))).toBe(1)
    expect(delta(series('failed'))).toBe(1)
    expect(delta(series('expired'))).toBe(1)
    expect(delta(series('start_failed'))).toBe(0)
    expect(delta('orders_placed_total{payment_method="zarinpal"}')).toBe(3)
  })

  test('the page cache counts hits, misses and visitors with a cookie; a cache that fails counts its errors and the page is still served', async () => {
    const before = await scrape()
    const page = `${urlOf(working)}/p/metrics-dress`
    const anonymous = { accept: 'text/html' }
    expect((await fetch(page, { headers: anonymous })).headers.get('x-page-cache')).toBe('MISS')
    await pageCacheWrites()
    for (let i = 0; i < 3; i++)
      expect((await fetch(page, { headers: anonymous })).headers.get('x-page-cache')).toBe('HIT')
    const signedIn = await fetch(page, { headers: { ...anonymous, cookie: 'session=x' } })
    expect(signedIn.headers.get('x-page-cache')).toBe('BYPASS')

    const down = await fetch(`${urlOf(broken)}/p/metrics-dress`, { headers: anonymous })
    expect(down.status).toBe(200)
    expect(await down.text()).toBe('<main>metrics-dress</main>')
    await pageCacheWrites()

    const delta = deltas(before, await scrape())
    expect(delta('page_cache_requests_total{result="miss"}')).toBe(2)
    expect(delta('page_cache_requests_total{result="hit"}')).toBe(3)
    expect(delta('page_cache_requests_total{result="bypass"}')).toBe(1)
    expect(delta('page_cache_errors_total{operation="get"}')).toBe(1)
    expect(delta('page_cache_errors_total{operation="set"}')).toBe(1)
  })
})

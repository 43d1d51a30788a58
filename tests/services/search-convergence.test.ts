import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { checkReadiness } from '~/infra/health.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { startJobWorker } from '~/infra/jobs/worker.server.ts'
import { loader as categoryLoader } from '~/routes/($locale).c.$slug.tsx'
import { loader as searchLoader } from '~/routes/($locale).search.tsx'
import { loader as suggestLoader } from '~/routes/search_.suggest.ts'
import { SEARCH_PRODUCT_TASK } from '~/services/events/product-changes.server.ts'
import { productChangedTask } from '~/services/product-changed.server.ts'
import { buildProductDocuments } from '~/services/search/documents.server.ts'
import { forgetEnsuredIndexes } from '~/services/search/settings.server.ts'
import {
  createBrand,
  createProduct,
  createShop,
  deleteProduct,
  ensureCatalogBasics,
  setShopStatus,
  updateProduct,
} from '../support/search-catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { runSearchJobs, indexedDocuments } from '../support/search.ts'

// This file takes Meilisearch down, so it runs its own (started before the app's modules read
// the configuration), with a short request timeout so a hung server shows quickly.
const meilisearch = await vi.hoisted(async () => {
  const { startTestMeilisearch } = await import('../setup/meilisearch.ts')
  const instance = await startTestMeilisearch()
  process.env.MEILI_HOST = instance.host
  process.env.MEILI_MASTER_KEY = instance.masterKey
  process.env.MEILI_TIMEOUT_MS = '1500'
  return instance
})

afterAll(async () => {
  await meilisearch.dispose()
})

beforeAll(async () => {
  await ensureCatalogBasics()
})

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Search jobs waiting, running or retrying within the hour (not later discount boundaries). */
const unprocessed = async () =>
  (await listQueuedJobs(SEARCH_PRODUCT_TASK)).filter(
    (job) => job.runAt.getTime() <= Date.now() + 60 * 60_000,
  ).length
const failedAttempt = async () =>
  (await listQueuedJobs(SEARCH_PRODUCT_TASK)).find((job) => job.attempts > 0 && job.lastError)

/** What the index must hold: the current document of every visible product, and nothing else. */
async function expectIndexToMatchDatabase() {
  const ids = (await prisma.product.findMany({ select: { id: true } })).map((product) => product.id)
  const { documents } = await buildProductDocuments(ids)
  const indexed = await indexedDocuments()
  expect(indexed.size).toBe(documents.length)
  for (const document of documents)
    expect(indexed.get(document.id)).toEqual(JSON.parse(JSON.stringify(document)))
}

describe('when Meilisearch goes down', () => {
  test('writes still succeed, the queue keeps every change, and the index converges after a restart', async () => {
    const brand = await createBrand('Convergent')
    const shops = [await createShop('Steady'), await createShop('Wobbly')]
    const products: string[] = []
    for (let i = 0; i < 24; i++) {
      const product = await createProduct({
        shopId: shops[i % 2]!.id,
        title: `Item ${i}`,
        category: i % 3 ? 'dresses' : 'sneakers',
        brandId: brand.id,
        price: 1000 + i,
        variants: [{ color: 'black', size: i % 3 ? 'M' : '40' }],
      })
      products.push(product.id)
    }
    const stopWorker = await startJobWorker({
      tasks: { [SEARCH_PRODUCT_TASK]: productChangedTask },
      pollIntervalMs: 100,
    })
    try {
      await waitFor(async () => (await unprocessed()) === 0, 60_000, 'the first indexing')
      await expectIndexToMatchDatabase()

      // Products change while Meilisearch crashes in the middle of it.
      let changes = 0
      const change = async (i: number) => {
        const id = products[i % products.length]!
        switch (i % 6) {
          case 0:
            await updateProduct(id, { title: `Renamed ${i}` })
            break
          case 1:
            await updateProduct(id, { price: 5000 + i })
            break
          case 2:
            await updateProduct(id, { status: i % 4 ? 'ARCHIVED' : 'ACTIVE' })
            break
          case 3:
            await prisma.$transaction(async (tx) => {
              await tx.variant.updateMany({ where: { productId: id }, data: { stock: i % 2 } })
              const { recordProductChanges } =
                await import('~/services/events/product-changes.server.ts')
              await recordProductChanges(tx, [id])
            })
            break
          case 4:
            products.push(
              (
                await createProduct({
                  shopId: shops[0]!.id,
                  title: `New ${i}`,
                  category: 'dresses',
                  price: 900 + i,
                })
              ).id,
            )
            break
          case 5:
            if (products.length > 10)
              await deleteProduct(products.splice(i % products.length, 1)[0]!)
            break
        }
        changes++
      }
      for (let i = 0; i < 12; i++) await change(i)
      await meilisearch.kill('SIGKILL')
      for (let i = 12; i < 40; i++) await change(i)
      await setShopStatus(shops[1]!.id, 'SUSPENDED')
      expect(changes).toBe(40)

      // Down: the worker keeps failing and keeps the jobs, retrying with backoff.
      await waitFor(async () => Boolean(await failedAttempt()), 20_000, 'a failed attempt')
      const waiting = await failedAttempt()
      expect(waiting?.lastError).toMatch(/unavailable|ECONNREFUSED|failed/i)

      // Meanwhile the store says what is down, and search pages say so in the layout.
      const readiness = await checkReadiness()
      expect(readiness.ready).toBe(false)
      expect(readiness.checks.find((check) => check.name === 'search')).toMatchObject({ ok: false })
      const page = await callRoute(searchLoader, routeRequest('/search?q=item'))
      expect(page.status).toBe(503)
      expect(page.data).toMatchObject({ status: 'unavailable', state: { q: 'item' } })
      expect(page.headers.get('Retry-After')).toBe('30')
      // The grids too: their heading (from PostgreSQL) and the same notice, with the same status.
      const grid = await callRoute(categoryLoader, routeRequest('/c/dresses?color=black'), {
        params: { slug: 'dresses' },
      })
      expect(grid.status).toBe(503)
      expect(grid.headers.get('Retry-After')).toBe('30')
      expect(grid.data).toMatchObject({
        category: { slug: 'dresses' },
        page: { status: 'unavailable', state: { color: ['black'] } },
      })
      const suggestions = await callRoute(suggestLoader, routeRequest('/search/suggest?q=item'))
      expect(suggestions.status).toBe(503)
      expect(suggestions.data).toMatchObject({ products: [], categories: [], unavailable: true })

      // Back up: the worker catches up by itself, and the index is exactly the database.
      await meilisearch.restart()
      forgetEnsuredIndexes()
      await waitFor(async () => (await unprocessed()) === 0, 90_000, 'the index to catch up')
      await expectIndexToMatchDatabase()
      const suspendedIds = (
        await prisma.product.findMany({ where: { shopId: shops[1]!.id }, select: { id: true } })
      ).map((product) => product.id)
      const indexed = await indexedDocuments()
      expect(suspendedIds.some((id) => indexed.has(id))).toBe(false)
      expect((await checkReadiness()).ready).toBe(true)
      expect((await callRoute(searchLoader, routeRequest('/search?q=renamed'))).status).toBe(200)
    } finally {
      await stopWorker()
    }
  })

  test('a hung Meilisearch (not answering at all) gives the friendly page within the timeout', async () => {
    const shop = await createShop()
    await createProduct({ shopId: shop.id, title: 'Patient parka', category: 'clothing' })
    await runSearchJobs()
    meilisearch.pause()
    try {
      const started = Date.now()
      const page = await callRoute(searchLoader, routeRequest('/search?q=parka'))
      expect(page.status).toBe(503)
      expect(Date.now() - started).toBeLessThan(10_000)
      // The writer does not notice at all.
      await updateProduct(
        (await prisma.product.findFirstOrThrow({ where: { title: 'Patient parka' } })).id,
        { title: 'Patient parka II' },
      )
    } finally {
      meilisearch.resume()
    }
    await runSearchJobs()
    const page = await callRoute(searchLoader, routeRequest('/search?q=parka'))
    expect(page.status).toBe(200)
  })
})

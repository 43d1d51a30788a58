import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getSearchClient } from '~/infra/search/client.server.ts'
import { reindexProducts, ReindexRunningError } from '~/services/search/reindex.server.ts'
import { searchProducts } from '~/services/search/search.server.ts'
import { PRODUCT_INDEX_SETTINGS, productIndexUid } from '~/services/search/settings.server.ts'
import { createProduct, createShop, ensureCatalogBasics } from '../support/search-catalog.ts'
import { runSearchJobs, indexedDocuments, pendingSearchJobs, state } from '../support/search.ts'

beforeAll(async () => {
  await ensureCatalogBasics()
})

describe('npm run search:reindex', () => {
  test('builds the first index from nothing', async () => {
    const shop = await createShop()
    const product = await createProduct({
      shopId: shop.id,
      title: 'First knit',
      category: 'women-tops',
    })
    const result = await reindexProducts()
    expect(result).toMatchObject({ uid: productIndexUid(), documents: 1 })
    expect([...(await indexedDocuments()).keys()]).toEqual([product.id])
  })

  test('rebuilds into a fresh index with the settings and swaps it in, repairing any drift, while searches keep working', async () => {
    const shop = await createShop()
    const keep = await createProduct({
      shopId: shop.id,
      title: 'Reindexed raincoat',
      category: 'clothing',
      price: 8000,
    })
    await createProduct({
      shopId: shop.id,
      title: 'Hidden draft',
      category: 'clothing',
      status: 'DRAFT',
    })
    await runSearchJobs()
    const client = getSearchClient()
    const live = productIndexUid()
    // Drift the index could only get by a bug or a lost write: a ghost and a stale price.
    await client
      .index(live)
      .addDocuments([
        { ...(await indexedDocuments()).get(keep.id)!, price: 1 },
        { ...(await indexedDocuments()).get(keep.id)!, id: 'ghost', slug: 'ghost' },
      ])
      .waitTask()
    expect((await indexedDocuments()).has('ghost')).toBe(true)

    // Search keeps answering from the old index while the new one fills.
    let searching = true
    const answers: number[] = []
    const failures: unknown[] = []
    const searches = (async () => {
      while (searching) {
        try {
          answers.push((await searchProducts(state({ q: 'raincoat' }))).totalHits)
        } catch (error) {
          failures.push(error)
        }
      }
    })()
    const result = await reindexProducts({ batchSize: 2 })
    searching = false
    await searches

    expect(failures).toEqual([])
    expect(answers.length).toBeGreaterThan(0)
    // The old index (with the ghost) answered until the swap, never nothing.
    expect(answers.every((hits) => hits === 1 || hits === 2)).toBe(true)
    expect((await searchProducts(state({ q: 'raincoat' }))).totalHits).toBe(1)
    const ids = (
      await prisma.product.findMany({ where: { status: 'ACTIVE' }, select: { id: true } })
    ).map((product) => product.id)
    expect(result.documents).toBe(ids.length)
    const documents = await indexedDocuments()
    expect(new Set(documents.keys())).toEqual(new Set(ids))
    expect(documents.get(keep.id)?.price).toBe(8000)
    // Only the live index is left, with the settings.
    const { results } = await client.getIndexes({ limit: 1000 })
    expect(results.map((index) => index.uid).filter((uid) => uid.startsWith(live))).toEqual([live])
    const settings = await client.index(live).getSettings()
    expect(settings.sortableAttributes?.toSorted()).toEqual(
      [...PRODUCT_INDEX_SETTINGS.sortableAttributes].sort(),
    )
  })

  test('changes indexed during a rebuild are sent again afterwards, so none is lost to the swap', async () => {
    const shop = await createShop()
    const product = await createProduct({
      shopId: shop.id,
      title: 'Busy blazer',
      category: 'clothing',
    })
    await runSearchJobs()
    const result = await reindexProducts()
    expect(result.replayed).toBeGreaterThanOrEqual(1)
    expect(await pendingSearchJobs(product.id)).toHaveLength(1)
    await runSearchJobs()
    expect((await indexedDocuments()).has(product.id)).toBe(true)
  })

  test('only one rebuild runs at a time', async () => {
    const first = reindexProducts()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await expect(reindexProducts()).rejects.toBeInstanceOf(ReindexRunningError)
    await first
  })
})

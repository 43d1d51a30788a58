import { utimes } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { enqueueJobs, listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { LocalStorage } from '~/infra/storage/local.server.ts'
import { getStorage, type ObjectStorage } from '~/infra/storage/storage.server.ts'
import {
  MEDIA_SWEEP_TASK,
  STORAGE_DELETE_TASK,
  mediaSweepTaskOn,
  storageDeleteTaskOn,
} from '~/services/media/cleanup.server.ts'
import { RECIPE_VERSION } from '~/services/media/pipeline.server.ts'
import { rebuildMedia } from '~/services/media/rebuild.server.ts'
import { jobTasks } from '~/services/jobs.server.ts'
import { createProduct, createSeller } from '../support/catalog-fixtures.ts'
import { photo } from '../support/images.ts'
import { clearQueuedJobs, makeJobsDue, queuedKeys } from '../support/jobs.ts'
import { jpegPart, uploadImages } from '../support/media.ts'

/** The real storage, except that deleting fails while `down` is true (an S3 outage). */
class FlakyStorage implements ObjectStorage {
  down = true
  readonly kind
  constructor(private readonly real: ObjectStorage) {
    this.kind = real.kind
  }
  async delete(keys: string[]) {
    if (this.down) return new Map(keys.map((key) => [key, new Error('503 Slow Down')]))
    return this.real.delete(keys)
  }
  put: ObjectStorage['put'] = (...args) => this.real.put(...args)
  get: ObjectStorage['get'] = (key) => this.real.get(key)
  exists: ObjectStorage['exists'] = (key) => this.real.exists(key)
  list: ObjectStorage['list'] = (prefix) => this.real.list(prefix)
  publicUrl: ObjectStorage['publicUrl'] = (key) => this.real.publicUrl(key)
  check: ObjectStorage['check'] = () => this.real.check()
}

/** Runs the due `storage.delete` jobs on this storage, as the worker would. */
async function runDeletions(storage: ObjectStorage) {
  await runDueJobs({ [STORAGE_DELETE_TASK]: storageDeleteTaskOn(() => storage) })
}

async function productWithPhoto() {
  const { shop, cookie } = await createSeller()
  const product = await createProduct(shop.id)
  const response = await uploadImages(
    product.id,
    [jpegPart('dress.jpg', await photo({ width: 700, height: 700 }))],
    cookie,
  )
  expect(response.status).toBe(201)
  const asset = await prisma.mediaAsset.findFirstOrThrow({
    where: { productImage: { productId: product.id } },
    include: { variants: true },
  })
  return {
    product,
    asset,
    keys: [asset.originalKey, ...asset.variants.map((variant) => variant.key)].sort(),
  }
}

const exists = (keys: string[]) => Promise.all(keys.map((key) => getStorage().exists(key)))

describe('stored objects follow the database through the job queue', () => {
  test('the media tasks are registered with the job worker', () => {
    expect(Object.keys(jobTasks)).toEqual(
      expect.arrayContaining([STORAGE_DELETE_TASK, MEDIA_SWEEP_TASK]),
    )
  })

  test('deleting a product deletes its photos, and their objects once storage recovers from an outage', async () => {
    const { product, asset, keys } = await productWithPhoto()
    await clearQueuedJobs()

    // The catalog deletes the product however it likes: cascades and triggers do the rest.
    await prisma.product.delete({ where: { id: product.id } })
    expect(await prisma.mediaAsset.count({ where: { id: asset.id } })).toBe(0)
    expect(await prisma.mediaVariant.count({ where: { assetId: asset.id } })).toBe(0)
    expect((await queuedKeys(STORAGE_DELETE_TASK)).map((item) => item.key).sort()).toEqual(keys)
    // One job per statement, not one per object.
    expect((await listQueuedJobs(STORAGE_DELETE_TASK)).length).toBeLessThan(keys.length)

    // Storage is down: the jobs fail, stay queued with their error, and nothing is lost.
    const storage = new FlakyStorage(getStorage())
    await runDeletions(storage)
    const failed = await listQueuedJobs(STORAGE_DELETE_TASK)
    expect(failed.length).toBeGreaterThan(0)
    for (const job of failed) {
      expect(job).toMatchObject({ attempts: 1, lockedAt: null })
      expect(job.lastError).toMatch(/503 Slow Down/)
      expect(job.runAt.getTime()).toBeGreaterThan(Date.now())
    }
    expect(await exists(keys)).toEqual(keys.map(() => true))

    // Storage is back and the retry is due: the objects go.
    storage.down = false
    await makeJobsDue(failed.map((job) => job.id))
    await runDeletions(storage)
    expect(await listQueuedJobs(STORAGE_DELETE_TASK)).toEqual([])
    expect(await exists(keys)).toEqual(keys.map(() => false))
  })

  test('a queued deletion never removes an object that a row names', async () => {
    const { keys } = await productWithPhoto()
    await prisma.$transaction((tx) =>
      enqueueJobs(tx, { task: STORAGE_DELETE_TASK, payload: { keys } }),
    )
    await runDeletions(getStorage())
    expect(await listQueuedJobs(STORAGE_DELETE_TASK)).toEqual([])
    expect(await exists(keys)).toEqual(keys.map(() => true))
  })

  test('the sweep removes old objects no row names (a crash between storing and committing), and leaves the rest', async () => {
    const { asset, keys } = await productWithPhoto()
    const storage = getStorage()
    expect(storage).toBeInstanceOf(LocalStorage)
    const root = (storage as LocalStorage).root
    const orphanId = 'deadbeefdeadbeefdeadbeef'
    const orphans = [
      `img/${orphanId}/320-0123456789abcdef.avif`,
      `originals/${orphanId}/0123456789abcdef.jpg`,
    ]
    const leftover = `img/${asset.id}/320-ffffffffffffffff.webp`
    const fresh = `img/${orphanId}/640-0123456789abcdef.avif`
    for (const key of [...orphans, leftover, fresh])
      await storage.put(key, Buffer.from('x'), { contentType: 'image/avif' })
    const anHourAgo = new Date(Date.now() - 60 * 60_000)
    for (const key of [...orphans, leftover, ...keys])
      await utimes(path.join(root, key), anHourAgo, anHourAgo)

    await prisma.$transaction((tx) =>
      enqueueJobs(tx, { task: MEDIA_SWEEP_TASK, payload: { assetIds: [orphanId, asset.id] } }),
    )
    await runDueJobs({ [MEDIA_SWEEP_TASK]: mediaSweepTaskOn(() => storage) })
    // Done (the uploads' own sweeps wait for their hour).
    const due = (await listQueuedJobs(MEDIA_SWEEP_TASK)).filter((job) => job.runAt <= new Date())
    expect(due).toEqual([])

    expect(await exists(orphans)).toEqual([false, false])
    expect(await storage.exists(leftover)).toBe(false)
    // Too young to judge (a rebuild may be about to commit it), and everything a row names, stay.
    expect(await storage.exists(fresh)).toBe(true)
    expect(await exists(keys)).toEqual(keys.map(() => true))
  })
})

describe('media:rebuild', () => {
  test('rebuilds images made with an older recipe from their originals, swapping variants and queueing the old objects', async () => {
    const { asset, keys } = await productWithPhoto()
    // Pretend one variant was made by an older recipe: a different key, bytes and recipe version.
    const stale = asset.variants.find(
      (variant) => variant.format === 'WEBP' && variant.width === 320,
    )!
    const oldKey = stale.key.replace(/-[0-9a-f]{16}\./, '-0000000000000000.')
    await getStorage().put(oldKey, Buffer.from('old recipe'), { contentType: 'image/webp' })
    await prisma.mediaVariant.update({ where: { id: stale.id }, data: { key: oldKey } })
    await prisma.mediaAsset.update({
      where: { id: asset.id },
      data: { recipe: RECIPE_VERSION - 1, placeholder: 'data:,' },
    })
    await clearQueuedJobs()

    const result = await rebuildMedia()
    expect(result).toEqual({ rebuilt: 1, unchanged: 0, failed: [] })

    const rebuilt = await prisma.mediaAsset.findUniqueOrThrow({
      where: { id: asset.id },
      include: { variants: true },
    })
    expect(rebuilt.recipe).toBe(RECIPE_VERSION)
    expect(rebuilt.placeholder).toMatch(/^data:image\/webp;base64,/)
    expect([rebuilt.originalKey, ...rebuilt.variants.map((variant) => variant.key)].sort()).toEqual(
      keys,
    )
    expect(await exists(keys)).toEqual(keys.map(() => true))
    // The swap dropped the old variant row, which queued its object, and nothing else.
    expect((await queuedKeys(STORAGE_DELETE_TASK)).map((item) => item.key)).toEqual([oldKey])

    // Up to date now: a second run has nothing to do, `--all` finds nothing changed.
    expect(await rebuildMedia()).toEqual({ rebuilt: 0, unchanged: 0, failed: [] })
    const all = await rebuildMedia({ all: true })
    expect(all.failed).toEqual([])
    expect(all.rebuilt).toBe(0)
  })
})

import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getStorage } from '~/infra/storage/storage.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { MEDIA_SWEEP_TASK, sweepAssets } from '~/services/media/cleanup.server.ts'
import { createProduct, createSeller } from '../support/catalog-fixtures.ts'
import { photo } from '../support/images.ts'
import { jpegPart, mediaRowCounts, storedKeys, uploadImages } from '../support/media.ts'

// Fault drill: the bucket goes away in the middle of a seller's upload (the cable to a local
// S3 server is pulled after the first objects are written). The seller gets a clear answer to
// try again, no row names a half-stored image, the objects written before the cut are swept
// once storage is back, and the same upload then succeeds.
const s3 = await vi.hoisted(async () => {
  const { mkdtemp } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const path = await import('node:path')
  const { default: S3rver } = await import('s3rver')
  const { startCable } = await import('../support/cable.ts')
  const directory = await mkdtemp(path.join(tmpdir(), 'shikposh-drill-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: 'drill' }],
  })
  const { port } = await server.run()
  const cable = await startCable({ host: '127.0.0.1', port })
  Object.assign(process.env, {
    S3_BUCKET: 'drill',
    S3_ENDPOINT: cable.url('http'),
    S3_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  })
  return { server, cable, directory }
})

const figures: Record<string, string> = {}
let image: Buffer

beforeAll(async () => {
  image = await photo({ width: 1600, height: 1200 })
})
afterAll(async () => {
  s3.cable.close()
  await s3.server.close()
  const { rm } = await import('node:fs/promises')
  await rm(s3.directory, { recursive: true, force: true })
  console.info(
    `\nStorage-down drill:\n${Object.entries(figures)
      .map(([name, value]) => `  ${name.padEnd(56)} ${value}`)
      .join('\n')}\n`,
  )
})

type ErrorBody = { error: { code: string; message: string } }

/** Waits until no object has arrived for two seconds (at most 20 s). */
async function bucketStill() {
  let seen = (await storedKeys()).join()
  for (let waited = 0; waited < 20_000; waited += 2000) {
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const now = (await storedKeys()).join()
    if (now === seen) return
    seen = now
  }
}

describe('storage down during an upload', () => {
  test('the seller gets a clear 503, nothing is half stored, leftovers are swept, and the upload works once storage is back', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const before = { keys: await storedKeys(), rows: await mediaRowCounts() }

    // Three objects reach the bucket, then the cable is pulled as the fourth starts.
    const cut = s3.cable.cutAfter(/PUT \//g, 3)
    let start = performance.now()
    const refused = await uploadImages(product.id, [jpegPart('front.jpg', image)], cookie)
    figures['answer to the upload when storage went away'] =
      `${refused.status} in ${Math.round(performance.now() - start)} ms`
    await cut
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
    const body = refused.data as ErrorBody
    expect(body.error.code).toBe('storage-unavailable')
    expect(body.error.message).toBe(
      'The image could not be stored right now. Try again in a moment.',
    )
    // No row names anything of it.
    expect(await mediaRowCounts()).toEqual(before.rows)
    expect(await prisma.productImage.count({ where: { productId: product.id } })).toBe(0)

    // Back: what reached the bucket before the cut is there, named by no row, until the sweep.
    await s3.cable.plugIn()
    // The storage client retries the writes the cut interrupted; they may land now. The real
    // sweep waits an hour for exactly that; the drill waits until the bucket is still.
    await bucketStill()
    const leftovers = (await storedKeys()).filter((key) => !before.keys.includes(key))
    figures['objects written before the cut or retried after it, left in the bucket'] =
      `${leftovers.length}`
    const swept = (await listQueuedJobs(MEDIA_SWEEP_TASK)).flatMap(
      (job) => (job.payload as { assetIds: string[] }).assetIds,
    )
    const assetIds = new Set(leftovers.map((key) => key.split('/')[1]))
    for (const assetId of assetIds) expect(swept).toContain(assetId)
    // The sweep queued before the first write runs an hour later; here at once, without its grace.
    const failed = await sweepAssets(getStorage(), swept, 0)
    expect(failed.size).toBe(0)
    expect(await storedKeys()).toEqual(before.keys)

    // The seller tries again: it works.
    start = performance.now()
    const again = await uploadImages(product.id, [jpegPart('front.jpg', image)], cookie)
    figures['the same upload once storage is back'] =
      `${again.status} in ${Math.round(performance.now() - start)} ms`
    expect(again.status).toBe(201)
    expect(await prisma.productImage.count({ where: { productId: product.id } })).toBe(1)
    const stored = (await storedKeys()).filter((key) => !before.keys.includes(key))
    const asset = await prisma.mediaAsset.findFirstOrThrow({
      where: { productImage: { productId: product.id } },
      include: { variants: true },
    })
    expect(stored.sort()).toEqual(
      [asset.originalKey, ...asset.variants.map((variant) => variant.key)].sort(),
    )
    figures['objects of the stored image'] = `${stored.length}`
  }, 90_000)
})

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { getStorage } from '~/infra/storage/storage.server.ts'
import { STORAGE_DELETE_TASK, storageDeleteTaskOn } from '~/services/media/cleanup.server.ts'
import { attachBulkPhotos } from '../../app/cli/bench/bulk-photos.ts'
import { createColors, createProduct, createSeller } from '../support/catalog-fixtures.ts'

// seed:bulk --photos: a pool of products gets photos through the media service, every other
// product borrows them as assets of its own that name the same stored objects.

const cacheDir = await mkdtemp(path.join(tmpdir(), 'shikposh-bulk-photos-'))
afterAll(() => rm(cacheDir, { recursive: true, force: true }))

const imagesOf = (productId: string) =>
  prisma.productImage.findMany({
    where: { productId },
    orderBy: { position: 'asc' },
    include: {
      asset: { include: { variants: { orderBy: [{ format: 'asc' }, { width: 'asc' }] } } },
    },
  })

test('every product gets photos from a pool uploaded once; the shared objects outlive any one product', async () => {
  const [first, second] = [await createSeller('Bulk One'), await createSeller('Bulk Two')]
  const [navy] = await createColors(['Navy'])
  const dresses = [
    await createProduct(first.shop.id, { title: 'Classic Linen Midi Dress', colorIds: [navy!.id] }),
    await createProduct(second.shop.id, { title: 'Breezy Linen Midi Dress' }),
    await createProduct(second.shop.id, { title: 'Summer Linen Midi Dress' }),
  ]
  const boots = await createProduct(first.shop.id, { title: 'Classic Chelsea Boots' })
  const others = [dresses[1]!, dresses[2]!]

  const report = await attachBulkPhotos({
    where: { id: { in: [...dresses, boots].map((product) => product.id) } },
    poolSize: 2,
    perProduct: 2,
    cacheDir,
  })
  expect(report).toMatchObject({ pooled: 2, products: 4, images: 8 })

  const lender = await imagesOf(dresses[0]!.id)
  expect(lender).toHaveLength(2)
  expect(lender[0]!.alt).toBe(`Classic Linen Midi Dress in ${navy!.name}, front view`)
  expect(lender[0]!.asset.variants.map((variant) => variant.format)).toEqual(
    expect.arrayContaining(['AVIF', 'WEBP']),
  )
  expect(await imagesOf(boots.id)).toHaveLength(2)
  for (const product of others) {
    const images = await imagesOf(product.id)
    expect(images.map((image) => image.position)).toEqual([0, 1])
    // Their own assets, owned by their own seller, naming the lender's objects.
    expect(images.map((image) => image.asset.ownerId)).toEqual([
      second.shop.ownerId,
      second.shop.ownerId,
    ])
    expect(images.map((image) => image.asset.variants.map((variant) => variant.key))).toEqual(
      lender.map((image) => image.asset.variants.map((variant) => variant.key)),
    )
    expect(images[0]!.alt).toBe(`${product.title}, front view`)
    // Navy is the lender's colour, not theirs: the photo is shown for every colour.
    expect(images.map((image) => image.colorId)).toEqual([null, null])
  }

  const storage = getStorage()
  const keys = lender.flatMap((image) => [
    image.asset.originalKey,
    ...image.asset.variants.map((variant) => variant.key),
  ])
  const drain = () => runDueJobs({ [STORAGE_DELETE_TASK]: storageDeleteTaskOn(() => storage) })
  const stored = async () =>
    (await Promise.all(keys.map((key) => storage.exists(key)))).filter(Boolean).length

  // The lender goes first: its rows go, the objects stay for the borrowers.
  await prisma.product.delete({ where: { id: dresses[0]!.id } })
  await drain()
  expect(await stored()).toBe(keys.length)
  await prisma.product.delete({ where: { id: others[0]!.id } })
  await drain()
  expect(await stored()).toBe(keys.length)
  // The last product naming them goes: so do the objects.
  await prisma.product.delete({ where: { id: others[1]!.id } })
  await drain()
  expect(await stored()).toBe(0)
}, 120_000)

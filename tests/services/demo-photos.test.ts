import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getStorage } from '~/infra/storage/storage.server.ts'
import { CATEGORY_TREE, MATERIALS, type CategorySeed } from '../../prisma/seed/catalog-data.ts'
import { seedDemoData } from '../../prisma/seed/index.ts'
import { DESIGNS } from '../../prisma/seed/photos/designs.ts'
import { lookOf, planPhotos, seedDemoPhotos } from '../../prisma/seed/photos/index.ts'
import { photoSvg, viewsOf } from '../../prisma/seed/photos/render.ts'

// The demo catalogue's photos: every product noun has a drawing, every view renders, and the
// seed uploads them through the media service per colour, once, reusing its cache.

const cacheDir = await mkdtemp(path.join(tmpdir(), 'shikposh-demo-photos-'))
afterAll(() => rm(cacheDir, { recursive: true, force: true }))

function nouns(nodes: CategorySeed[]): string[] {
  return nodes.flatMap((node) => [...(node.leaf?.nouns ?? []), ...nouns(node.children ?? [])])
}

describe('demo photo drawings', () => {
  test('every product noun in the catalogue has its own drawing, and each view renders', async () => {
    const all = [...new Set(nouns(CATEGORY_TREE))]
    expect(all.filter((noun) => !DESIGNS[noun])).toEqual([])
    for (const noun of all) {
      const { design, surface } = lookOf(`Classic ${noun}`)
      for (const view of viewsOf(design)) {
        const svg = await photoSvg({
          design,
          surface,
          view,
          colour: '#6d1a36',
          backdrop: 0,
          width: 80,
        })
        const { info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true })
        expect(info).toMatchObject({ width: 80, height: 100 })
      }
    }
  }, 120_000)

  test('the material in a title decides the surface, the noun the shape', () => {
    for (const material of MATERIALS.letters) {
      const { surface } = lookOf(`Classic ${material} Midi Dress`)
      expect(surface.texture).toBeTruthy()
    }
    expect(lookOf('Vintage Denim Straight Jeans').surface.texture).toBe('denim')
    expect(lookOf('Classic Silk Slip Dress').surface.sheen).toBeGreaterThan(0.5)
    expect(lookOf('Minimal Sterling Silver Hoop Earrings').design).toMatchObject({
      metal: 'silver',
    })
    // "Knit" is a shoe material, but in "Knit Vest" it is part of the noun.
    expect(lookOf('Soft Knit Vest').design).toMatchObject({ kind: 'top', cut: { sleeve: 'none' } })
  })

  test('the first colour gets the full set of views, every other colour two', () => {
    const colour = (id: string, position: number) => ({
      color: { id, name: `Colour ${id}`, hex: '#1e3a5f', position },
    })
    const plan = planPhotos({
      slug: 'classic-chelsea-boots',
      title: 'Classic Chelsea Boots',
      shop: { slug: 'stride-shoe-co' },
      variants: [colour('b', 2), colour('a', 1), colour('b', 2), colour('c', 3)],
    })
    expect(plan.map((photo) => `${photo.colorId}:${photo.spec.view}`)).toEqual([
      'a:front',
      'a:pair',
      'a:detail',
      'a:sole',
      'b:front',
      'b:pair',
      'c:front',
      'c:pair',
    ])
    expect(plan[1]!.alt).toBe('Classic Chelsea Boots in Colour a, the pair')
  })
})

describe('seeding the demo photos', () => {
  test('uploads them through the media pipeline per colour, once, and reuses the cache', async () => {
    await seedDemoData()
    const products = await prisma.product.findMany({
      where: { shop: { slug: 'stride-shoe-co' } },
      orderBy: { slug: 'asc' },
      take: 2,
      select: { slug: true },
    })
    const slugs = products.map((product) => product.slug)

    const first = await seedDemoPhotos({ cacheDir, slugs, only: 'first' })
    expect(first).toMatchObject({ products: 2, photos: 2, rendered: 2, processed: 2, cached: 0 })

    const rest = await seedDemoPhotos({ cacheDir, slugs })
    const rows = await prisma.product.findMany({
      where: { slug: { in: slugs } },
      select: {
        slug: true,
        title: true,
        variants: { select: { colorId: true } },
        images: {
          orderBy: { position: 'asc' },
          select: {
            position: true,
            colorId: true,
            alt: true,
            asset: {
              select: {
                placeholder: true,
                width: true,
                height: true,
                variants: { select: { format: true, width: true, key: true } },
              },
            },
          },
        },
      },
    })
    const expected = rows.reduce(
      (sum, row) => sum + new Set(row.variants.map((v) => v.colorId)).size * 2 + 2,
      0,
    )
    expect(rest.photos + first.photos).toBe(expected)
    for (const row of rows) {
      const colours = new Set(row.variants.map((variant) => variant.colorId))
      expect(row.images.map((image) => image.position)).toEqual(row.images.map((_, index) => index))
      for (const colour of colours)
        expect(
          row.images.filter((image) => image.colorId === colour).length,
        ).toBeGreaterThanOrEqual(2)
      for (const image of row.images) {
        expect(image.alt).toMatch(new RegExp(`^${row.title} in `))
        expect(image.asset.placeholder).toMatch(/^data:image\/webp;base64,/)
        expect(image.asset).toMatchObject({ width: 640, height: 800 })
        expect(
          image.asset.variants.map((variant) => `${variant.format}${variant.width}`).sort(),
        ).toEqual(['AVIF320', 'AVIF640', 'JPEG320', 'JPEG640', 'WEBP320', 'WEBP640'])
        for (const variant of image.asset.variants)
          expect(await getStorage().exists(variant.key)).toBe(true)
      }
    }

    // A second run has nothing to add.
    expect(await seedDemoPhotos({ cacheDir, slugs })).toMatchObject({ photos: 0 })

    // A new database (photos deleted) is seeded from the cache: nothing drawn or processed again.
    await prisma.productImage.deleteMany({ where: { product: { slug: { in: slugs } } } })
    const again = await seedDemoPhotos({ cacheDir, slugs })
    expect(again).toMatchObject({ photos: expected, rendered: 0, processed: 0, cached: expected })
    expect((await readdir(path.join(cacheDir, 'processed'))).length).toBe(expected)
  }, 180_000)
})

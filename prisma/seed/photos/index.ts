import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { prisma } from '~/infra/db.server.ts'
import type { ImageProcessor } from '~/services/media/assets.server.ts'
import {
  RECIPE_VERSION,
  processImage,
  type OutputFormat,
  type ProcessedImage,
} from '~/services/media/pipeline.server.ts'
import { addProductImages, updateProductImage } from '~/services/media/product-images.server.ts'
import { SHOPS } from '../catalog-data.ts'
import { DESIGNS, MATERIAL_SURFACES } from './designs.ts'
import {
  DRAWING_VERSION,
  renderPhoto,
  viewsOf,
  type Design,
  type PhotoSpec,
  type View,
} from './render.ts'
import type { Metal, Surface } from './studio.ts'

// Product photos for the demo catalogue, drawn and rendered at seed time (nothing is
// downloaded) and uploaded through the media service exactly as a seller's photos are: checked,
// processed into every variant and placeholder, stored, attached per colour in order. Renders
// and processed variants are cached under DATA_DIR/demo-photos by content, so a second seed
// (a new database, a test run) costs storage writes and rows only.

/** Pixels wide (4:5): variants at 320 and 640 px, enough for cards and the gallery at phone and desktop widths. */
export const PHOTO_WIDTH = 640

export type PhotoSeedOptions = {
  /** Where renders and processed variants are kept between runs. */
  cacheDir: string
  /** Only these products (by slug); otherwise every product of the demo shops without photos. */
  slugs?: string[]
  /**
   * `first`: each product's first photo only (what its card shows), the part a first start
   * waits for; `all` (the default): every photo, the rest of which a first start adds in the
   * background while the store already serves pages.
   */
  only?: 'first' | 'all'
  /** At most this many photos per product (the plan's first ones). */
  most?: number
  /** Photo pipelines at once; by default one per CPU core. */
  concurrency?: number
  /** Stops between products (a shutdown); what is done stays done. */
  signal?: AbortSignal
  log?: (message: string) => void
}

export type PhotoSeedReport = {
  products: number
  photos: number
  rendered: number
  processed: number
  /** Photos whose render or processing came from the cache. */
  cached: number
  seconds: number
}

type PlannedPhoto = { spec: PhotoSpec; colorId: string; alt: string; filename: string }

export async function seedDemoPhotos(options: PhotoSeedOptions): Promise<PhotoSeedReport> {
  const started = performance.now()
  const log = options.log ?? (() => {})
  const products = await prisma.product.findMany({
    where: options.slugs
      ? { slug: { in: options.slugs } }
      : { shop: { slug: { in: SHOPS.map((shop) => shop.slug) } } },
    orderBy: { slug: 'asc' },
    select: {
      id: true,
      slug: true,
      title: true,
      locale: true,
      translatedTitle: true,
      shop: { select: { ownerId: true, slug: true } },
      variants: {
        select: { color: { select: { id: true, name: true, hex: true, position: true } } },
      },
      images: { orderBy: { position: 'asc' }, select: { id: true, colorId: true } },
    },
  })
  const report: PhotoSeedReport = {
    products: 0,
    photos: 0,
    rendered: 0,
    processed: 0,
    cached: 0,
    seconds: 0,
  }
  // What each product still lacks. Photos are added in the planned order, so the n photos a
  // product has are the plan's first n (an interrupted run may have left their colour unset).
  const work = products
    .map((product) => {
      const planned = planPhotos(product)
      const wanted = planned.slice(0, options.only === 'first' ? 1 : options.most)
      return { product, planned, missing: wanted.slice(product.images.length) }
    })
    .filter(
      ({ product, missing }) => missing.length || product.images.some((image) => !image.colorId),
    )
  if (!work.length) return report

  const renders = path.join(options.cacheDir, 'renders')
  const processedDir = path.join(options.cacheDir, 'processed')
  await mkdir(renders, { recursive: true })
  await mkdir(processedDir, { recursive: true })
  const processor = cachedProcessor(processedDir, report)
  const total = work.reduce((sum, item) => sum + item.missing.length, 0)
  let lastLog = performance.now()

  const queue = [...work]
  const lanes = Math.max(1, options.concurrency ?? availableParallelism())
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let item = queue.shift(); item && !options.signal?.aborted; item = queue.shift()) {
        const { product, planned, missing } = item
        const owner = product.shop.ownerId
        for (const [position, image] of product.images.entries()) {
          const photo = planned[position]
          if (!image.colorId && photo)
            await updateProductImage(owner, product.id, image.id, {
              colorId: photo.colorId,
              alt: photo.alt,
            })
        }
        if (!missing.length) continue
        const files = []
        for (const photo of missing) {
          files.push({
            field: 'photos',
            filename: photo.filename,
            declaredType: 'image/jpeg',
            bytes: await cachedRender(renders, photo.spec, report),
          })
        }
        const outcome = await addProductImages(owner, product.id, iterate(files), {
          process: processor,
        })
        // Then, as a seller does in the editor, say which colour each photo shows.
        for (const [index, result] of outcome.results.entries()) {
          if (!result.ok) throw new Error(`A demo photo was refused: ${result.message}`)
          const photo = missing[index]!
          await updateProductImage(owner, product.id, result.image.id, {
            colorId: photo.colorId,
            alt: photo.alt,
          })
        }
        report.products += 1
        report.photos += missing.length
        if (performance.now() - lastLog > 15_000) {
          lastLog = performance.now()
          log(`Demo photos: ${report.photos} of ${total} made…`)
        }
      }
    }),
  )
  report.seconds = (performance.now() - started) / 1000
  return report
}

type ProductRow = {
  slug: string
  title: string
  locale?: string
  translatedTitle?: string | null
  shop: { slug: string }
  variants: Array<{ color: { id: string; name: string; hex: string; position: number } }>
}

/** Each colour's photos: the first colour gets the full set, the others a front and a back. */
export function planPhotos(product: ProductRow): PlannedPhoto[] {
  // The drawing follows the English title's words (a Persian-first product's translation).
  const title = (product.locale === 'fa' && product.translatedTitle) || product.title
  const { design, surface } = lookOf(title)
  const colours = [
    ...new Map(product.variants.map(({ color }) => [color.id, color])).values(),
  ].sort((a, b) => a.position - b.position)
  const backdrop = Math.max(
    0,
    SHOPS.findIndex((shop) => shop.slug === product.shop.slug),
  )
  const views = viewsOf(design)
  return colours.flatMap((colour, index) =>
    views.slice(0, index === 0 ? Math.min(views.length, 4) : 2).map((view) => ({
      spec: { design, view, colour: colour.hex, surface, backdrop, width: PHOTO_WIDTH },
      colorId: colour.id,
      alt: `${title} in ${colour.name}, ${VIEW_NAMES[view]}`,
      filename: `${product.slug}-${colour.name.toLowerCase().replace(/\s+/g, '-')}-${view}.jpg`,
    })),
  )
}

const VIEW_NAMES: Record<View, string> = {
  front: 'front view',
  back: 'back view',
  detail: 'close-up',
  pair: 'the pair',
  sole: 'the sole',
}

const METAL_MATERIALS: Record<string, Metal> = {
  'Sterling Silver': 'silver',
  'Gold-Plated': 'gold',
  Brass: 'brass',
  Titanium: 'silver',
}

/** The drawing and surface for a title: its noun decides the shape, its material the surface. */
export function lookOf(title: string): { design: Design; surface: Surface } {
  const noun = Object.keys(DESIGNS)
    .filter((candidate) => title.endsWith(candidate))
    .sort((a, b) => b.length - a.length)[0]
  const entry = noun ? DESIGNS[noun]! : DESIGNS['Crew Tee']!
  const words = noun ? title.slice(0, -noun.length) : title
  const material = Object.keys(MATERIAL_SURFACES).find((name) => words.includes(name))
  const metal = Object.entries(METAL_MATERIALS).find(([name]) => words.includes(name))?.[1]
  let design = entry.design
  if (design.kind === 'jewellery' && metal) design = { ...design, metal }
  if (design.kind === 'sunglasses' && metal) design = { ...design, metal }
  const surface: Surface = material
    ? MATERIAL_SURFACES[material]!
    : { texture: entry.texture ?? 'cotton', sheen: entry.sheen ?? 0.1 }
  return { design, surface }
}

async function* iterate<T>(items: T[]) {
  yield* items
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

/** Writes beside the target and renames, so a crash never leaves half a cache file. */
async function writeAtomic(file: string, data: Uint8Array) {
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, data)
  await rename(temporary, file)
}

async function cachedRender(dir: string, spec: PhotoSpec, report: PhotoSeedReport) {
  const file = path.join(dir, `${sha256(JSON.stringify([DRAWING_VERSION, spec])).slice(0, 32)}.jpg`)
  const cached = await readFile(file).catch(() => null)
  if (cached) return cached
  const bytes = await renderPhoto(spec)
  report.rendered += 1
  await writeAtomic(file, bytes)
  return bytes
}

type CachedHeader = Omit<ProcessedImage, 'variants'> & {
  variants: Array<{
    format: OutputFormat
    width: number
    height: number
    ms: number
    length: number
  }>
}

/**
 * The media pipeline's processing, remembered by the bytes' hash and the recipe version: the
 * same photo processed again (another seed, another test database) is read back instead.
 */
function cachedProcessor(dir: string, report: PhotoSeedReport): ImageProcessor {
  return async (bytes, recipe, label) => {
    const file = path.join(
      dir,
      `${sha256(bytes).slice(0, 32)}-${recipe.name}-r${RECIPE_VERSION}.bin`,
    )
    const cached = await readFile(file).catch(() => null)
    if (cached) {
      const length = cached.readUInt32BE(0)
      const header: CachedHeader = JSON.parse(cached.subarray(4, 4 + length).toString('utf8'))
      let offset = 4 + length
      report.cached += 1
      return {
        ...header,
        variants: header.variants.map(({ length: size, ...variant }) => {
          const data = cached.subarray(offset, offset + size)
          offset += size
          return { ...variant, data: Buffer.from(data) }
        }),
      }
    }
    const processed = await processImage(bytes, recipe, label)
    report.processed += 1
    const header: CachedHeader = {
      ...processed,
      variants: processed.variants.map(({ data, ...variant }) => ({
        ...variant,
        length: data.length,
      })),
    }
    const json = Buffer.from(JSON.stringify(header))
    const prefix = Buffer.alloc(4)
    prefix.writeUInt32BE(json.length)
    await writeAtomic(
      file,
      Buffer.concat([prefix, json, ...processed.variants.map((variant) => variant.data)]),
    )
    return processed
  }
}

/** "Demo photos: 660 photos of 132 products in 41.2 s (660 rendered, 660 processed, 0 from the cache)". */
export function describePhotos(report: PhotoSeedReport) {
  if (!report.photos) return 'Demo photos: every demo product already has its photos.'
  return `Demo photos: ${report.photos} photos of ${report.products} products in ${report.seconds.toFixed(1)} s (${report.rendered} drawn, ${report.processed} processed, ${report.cached} processed ones reused from the cache).`
}

import { performance } from 'node:perf_hooks'
import { prisma, type Prisma } from '~/infra/db.server.ts'
import { lookOf, seedDemoPhotos } from '../../../prisma/seed/photos/index.ts'

// Photos for a bulk catalogue, cheaply: a small pool of products gets real photos (drawn by the
// demo seed's renderer and uploaded through the media service, as a seller's are), and every
// other product gets asset rows that name the pool's stored objects. Each copy is an asset of
// its own, owned by the product's seller, so deleting a product deletes its rows only; the
// shared objects stay until no row names them (media/cleanup.server.ts).

export type BulkPhotoOptions = {
  /** The products that get photos (seed:bulk's: those whose id carries its run). */
  where: Prisma.ProductWhereInput
  /** How many products get photos of their own, the pool the others borrow from. */
  poolSize: number
  /** Photos per product: the front view, then the back and more. */
  perProduct: number
  /** Where the demo seed keeps renders and processed variants between runs. */
  cacheDir: string
  /** Rows per INSERT. */
  batch?: number
  log?: (message: string) => void
}

export type BulkPhotoReport = {
  pooled: number
  products: number
  images: number
  seconds: number
}

type PoolImage = {
  position: number
  alt: string
  colorId: string | null
  asset: {
    kind: 'PRODUCT_IMAGE' | 'AVATAR'
    originalKey: string
    originalFormat: string
    originalBytes: number
    contentHash: string
    width: number
    height: number
    placeholder: string
    recipe: number
    variants: Array<{ format: string; width: number; height: number; key: string; bytes: number }>
  }
}

export async function attachBulkPhotos(options: BulkPhotoOptions): Promise<BulkPhotoReport> {
  const started = performance.now()
  const products = await prisma.product.findMany({
    where: options.where,
    orderBy: { id: 'asc' },
    select: {
      id: true,
      slug: true,
      title: true,
      shop: { select: { ownerId: true } },
      variants: { select: { colorId: true } },
    },
  })
  // One pool product per drawing, first come; the rest borrow their drawing's pool photos.
  const drawingOf = (title: string) => JSON.stringify(lookOf(title).design)
  const poolByDrawing = new Map<string, (typeof products)[number]>()
  for (const product of products) {
    if (poolByDrawing.size >= options.poolSize) break
    const drawing = drawingOf(product.title)
    if (!poolByDrawing.has(drawing)) poolByDrawing.set(drawing, product)
  }
  const pool = [...poolByDrawing.values()]
  if (!pool.length) return { pooled: 0, products: 0, images: 0, seconds: 0 }

  await seedDemoPhotos({
    cacheDir: options.cacheDir,
    slugs: pool.map((product) => product.slug),
    most: options.perProduct,
    log: options.log,
  })
  const pooledImages = new Map<string, PoolImage[]>()
  for (const product of pool) {
    const images = await prisma.productImage.findMany({
      where: { productId: product.id },
      orderBy: { position: 'asc' },
      select: {
        position: true,
        alt: true,
        colorId: true,
        asset: {
          select: {
            kind: true,
            originalKey: true,
            originalFormat: true,
            originalBytes: true,
            contentHash: true,
            width: true,
            height: true,
            placeholder: true,
            recipe: true,
            variants: {
              select: { format: true, width: true, height: true, key: true, bytes: true },
            },
          },
        },
      },
    })
    pooledImages.set(product.id, images)
  }

  const report: BulkPhotoReport = {
    pooled: pool.length,
    products: pool.length,
    images: 0,
    seconds: 0,
  }
  for (const images of pooledImages.values()) report.images += images.length
  const pooledIds = new Set(pool.map((product) => product.id))
  const borrowers = products.filter((product) => !pooledIds.has(product.id))
  const batch = options.batch ?? 2000
  for (let offset = 0; offset < borrowers.length; offset += batch) {
    const assets: unknown[][] = Array.from({ length: 11 }, () => [])
    const variants: unknown[][] = Array.from({ length: 7 }, () => [])
    const images: unknown[][] = Array.from({ length: 6 }, () => [])
    for (const [index, product] of borrowers.slice(offset, offset + batch).entries()) {
      const drawing = drawingOf(product.title)
      const lender = poolByDrawing.get(drawing) ?? pool[(offset + index) % pool.length]!
      const lenderTitle = lender.title
      const colours = new Set(product.variants.map((variant) => variant.colorId))
      for (const image of pooledImages.get(lender.id) ?? []) {
        const assetId = `${product.id}a${image.position}`
        const { asset } = image
        ;[
          assetId,
          asset.kind,
          product.shop.ownerId,
          asset.originalKey,
          asset.originalFormat,
          asset.originalBytes,
          asset.contentHash,
          asset.width,
          asset.height,
          asset.placeholder,
          asset.recipe,
        ].forEach((value, column) => assets[column]!.push(value))
        asset.variants.forEach((variant, position) => {
          ;[
            `${assetId}v${position}`,
            assetId,
            variant.format,
            variant.width,
            variant.height,
            variant.key,
            variant.bytes,
          ].forEach((value, column) => variants[column]!.push(value))
        })
        // The lender's colour, when the borrower comes in it too; otherwise every colour's.
        const colorId = image.colorId && colours.has(image.colorId) ? image.colorId : null
        const alt = image.alt.replace(lenderTitle, product.title)
        ;[
          `${product.id}i${image.position}`,
          product.id,
          assetId,
          image.position,
          (colorId ? alt : alt.replace(/ in [^,]+,/, ',')).slice(0, 300),
          colorId,
        ].forEach((value, column) => images[column]!.push(value))
      }
    }
    await prisma.$transaction([
      prisma.$executeRawUnsafe(
        `INSERT INTO "MediaAsset" (id, kind, "ownerId", "originalKey", "originalFormat", "originalBytes", "contentHash", width, height, placeholder, recipe, "createdAt", "updatedAt")
         SELECT id, kind::"MediaKind", owner, okey, oformat, obytes, hash, w, h, ph, recipe, now(), now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int4[], $7::text[], $8::int4[], $9::int4[], $10::text[], $11::int4[])
           AS t(id, kind, owner, okey, oformat, obytes, hash, w, h, ph, recipe)`,
        ...assets,
      ),
      prisma.$executeRawUnsafe(
        `INSERT INTO "MediaVariant" (id, "assetId", format, width, height, key, bytes)
         SELECT id, asset, format::"ImageFormat", w, h, key, bytes
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::int4[], $6::text[], $7::int4[])
           AS t(id, asset, format, w, h, key, bytes)`,
        ...variants,
      ),
      prisma.$executeRawUnsafe(
        `INSERT INTO "ProductImage" (id, "productId", "assetId", position, alt, "colorId", "createdAt", "updatedAt")
         SELECT id, product, asset, position, alt, colour, now(), now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::text[], $6::text[])
           AS t(id, product, asset, position, alt, colour)`,
        ...images,
      ),
    ])
    report.products += Math.min(batch, borrowers.length - offset)
    report.images += images[0]!.length
  }
  report.seconds = (performance.now() - started) / 1000
  return report
}

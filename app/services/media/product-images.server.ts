import { prisma, type Prisma, type Tx } from '~/infra/db.server.ts'
import type { MultipartLimits, UploadedFile } from '~/infra/uploads/multipart.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import type { DomainErrorKind } from '~/utils/domain-error.ts'
import { displayName, quoteFileName } from '~/utils/file-names.ts'
import {
  IMAGE_ASSET_SELECT,
  assetCreateData,
  discardPrepared,
  prepareAsset,
  toImageView,
  type ImageProcessor,
  type ImageRules,
  type PreparedAsset,
} from './assets.server.ts'
import {
  InvalidColorError,
  MediaNotFoundError,
  NoFileError,
  StaleImagesError,
  TooManyImagesError,
} from './errors.server.ts'
import { ImageRejection } from './inspect.server.ts'
import {
  MAX_FILE_BYTES,
  MAX_IMAGES_PER_PRODUCT,
  MAX_PRODUCT_ASPECT_RATIO,
  MIN_PRODUCT_SHORT_SIDE,
  productUploadLimits,
} from './limits.ts'
import { HEIC_READABLE, PRODUCT_RECIPE } from './pipeline.server.ts'
import { linePhotoKey, primaryImage, type ImageColor, type ProductImageView } from './views.ts'

// Product photos. Every operation for sellers names the acting user, and the product must
// belong to that user's shop: the ownership is part of each query's `where`, so another
// seller's ids find nothing (404) and change nothing. Positions are kept 0..n-1.

export const PRODUCT_IMAGE_RULES: ImageRules = {
  recipe: PRODUCT_RECIPE,
  minShortSide: MIN_PRODUCT_SHORT_SIDE,
  maxAspectRatio: MAX_PRODUCT_ASPECT_RATIO,
  noun: 'product photo',
}

/** How much one upload request may carry: a full product's worth of photos, and a little framing. */
export const PRODUCT_UPLOAD_LIMITS: MultipartLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  maxFiles: MAX_IMAGES_PER_PRODUCT,
  maxBodyBytes: MAX_IMAGES_PER_PRODUCT * MAX_FILE_BYTES + 1024 * 1024,
  maxFields: 4,
}

const ownedBy = (userId: string) =>
  ({ shop: { ownerId: userId } }) satisfies Prisma.ProductWhereInput

export const PRODUCT_IMAGE_SELECT = {
  id: true,
  position: true,
  alt: true,
  colorId: true,
  asset: { select: IMAGE_ASSET_SELECT },
} as const satisfies Prisma.ProductImageSelect

type ProductImageRow = Prisma.ProductImageGetPayload<{ select: typeof PRODUCT_IMAGE_SELECT }>

export function toProductImageView(row: ProductImageRow): ProductImageView {
  return {
    id: row.id,
    position: row.position,
    alt: row.alt,
    colorId: row.colorId,
    image: toImageView(row.asset),
  }
}

/** Serialises image changes of one product (uploads, reorders, deletions) so the limit and positions hold. */
async function lockProductImages(tx: Tx, productId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`product-images:${productId}`}, 0))`
}

async function requireOwnedProduct(db: Tx, userId: string, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, ...ownedBy(userId) },
    select: { id: true, title: true },
  })
  if (!product) throw new MediaNotFoundError()
  return product
}

async function listImages(db: Tx, productId: string) {
  const rows = await db.productImage.findMany({
    where: { productId },
    orderBy: { position: 'asc' },
    select: PRODUCT_IMAGE_SELECT,
  })
  return rows.map(toProductImageView)
}

// ---------------------------------------------------------------- for the seller

/** What the images editor needs: the product, the colours it comes in, its photos and the limits. */
export async function getProductImageEditor(userId: string, productId: string) {
  const product = await requireOwnedProduct(prisma, userId, productId)
  const [colors, images] = await Promise.all([
    prisma.color.findMany({
      where: { variants: { some: { productId } } },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, hex: true },
    }),
    listImages(prisma, productId),
  ])
  return {
    product,
    colors: colors satisfies ImageColor[],
    images,
    limits: productUploadLimits({ heic: HEIC_READABLE }),
  }
}

export async function listProductImages(
  userId: string,
  productId: string,
): Promise<ProductImageView[]> {
  await requireOwnedProduct(prisma, userId, productId)
  return listImages(prisma, productId)
}

export type FileResult =
  | { file: string; ok: true; image: ProductImageView }
  | { file: string; ok: false; kind: DomainErrorKind; code: string; message: string }

export type UploadOutcome = { results: FileResult[]; images: ProductImageView[] }

/**
 * Adds the uploaded photos to the product, after its current ones. Each file is checked and
 * processed as it arrives; a file that is not an acceptable photo is refused on its own (its
 * result says why) while the others are added. The request as a whole is refused, keeping
 * nothing, when it would take the product past MAX_IMAGES_PER_PRODUCT (TooManyImagesError),
 * when its body is refused (UploadError), or when storage or the processing queue fail.
 */
export async function addProductImages(
  userId: string,
  productId: string,
  files: AsyncIterable<UploadedFile>,
  options: { process?: ImageProcessor } = {},
): Promise<UploadOutcome> {
  const product = await prisma.product.findFirst({
    where: { id: productId, ...ownedBy(userId) },
    select: { _count: { select: { images: true } } },
  })
  if (!product) throw new MediaNotFoundError()
  const existing = product._count.images

  const prepared: PreparedAsset[] = []
  const outcomes: Array<
    { file: string; asset: PreparedAsset } | { file: string; rejection: ImageRejection }
  > = []
  try {
    for await (const file of files) {
      if (existing + prepared.length >= MAX_IMAGES_PER_PRODUCT)
        throw tooMany(existing, file.filename)
      try {
        const asset = await prepareAsset({
          filename: file.filename,
          bytes: file.bytes,
          kind: 'PRODUCT_IMAGE',
          ownerId: userId,
          rules: PRODUCT_IMAGE_RULES,
          process: options.process,
        })
        prepared.push(asset)
        outcomes.push({ file: file.filename, asset })
      } catch (error) {
        if (!(error instanceof ImageRejection)) throw error
        outcomes.push({ file: file.filename, rejection: error })
      }
    }
    if (!outcomes.length) throw new NoFileError('Choose at least one photo to upload.')
    if (prepared.length) {
      await prisma.$transaction(async (tx) => {
        await lockProductImages(tx, productId)
        await requireOwnedProduct(tx, userId, productId)
        // Another upload may have landed since the first count.
        const count = await tx.productImage.count({ where: { productId } })
        if (count + prepared.length > MAX_IMAGES_PER_PRODUCT) throw tooMany(count)
        for (const [index, asset] of prepared.entries()) {
          await tx.mediaAsset.create({
            data: {
              ...assetCreateData(asset),
              productImage: { create: { productId, position: count + index } },
            },
          })
        }
        await recordProductChanges(tx, [productId])
      })
    }
  } catch (error) {
    await discardPrepared(prepared)
    throw error
  }

  const images = await listImages(prisma, productId)
  const rows = await prisma.productImage.findMany({
    where: { assetId: { in: prepared.map((asset) => asset.id) } },
    select: { id: true, assetId: true },
  })
  const imageIdByAsset = new Map(rows.map((row) => [row.assetId, row.id]))
  const results = outcomes.map((outcome): FileResult => {
    const file = displayName(outcome.file)
    if ('rejection' in outcome) {
      return {
        file,
        ok: false,
        kind: outcome.rejection.kind,
        code: outcome.rejection.code,
        message: outcome.rejection.message,
      }
    }
    const image = images.find((candidate) => candidate.id === imageIdByAsset.get(outcome.asset.id))!
    return { file, ok: true, image }
  })
  return { results, images }
}

function tooMany(existing: number, filename?: string) {
  const label = filename ? quoteFileName(filename) : 'These photos'
  const message =
    existing >= MAX_IMAGES_PER_PRODUCT
      ? `${label} cannot be added: this product already has ${MAX_IMAGES_PER_PRODUCT} photos, the most allowed. Delete one first.`
      : `${label} cannot be added: a product can have at most ${MAX_IMAGES_PER_PRODUCT} photos and this one has ${existing}, so at most ${MAX_IMAGES_PER_PRODUCT - existing} more fit. Nothing from this upload was kept.`
  return new TooManyImagesError(message, filename)
}

export type ImageChanges = {
  alt?: string
  /** A colour of the product's variants, or null for every colour. */
  colorId?: string | null
}

/** Sets a photo's alt text and/or colour. */
export async function updateProductImage(
  userId: string,
  productId: string,
  imageId: string,
  changes: ImageChanges,
): Promise<ProductImageView> {
  return prisma.$transaction(async (tx) => {
    const image = await tx.productImage.findFirst({
      where: { id: imageId, productId, product: ownedBy(userId) },
      select: { id: true },
    })
    if (!image) throw new MediaNotFoundError('photo')
    if (changes.colorId) {
      const offered = await tx.variant.findFirst({
        where: { productId, colorId: changes.colorId },
        select: { id: true },
      })
      if (!offered) throw new InvalidColorError()
    }
    const row = await tx.productImage.update({
      where: { id: image.id },
      data: { alt: changes.alt, colorId: changes.colorId },
      select: PRODUCT_IMAGE_SELECT,
    })
    // The first photos (their alt text and colour) are part of the product's search document.
    await recordProductChanges(tx, [productId])
    return toProductImageView(row)
  })
}

/** Puts the photos in this order; `imageIds` must name exactly the product's current photos. */
export async function reorderProductImages(
  userId: string,
  productId: string,
  imageIds: string[],
): Promise<ProductImageView[]> {
  return prisma.$transaction(async (tx) => {
    await lockProductImages(tx, productId)
    await requireOwnedProduct(tx, userId, productId)
    const current = await tx.productImage.findMany({
      where: { productId },
      select: { id: true, position: true },
    })
    const currentIds = new Set(current.map((image) => image.id))
    if (
      imageIds.length !== current.length ||
      new Set(imageIds).size !== imageIds.length ||
      !imageIds.every((id) => currentIds.has(id))
    ) {
      throw new StaleImagesError()
    }
    const positionOf = new Map(current.map((image) => [image.id, image.position]))
    for (const [position, id] of imageIds.entries()) {
      if (positionOf.get(id) !== position)
        await tx.productImage.update({ where: { id }, data: { position } })
    }
    await recordProductChanges(tx, [productId])
    return listImages(tx, productId)
  })
}

/**
 * Deletes a photo. Its stored objects are deleted by a job (the database triggers queue it
 * in this transaction), so a storage outage never blocks or undoes the deletion.
 */
export async function deleteProductImage(
  userId: string,
  productId: string,
  imageId: string,
): Promise<ProductImageView[]> {
  return prisma.$transaction(async (tx) => {
    await lockProductImages(tx, productId)
    const image = await tx.productImage.findFirst({
      where: { id: imageId, productId, product: ownedBy(userId) },
      select: { id: true, position: true },
    })
    if (!image) throw new MediaNotFoundError('photo')
    await tx.productImage.delete({ where: { id: image.id } })
    await tx.productImage.updateMany({
      where: { productId, position: { gt: image.position } },
      data: { position: { decrement: 1 } },
    })
    await recordProductChanges(tx, [productId])
    return listImages(tx, productId)
  })
}

// ---------------------------------------------------------------- for the storefront

/**
 * A product's photos in the seller's order, for its page (the catalog decides who may see the
 * product). Reorder them for a picked colour with orderImagesForColor from views.ts.
 */
export async function listProductGallery(productId: string): Promise<ProductImageView[]> {
  return listImages(prisma, productId)
}

/**
 * The first photos of many products at once, for product cards (the first, and the second to
 * show on hover). Products without photos are absent from the map.
 */
export async function listCardImages(
  productIds: string[],
  { perProduct = 2 } = {},
): Promise<Map<string, ProductImageView[]>> {
  const rows = await prisma.productImage.findMany({
    where: { productId: { in: [...new Set(productIds)] }, position: { lt: perProduct } },
    orderBy: [{ productId: 'asc' }, { position: 'asc' }],
    select: { ...PRODUCT_IMAGE_SELECT, productId: true },
  })
  const byProduct = new Map<string, ProductImageView[]>()
  for (const row of rows) {
    const list = byProduct.get(row.productId) ?? []
    list.push(toProductImageView(row))
    byProduct.set(row.productId, list)
  }
  return byProduct
}

/**
 * The photo to show beside a cart, checkout or order line: the product's first photo for the
 * line's colour (or for every colour, or its first). One query for all the lines' products;
 * keyed by linePhotoKey; lines whose product has no photos (or is gone) are absent.
 */
export async function listLinePhotos(
  lines: Array<{ productId: string | null; colorId: string | null }>,
): Promise<Record<string, ProductImageView>> {
  const productIds = [...new Set(lines.flatMap((line) => (line.productId ? [line.productId] : [])))]
  const photos: Record<string, ProductImageView> = {}
  if (!productIds.length) return photos
  const rows = await prisma.productImage.findMany({
    where: { productId: { in: productIds } },
    orderBy: [{ productId: 'asc' }, { position: 'asc' }],
    select: { ...PRODUCT_IMAGE_SELECT, productId: true },
  })
  const byProduct = new Map<string, ProductImageView[]>()
  for (const row of rows)
    byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), toProductImageView(row)])
  for (const line of lines) {
    const photo = line.productId
      ? primaryImage(byProduct.get(line.productId) ?? [], line.colorId)
      : undefined
    if (photo) photos[linePhotoKey(line.productId, line.colorId)] = photo
  }
  return photos
}

import { createHash, randomBytes } from 'node:crypto'
import {
  prisma,
  type ImageFormat,
  type MediaKind,
  type Prisma,
  type Tx,
} from '~/infra/db.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import { SemaphoreFullError } from '~/infra/semaphore.server.ts'
import { getStorage, type ObjectStorage } from '~/infra/storage/storage.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { fileNameProblem, quoteFileName } from '~/utils/file-names.ts'
import { EXTENSIONS, ImageRejection, checkStructure, sniff } from './inspect.server.ts'
import { listFormats } from './limits.ts'
import {
  HEIC_READABLE,
  OUTPUT_CONTENT_TYPES,
  OUTPUT_EXTENSIONS,
  RECIPE_VERSION,
  mediaPipelines,
  processImage,
  readImageInfo,
  type OutputFormat,
  type ProcessedImage,
  type Recipe,
} from './pipeline.server.ts'
import type { ImageView } from './views.ts'
import { MEDIA_SWEEP_TASK } from './cleanup.server.ts'
import { businessMetrics } from '~/infra/business-metrics.server.ts'

// From uploaded bytes to stored objects and database rows, for every kind of image. Objects
// are written before the rows that name them and a `media.sweep` event is queued before the
// first write, so a crash between the two leaves nothing behind for long (see cleanup.server.ts).

export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** How long an upload may take between writing its objects and committing its rows. */
export const SWEEP_AFTER_MS = 60 * 60_000

const FORMAT_ENUM: Record<OutputFormat, ImageFormat> = { avif: 'AVIF', webp: 'WEBP', jpeg: 'JPEG' }

/** The image service has more work queued than it accepts; try again shortly. */
export class MediaBusyError extends DomainError {
  override name = 'MediaBusyError'
  constructor() {
    super(
      'unavailable',
      'busy',
      'Images are being processed for many uploads right now. Try again in a moment.',
      { retryAt: new Date(Date.now() + 5_000) },
    )
  }
}

/** Storage failed while writing an upload; nothing of it was kept. */
export class MediaStorageError extends DomainError {
  override name = 'MediaStorageError'
  constructor(cause: unknown) {
    super(
      'unavailable',
      'storage-unavailable',
      'The image could not be stored right now. Try again in a moment.',
      { cause, retryAt: new Date(Date.now() + 10_000) },
    )
  }
}

export type StoredVariant = {
  format: ImageFormat
  width: number
  height: number
  key: string
  bytes: number
}

/** An image checked, processed and written to storage, whose rows are not written yet. */
export type PreparedAsset = {
  id: string
  kind: MediaKind
  ownerId: string
  originalKey: string
  originalFormat: string
  originalBytes: number
  contentHash: string
  width: number
  height: number
  placeholder: string
  recipe: number
  variants: StoredVariant[]
}

export type ImageRules = {
  recipe: Recipe
  minShortSide: number
  /** Longest over shortest side; unset: any shape (avatars are cropped square anyway). */
  maxAspectRatio?: number
  /** "product photo", "profile photo": how messages name what is being uploaded. */
  noun: string
}

const newAssetId = () => randomBytes(12).toString('hex')
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The variant's key: its asset, width and a hash of its bytes, so it can be cached for ever. */
export function variantKey(assetId: string, width: number, format: OutputFormat, data: Uint8Array) {
  return `img/${assetId}/${width}-${sha256(data).slice(0, 16)}.${OUTPUT_EXTENSIONS[format]}`
}

/**
 * Decides what the bytes are and whether they make an acceptable image, without decoding
 * pixels: the name, the format (from the bytes), the container's structure, the dimensions.
 * Throws ImageRejection with a message naming the file.
 */
export async function inspectUpload(filename: string, bytes: Buffer, rules: ImageRules) {
  const label = quoteFileName(filename)
  const nameProblem = fileNameProblem(filename)
  if (nameProblem)
    throw new ImageRejection(
      'bad-name',
      'invalid',
      `${label} is not accepted: ${nameProblem}. Rename the file and try again.`,
    )
  if (bytes.length === 0) throw new ImageRejection('empty', 'unprocessable', `${label} is empty.`)
  const sniffed = sniff(bytes)
  const accepted = listFormats(['JPEG', 'PNG', 'WebP', 'AVIF', ...(HEIC_READABLE ? ['HEIC'] : [])])
  if (!sniffed.format) {
    const reason =
      sniffed.code === 'svg'
        ? 'an SVG drawing, which is not accepted for photos'
        : sniffed.looksLike
    throw new ImageRejection(
      sniffed.code,
      'unsupported',
      `${label} is ${reason}. Upload a ${rules.noun} in ${accepted}.`,
    )
  }
  checkStructure(bytes, sniffed.format, label)
  const info = await readImageInfo(bytes, sniffed.format, label)
  const shortSide = Math.min(info.width, info.height)
  if (shortSide < rules.minShortSide) {
    throw new ImageRejection(
      'too-small',
      'unprocessable',
      `${label} is ${info.width} × ${info.height} pixels; a ${rules.noun} needs at least ${rules.minShortSide} pixels on its shorter side.`,
    )
  }
  if (
    rules.maxAspectRatio &&
    Math.max(info.width, info.height) / shortSide > rules.maxAspectRatio
  ) {
    throw new ImageRejection(
      'bad-shape',
      'unprocessable',
      `${label} is ${info.width} × ${info.height} pixels, too long and narrow for a ${rules.noun} (at most ${rules.maxAspectRatio}:1).`,
    )
  }
  return { label, ...info }
}

/** Turns checked bytes into the recipe's variants and placeholder. */
export type ImageProcessor = (
  bytes: Buffer,
  recipe: Recipe,
  label: string,
) => Promise<ProcessedImage>

/** The request path: one of MEDIA_CONCURRENCY pipelines, or a place in their queue. */
export const processInPipeline: ImageProcessor = (bytes, recipe, label) =>
  mediaPipelines().run(async () => {
    const end = businessMetrics.mediaDuration.startTimer()
    try {
      return await processImage(bytes, recipe, label)
    } finally {
      end()
    }
  })

/**
 * Checks, processes and stores one upload. On any failure nothing of it stays in storage (and
 * if deleting fails too, the sweep queued before the first write removes it later). `process`
 * is the pipeline (under the semaphore) unless a caller brings its own: the demo seed reuses
 * processed photos it has made before, since processing is a pure function of bytes and recipe.
 */
export async function prepareAsset(input: {
  filename: string
  bytes: Buffer
  kind: MediaKind
  ownerId: string
  rules: ImageRules
  process?: ImageProcessor
}): Promise<PreparedAsset> {
  const { label, format } = await inspectUpload(input.filename, input.bytes, input.rules)
  let processed: ProcessedImage
  try {
    processed = await (input.process ?? processInPipeline)(input.bytes, input.rules.recipe, label)
  } catch (error) {
    if (error instanceof SemaphoreFullError) {
      businessMetrics.mediaRefusals.inc()
      throw new MediaBusyError()
    }
    throw error
  }
  const id = newAssetId()
  const contentHash = sha256(input.bytes)
  const originalKey = `originals/${id}/${contentHash.slice(0, 16)}.${EXTENSIONS[format]}`
  await scheduleSweep(prisma, [id])
  const variants = processed.variants.map((variant) => ({
    format: FORMAT_ENUM[variant.format],
    width: variant.width,
    height: variant.height,
    key: variantKey(id, variant.width, variant.format, variant.data),
    bytes: variant.data.length,
    data: variant.data,
    contentType: OUTPUT_CONTENT_TYPES[variant.format],
  }))
  await putAll(getStorage(), [
    {
      key: originalKey,
      data: input.bytes,
      contentType: `image/${format}`,
      cacheControl: 'private, no-store',
    },
    ...variants.map((variant) => ({
      key: variant.key,
      data: variant.data,
      contentType: variant.contentType,
      cacheControl: IMMUTABLE,
    })),
  ])
  return {
    id,
    kind: input.kind,
    ownerId: input.ownerId,
    originalKey,
    originalFormat: format,
    originalBytes: input.bytes.length,
    contentHash,
    width: processed.width,
    height: processed.height,
    placeholder: processed.placeholder,
    recipe: RECIPE_VERSION,
    variants: variants.map(({ format, width, height, key, bytes }) => ({
      format,
      width,
      height,
      key,
      bytes,
    })),
  }
}

type Put = { key: string; data: Uint8Array; contentType: string; cacheControl: string }

/** Writes the objects (a few at a time); if one fails, deletes those written and throws MediaStorageError. */
export async function putAll(storage: ObjectStorage, objects: Put[]) {
  const written: string[] = []
  try {
    for (let start = 0; start < objects.length; start += 4) {
      await Promise.all(
        objects.slice(start, start + 4).map(async (object) => {
          await storage.put(object.key, object.data, {
            contentType: object.contentType,
            cacheControl: object.cacheControl,
          })
          written.push(object.key)
        }),
      )
    }
  } catch (error) {
    await deleteQuietly(storage, written)
    throw new MediaStorageError(error)
  }
}

/** Queues a sweep of the assets' storage prefixes for when any upload of them must be over. */
export async function scheduleSweep(tx: Tx, assetIds: string[]) {
  if (!assetIds.length) return
  const runAt = new Date(Date.now() + SWEEP_AFTER_MS)
  await enqueueJobs(tx, { task: MEDIA_SWEEP_TASK, payload: { assetIds }, runAt })
}

/** The rows of a prepared asset; call inside the transaction that attaches it to something. */
export function assetCreateData(asset: PreparedAsset): Prisma.MediaAssetUncheckedCreateInput {
  return {
    id: asset.id,
    kind: asset.kind,
    ownerId: asset.ownerId,
    originalKey: asset.originalKey,
    originalFormat: asset.originalFormat,
    originalBytes: asset.originalBytes,
    contentHash: asset.contentHash,
    width: asset.width,
    height: asset.height,
    placeholder: asset.placeholder,
    recipe: asset.recipe,
    variants: { createMany: { data: asset.variants } },
  }
}

/** Removes the objects of assets whose rows were never written (a refused or failed upload). */
export async function discardPrepared(assets: PreparedAsset[]) {
  await deleteQuietly(
    getStorage(),
    assets.flatMap((asset) => [asset.originalKey, ...asset.variants.map((variant) => variant.key)]),
  )
}

async function deleteQuietly(storage: ObjectStorage, keys: string[]) {
  if (!keys.length) return
  try {
    const failed = await storage.delete(keys)
    if (failed.size)
      logger.warn(
        { keys: [...failed.keys()] },
        'Could not delete the objects of a refused upload; the sweep will',
      )
  } catch (error) {
    logger.warn({ err: error }, 'Could not delete the objects of a refused upload; the sweep will')
  }
}

// ---------------------------------------------------------------- views

/** What a view of an asset needs from the database; use it in any query that shows images. */
export const IMAGE_ASSET_SELECT = {
  width: true,
  height: true,
  placeholder: true,
  variants: { select: { format: true, width: true, key: true }, orderBy: { width: 'asc' } },
} as const satisfies Prisma.MediaAssetSelect

export type ImageAssetRow = Prisma.MediaAssetGetPayload<{ select: typeof IMAGE_ASSET_SELECT }>

/** The <picture> data of an asset: srcsets per format, the JPEG fallback, the placeholder. */
export function toImageView(
  asset: ImageAssetRow,
  storage: ObjectStorage = getStorage(),
): ImageView {
  const byFormat = (format: ImageFormat) =>
    asset.variants.filter((variant) => variant.format === format).sort((a, b) => a.width - b.width)
  const srcSet = (format: ImageFormat) =>
    byFormat(format)
      .map((variant) => `${storage.publicUrl(variant.key)} ${variant.width}w`)
      .join(', ')
  const jpegs = byFormat('JPEG')
  const fallback = jpegs.find((variant) => variant.width >= 640) ?? jpegs.at(-1)
  return {
    width: asset.width,
    height: asset.height,
    placeholder: asset.placeholder,
    srcSet: { avif: srcSet('AVIF'), webp: srcSet('WEBP'), jpeg: srcSet('JPEG') },
    src: fallback ? storage.publicUrl(fallback.key) : '',
  }
}

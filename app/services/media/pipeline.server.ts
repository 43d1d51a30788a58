import { performance } from 'node:perf_hooks'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { getEnv } from '~/infra/env.server.ts'
import { Semaphore } from '~/infra/semaphore.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { ImageRejection, type SourceFormat } from './inspect.server.ts'
import { MAX_INPUT_PIXELS } from './limits.ts'
import { businessMetrics } from '~/infra/business-metrics.server.ts'

// The image recipe: what sharp makes of an upload. Change anything here (widths, formats,
// encoder settings) and bump RECIPE_VERSION; `npm run media:rebuild` then rebuilds every
// image from its original. The figures behind these settings are in docs/domains/media.md.

export const RECIPE_VERSION = 1

export type OutputFormat = 'avif' | 'webp' | 'jpeg'
export const OUTPUT_FORMATS: OutputFormat[] = ['avif', 'webp', 'jpeg']
export const OUTPUT_EXTENSIONS: Record<OutputFormat, string> = {
  avif: 'avif',
  webp: 'webp',
  jpeg: 'jpg',
}
export const OUTPUT_CONTENT_TYPES: Record<OutputFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
}

export type Recipe = {
  name: 'product' | 'avatar'
  /** Variant widths; an image is never enlarged, and its own width is added when the ladder skips too much of it. */
  widths: number[]
  /** Avatars are cropped to a square around the most interesting part of the photo. */
  square: boolean
}

export const PRODUCT_RECIPE: Recipe = {
  name: 'product',
  widths: [320, 640, 960, 1280, 1920],
  square: false,
}
export const AVATAR_RECIPE: Recipe = { name: 'avatar', widths: [64, 128, 256, 512], square: true }

/**
 * Encoder settings, measured on the 2-core development machine (docs/domains/media.md, "Image processing"):
 * AVIF at effort 2 is about 2x faster than effort 3 for files a few percent larger (effort 4 is
 * an order of magnitude slower); WebP effort 2 is 2-3x faster than effort 4 for 3-6% more bytes;
 * the JPEG fallback, which only old browsers fetch, uses libjpeg-turbo rather than mozjpeg
 * (4-5x faster, about a third larger).
 */
export const ENCODERS = {
  avif: { quality: 50, effort: 2 },
  webp: { quality: 78, effort: 2 },
  jpeg: { quality: 80, progressive: true, mozjpeg: false },
} as const

const PLACEHOLDER_WIDTH = 16
const BACKGROUND = '#ffffff'

// libvips' operation cache helps repeated operations on the same file, which uploads never are.
sharp.cache(false)

/** Whether this sharp build decodes HEIC (prebuilt sharp reads AVIF but not HEVC-coded HEIC). */
export const HEIC_READABLE = sharp.format.heif.input.fileSuffix?.includes('.heic') ?? false

/** At most MEDIA_CONCURRENCY pipelines run at once; a few dozen may wait, more are told to retry. */
export function mediaPipelines() {
  return singleton('media-pipelines', () => {
    const semaphore = new Semaphore(getEnv().mediaConcurrency, 32)
    businessMetrics.observeMediaQueue(() => ({
      running: semaphore.running,
      queued: semaphore.queued,
    }))
    return semaphore
  })
}

export type ImageInfo = { format: SourceFormat; width: number; height: number }

/**
 * Reads the header with sharp and checks it agrees with the sniffed format; dimensions are as
 * displayed (after EXIF orientation). Nothing is decoded yet.
 */
export async function readImageInfo(
  bytes: Buffer,
  format: SourceFormat,
  label: string,
): Promise<ImageInfo> {
  if (format === 'heic' && !HEIC_READABLE) {
    throw new ImageRejection(
      'heic-unsupported',
      'unsupported',
      `${label} is a HEIC photo, which this server cannot read. Upload it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible).`,
    )
  }
  let metadata: Metadata
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    throw new ImageRejection(
      'damaged',
      'unprocessable',
      `${label} could not be read as an image. Export it again from your camera or editor.`,
    )
  }
  const actual =
    metadata.format === 'heif'
      ? metadata.compression === 'av1'
        ? 'avif'
        : metadata.compression === 'hevc'
          ? 'heic'
          : 'heif'
      : metadata.format
  if (actual !== format || !metadata.width || !metadata.height) {
    throw new ImageRejection(
      'damaged',
      'unprocessable',
      `${label} is not a well-formed ${format.toUpperCase()} image.`,
    )
  }
  if ((metadata.pages ?? 1) > 1) {
    throw new ImageRejection(
      'animated',
      'unprocessable',
      `${label} is animated or has several pages. Upload a single still photo.`,
    )
  }
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) {
    throw new ImageRejection(
      'too-many-pixels',
      'unprocessable',
      `${label} is ${metadata.width} × ${metadata.height} pixels, more than the ${MAX_INPUT_PIXELS / 1_000_000} megapixels accepted. Resize it and try again.`,
    )
  }
  const rotated = (metadata.orientation ?? 1) >= 5
  return {
    format,
    width: rotated ? metadata.height : metadata.width,
    height: rotated ? metadata.width : metadata.height,
  }
}

export type ProcessedVariant = {
  format: OutputFormat
  width: number
  height: number
  data: Buffer
  ms: number
}

export type ProcessedImage = {
  /** The displayed size (after orientation; the square for avatars), capped at the largest variant. */
  width: number
  height: number
  placeholder: string
  variants: ProcessedVariant[]
  /** Decoding, orienting, colour conversion and the first resize. */
  decodeMs: number
  totalMs: number
}

/** The widths to build for an image `sourceWidth` wide: the ladder, never enlarging. */
export function variantWidths(sourceWidth: number, ladder: number[]) {
  const widths = ladder.filter((width) => width <= sourceWidth)
  const largest = Math.min(sourceWidth, ladder.at(-1)!)
  const top = widths.at(-1)
  // A 1000 px photo gets 960, not 960 and 1000; a 600 px one gets 600 rather than stopping at 320.
  if (top === undefined || (largest !== top && largest > top * 1.15)) widths.push(largest)
  return widths
}

/**
 * Auto-orients from EXIF, flattens transparency onto white, converts to sRGB, and encodes
 * every variant in AVIF, WebP and JPEG, plus the inline placeholder. No metadata (EXIF, GPS,
 * XMP, ICC) survives: sharp writes none unless asked to. Decoding stops at MAX_INPUT_PIXELS and
 * at the first error (a truncated file included).
 */
export async function processImage(
  bytes: Buffer,
  recipe: Recipe,
  label = 'The image',
): Promise<ProcessedImage> {
  const started = performance.now()
  try {
    const maxWidth = recipe.widths.at(-1)!
    let pipeline = sharp(bytes, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'error',
      sequentialRead: true,
    }).rotate()
    if (recipe.square) {
      const { width, height } = await readOrientedSize(bytes)
      const side = Math.min(width, height, maxWidth)
      pipeline = pipeline.resize(side, side, { fit: 'cover', position: sharp.strategy.attention })
    } else {
      pipeline = pipeline.resize({ width: maxWidth, withoutEnlargement: true })
    }
    const master = await pipeline
      .flatten({ background: BACKGROUND })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
    const decodeMs = performance.now() - started
    const raw = {
      width: master.info.width,
      height: master.info.height,
      channels: master.info.channels,
    }

    const variants: ProcessedVariant[] = []
    for (const width of variantWidths(raw.width, recipe.widths)) {
      const resized =
        width === raw.width
          ? { data: master.data, info: raw }
          : await sharp(master.data, { raw })
              .resize({ width })
              .raw()
              .toBuffer({ resolveWithObject: true })
      const info = {
        width: resized.info.width,
        height: resized.info.height,
        channels: resized.info.channels,
      }
      for (const format of OUTPUT_FORMATS) {
        const encodeStarted = performance.now()
        const data = await encode(sharp(resized.data, { raw: info }), format).toBuffer()
        variants.push({
          format,
          width: info.width,
          height: info.height,
          data,
          ms: performance.now() - encodeStarted,
        })
      }
    }

    const tiny = await sharp(master.data, { raw })
      .resize({ width: PLACEHOLDER_WIDTH })
      .blur(0.8)
      .webp({ quality: 40, effort: 4 })
      .toBuffer()
    return {
      width: raw.width,
      height: raw.height,
      placeholder: `data:image/webp;base64,${tiny.toString('base64')}`,
      variants,
      decodeMs,
      totalMs: performance.now() - started,
    }
  } catch (error) {
    if (error instanceof ImageRejection) throw error
    const reason = error instanceof Error ? error.message : String(error)
    if (/pixel limit/i.test(reason)) {
      throw new ImageRejection(
        'too-many-pixels',
        'unprocessable',
        `${label} has more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels. Resize it and try again.`,
      )
    }
    throw new ImageRejection(
      'damaged',
      'unprocessable',
      `${label} is damaged or incomplete and could not be decoded. Export it again from your camera or editor.`,
    )
  }
}

function encode(image: Sharp, format: OutputFormat) {
  if (format === 'avif') return image.avif(ENCODERS.avif)
  if (format === 'webp') return image.webp(ENCODERS.webp)
  return image.jpeg(ENCODERS.jpeg)
}

async function readOrientedSize(bytes: Buffer) {
  const metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
  const rotated = (metadata.orientation ?? 1) >= 5
  return {
    width: (rotated ? metadata.height : metadata.width) ?? 0,
    height: (rotated ? metadata.width : metadata.height) ?? 0,
  }
}

import exifReader from 'exif-reader'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { ImageRejection } from '~/services/media/inspect.server.ts'
import {
  AVATAR_RECIPE,
  PRODUCT_RECIPE,
  processImage,
  readImageInfo,
  variantWidths,
} from '~/services/media/pipeline.server.ts'
import { photo } from '../support/images.ts'

describe('variantWidths', () => {
  test("follows the ladder, never enlarges, and keeps the image's own width when the ladder skips too much", () => {
    const ladder = PRODUCT_RECIPE.widths
    expect(variantWidths(4000, ladder)).toEqual([320, 640, 960, 1280, 1920])
    expect(variantWidths(1920, ladder)).toEqual([320, 640, 960, 1280, 1920])
    expect(variantWidths(1000, ladder)).toEqual([320, 640, 960])
    expect(variantWidths(600, ladder)).toEqual([320, 600])
    expect(variantWidths(200, ladder)).toEqual([200])
  })
})

describe('processImage', () => {
  test('makes AVIF, WebP and JPEG at each width with the right sizes, and a tiny inline placeholder', async () => {
    const result = await processImage(await photo({ width: 1500, height: 1000 }), PRODUCT_RECIPE)
    expect(result).toMatchObject({ width: 1500, height: 1000 })
    const summary = result.variants.map(
      (variant) => `${variant.format}@${variant.width}x${variant.height}`,
    )
    expect(summary).toEqual([
      'avif@320x213',
      'webp@320x213',
      'jpeg@320x213',
      'avif@640x427',
      'webp@640x427',
      'jpeg@640x427',
      'avif@960x640',
      'webp@960x640',
      'jpeg@960x640',
      'avif@1280x853',
      'webp@1280x853',
      'jpeg@1280x853',
      'avif@1500x1000',
      'webp@1500x1000',
      'jpeg@1500x1000',
    ])
    for (const variant of result.variants) {
      const metadata = await sharp(variant.data).metadata()
      expect(metadata.format).toBe(variant.format === 'avif' ? 'heif' : variant.format)
      expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height])
    }
    expect(result.placeholder).toMatch(/^data:image\/webp;base64,/)
    expect(result.placeholder.length).toBeLessThan(400)
  })

  test('applies EXIF orientation and strips every piece of metadata, GPS included', async () => {
    // Stored 1200 x 800 with orientation 6 (rotate 90° clockwise to display): shown 800 x 1200,
    // with the red half, stored on the left, at the top.
    const input = await photo({ width: 1200, height: 800, orientation: 6, gps: true })
    const before = await sharp(input).metadata()
    expect(before.orientation).toBe(6)
    expect(exifReader(before.exif!).GPSInfo?.GPSLatitude).toEqual([51, 30, 0])

    expect(await readImageInfo(input, 'jpeg', 'photo.jpg')).toEqual({
      format: 'jpeg',
      width: 800,
      height: 1200,
    })
    const result = await processImage(input, PRODUCT_RECIPE)
    expect([result.width, result.height]).toEqual([800, 1200])
    for (const variant of result.variants) {
      const metadata = await sharp(variant.data).metadata()
      expect(metadata.exif).toBeUndefined()
      expect(metadata.xmp).toBeUndefined()
      expect(metadata.icc).toBeUndefined()
      expect(metadata.orientation).toBeUndefined()
    }
    const jpeg = result.variants.find(
      (variant) => variant.format === 'jpeg' && variant.width === 800,
    )!
    const { data, info } = await sharp(jpeg.data).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => [
      ...data.subarray(
        (y * info.width + x) * info.channels,
        (y * info.width + x) * info.channels + 3,
      ),
    ]
    expect(pixel(400, 100)[0]).toBeGreaterThan(150) // top: red
    expect(pixel(400, 100)[1]).toBeLessThan(90)
    expect(Math.min(...pixel(400, 1100))).toBeGreaterThan(230) // bottom: white
  })

  test('converts wide-gamut and 16-bit images to 8-bit sRGB and flattens transparency onto white', async () => {
    const p3 = await sharp({
      create: { width: 700, height: 700, channels: 3, background: { r: 30, g: 160, b: 90 } },
    })
      .withIccProfile('p3')
      .jpeg()
      .toBuffer()
    const fromP3 = await processImage(p3, PRODUCT_RECIPE)
    const webp = fromP3.variants.find((variant) => variant.format === 'webp')!
    expect((await sharp(webp.data).metadata()).icc).toBeUndefined()

    const transparent = await sharp({
      create: { width: 700, height: 700, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toColourspace('rgb16')
      .toBuffer()
    const flattened = await processImage(transparent, PRODUCT_RECIPE)
    const avif = flattened.variants.find((variant) => variant.format === 'avif')!
    const metadata = await sharp(avif.data).metadata()
    expect(metadata.hasAlpha).toBe(false)
    const { data } = await sharp(avif.data).raw().toBuffer({ resolveWithObject: true })
    expect(Math.min(...data.subarray(0, 30))).toBeGreaterThan(240)
  })

  test('crops avatars to a square', async () => {
    const result = await processImage(await photo({ width: 900, height: 300 }), AVATAR_RECIPE)
    expect([result.width, result.height]).toEqual([300, 300])
    expect(
      result.variants
        .filter((variant) => variant.format === 'webp')
        .map((variant) => `${variant.width}x${variant.height}`),
    ).toEqual(['64x64', '128x128', '256x256', '300x300'])
  })

  test('a truncated image is refused as damaged when decoded', async () => {
    const whole = await photo({ width: 1000, height: 800 })
    await expect(
      processImage(whole.subarray(0, Math.floor(whole.length * 0.7)), PRODUCT_RECIPE, '“cut.jpg”'),
    ).rejects.toMatchObject({
      code: 'damaged',
      message: expect.stringContaining('“cut.jpg”'),
    })
    await expect(
      processImage(Buffer.from('not an image at all'), PRODUCT_RECIPE),
    ).rejects.toBeInstanceOf(ImageRejection)
  })
})

import { randomBytes } from 'node:crypto'
import { buffer } from 'node:stream/consumers'
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { prisma } from '~/infra/db.server.ts'
import { getStorage } from '~/infra/storage/storage.server.ts'
import { action as uploadAction } from '~/routes/api.products.$productId.images.ts'
import { callRoute } from './remix.ts'
import { uploadRequest, type Part } from './images.ts'

// Helpers for media tests: what is stored (objects and rows), uploads through the route, and
// files that are not what they claim to be.

/** Every object in storage, originals included. */
export async function storedKeys() {
  const keys: string[] = []
  for (const prefix of ['img/', 'originals/'])
    for await (const object of getStorage().list(prefix)) keys.push(object.key)
  return keys.sort()
}

export async function readObject(key: string) {
  const object = await getStorage().get(key)
  if (!object) throw new Error(`No object ${key}`)
  return buffer(object.body)
}

export async function mediaRowCounts() {
  const [assets, variants, productImages] = await Promise.all([
    prisma.mediaAsset.count(),
    prisma.mediaVariant.count(),
    prisma.productImage.count(),
  ])
  return { assets, variants, productImages }
}

export function uploadImages(productId: string, parts: Part[], cookie?: string) {
  return callRoute(
    uploadAction,
    uploadRequest(`/api/products/${productId}/images`, parts, cookie),
    { params: { productId } },
  )
}

export const jpegPart = (filename: string, data: Buffer): Part => ({
  filename,
  contentType: 'image/jpeg',
  data,
})

function pngChunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A decompression bomb: a valid PNG header claiming 100 000 x 100 000 pixels (10 gigapixels,
 * 30 GB decoded) around a few hundred bytes of data.
 */
export function hugeDimensionPng() {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(100_000, 0)
  header.writeUInt32BE(100_000, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // truecolour
  const rows = deflateSync(Buffer.alloc(3 * 100_000 + 1))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export async function animatedWebp() {
  const frame = (background: string) =>
    sharp({ create: { width: 700, height: 700, channels: 3, background } })
      .png()
      .toBuffer()
  return sharp([await frame('red'), await frame('blue')], { join: { animated: true } })
    .webp()
    .toBuffer()
}

/**
 * A product photo as rows only (asset, its JPEG and WebP variants, the product image), without
 * processing or storing anything: for pages that show photos, where the pipeline is not the
 * subject. Positions follow the order of the calls unless given.
 */
export async function attachPhoto(
  productId: string,
  ownerId: string,
  options: { colorId?: string | null; alt?: string; position?: number } = {},
) {
  const tag = randomBytes(6).toString('hex')
  const position = options.position ?? (await prisma.productImage.count({ where: { productId } }))
  const asset = await prisma.mediaAsset.create({
    data: {
      kind: 'PRODUCT_IMAGE',
      ownerId,
      originalKey: `originals/${tag}/original.jpg`,
      originalFormat: 'jpeg',
      originalBytes: 1000,
      contentHash: tag.padEnd(64, '0'),
      width: 1280,
      height: 1600,
      placeholder: 'data:image/webp;base64,AAAA',
      recipe: 1,
      variants: {
        create: [320, 640, 1280].flatMap((width) => [
          {
            format: 'JPEG' as const,
            width,
            height: width * 1.25,
            key: `img/${tag}/${width}-${tag}.jpg`,
            bytes: 1000,
          },
          {
            format: 'WEBP' as const,
            width,
            height: width * 1.25,
            key: `img/${tag}/${width}-${tag}.webp`,
            bytes: 800,
          },
        ]),
      },
      productImage: {
        create: { productId, position, alt: options.alt ?? '', colorId: options.colorId ?? null },
      },
    },
    select: { productImage: { select: { id: true, position: true, colorId: true } } },
  })
  return { ...asset.productImage!, tag }
}

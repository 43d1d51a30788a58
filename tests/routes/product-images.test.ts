import exifReader from 'exif-reader'
import sharp from 'sharp'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { getStorage } from '~/infra/storage/storage.server.ts'
import { action as imageAction } from '~/routes/api.products.$productId.images.$imageId.ts'
import { loader as listLoader } from '~/routes/api.products.$productId.images.ts'
import { action as orderAction } from '~/routes/api.products.$productId.images.order.ts'
import { loader as mediaLoader } from '~/routes/media.$.ts'
import { STORAGE_DELETE_TASK, storageDeleteTask } from '~/services/media/cleanup.server.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import { createColors, createProduct, createSeller } from '../support/catalog-fixtures.ts'
import { photo, uploadRequest, type Part } from '../support/images.ts'
import { clearQueuedJobs, queuedKeys } from '../support/jobs.ts'
import {
  animatedWebp,
  hugeDimensionPng,
  jpegPart,
  mediaRowCounts,
  readObject,
  storedKeys,
  uploadImages,
} from '../support/media.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

type UploadBody = {
  results: Array<{
    file: string
    ok: boolean
    status?: number
    code?: string
    message?: string
    image?: ProductImageView
  }>
  images: ProductImageView[]
}
type ErrorBody = { error: { code: string; message: string; file?: string } }

let small: Buffer
beforeAll(async () => {
  small = await photo({ width: 700, height: 700 })
})

function jsonRequest(path: string, method: string, body: unknown, cookie: string) {
  return new Request(new URL(path, 'http://localhost:3000'), {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  })
}

/** What is stored now (objects and media rows), to compare before and after a refused request. */
async function snapshot() {
  return { keys: await storedKeys(), rows: await mediaRowCounts() }
}

describe('uploading product photos through the route', () => {
  test('every width in AVIF, WebP and JPEG, orientation applied, metadata (GPS!) gone, the original kept privately', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const gpsPhoto = await photo({ width: 2400, height: 1800, gps: true })
    const rotated = await photo({ width: 1200, height: 800, orientation: 6 })
    const webp = await photo({ width: 900, height: 1200, format: 'webp' })

    const response = await uploadImages(
      product.id,
      [
        jpegPart('front with GPS.jpg', gpsPhoto),
        jpegPart('IMG_0001.JPG', rotated),
        { filename: 'back.webp', contentType: 'image/webp', data: webp },
      ],
      cookie,
    )
    expect(response.status).toBe(201)
    const body = response.data as UploadBody
    expect(body.results.map((result) => [result.file, result.ok])).toEqual([
      ['front with GPS.jpg', true],
      ['IMG_0001.JPG', true],
      ['back.webp', true],
    ])
    expect(
      body.images.map((image) => [image.position, image.image.width, image.image.height]),
    ).toEqual([
      [0, 1920, 1440],
      [1, 800, 1200],
      [2, 900, 1200],
    ])

    const assets = await prisma.mediaAsset.findMany({
      where: { productImage: { productId: product.id } },
      include: { variants: true, productImage: true },
      orderBy: { productImage: { position: 'asc' } },
    })
    const summary = (index: number) =>
      assets[index]!.variants.map(
        (variant) => `${variant.format}@${variant.width}x${variant.height}`,
      )
        .sort()
        .join(' ')
    expect(summary(0)).toBe(
      'AVIF@1280x960 AVIF@1920x1440 AVIF@320x240 AVIF@640x480 AVIF@960x720 JPEG@1280x960 JPEG@1920x1440 JPEG@320x240 JPEG@640x480 JPEG@960x720 WEBP@1280x960 WEBP@1920x1440 WEBP@320x240 WEBP@640x480 WEBP@960x720',
    )
    expect(summary(1)).toBe(
      'AVIF@320x480 AVIF@640x960 AVIF@800x1200 JPEG@320x480 JPEG@640x960 JPEG@800x1200 WEBP@320x480 WEBP@640x960 WEBP@800x1200',
    )
    expect(assets[2]!.originalFormat).toBe('webp')

    for (const asset of assets) {
      for (const variant of asset.variants) {
        const bytes = await readObject(variant.key)
        expect(bytes.length).toBe(variant.bytes)
        const metadata = await sharp(bytes).metadata()
        expect(metadata.format).toBe({ AVIF: 'heif', WEBP: 'webp', JPEG: 'jpeg' }[variant.format])
        expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height])
        expect(metadata.exif).toBeUndefined()
        expect(metadata.icc).toBeUndefined()
        // Content-hashed keys under the asset; the seller's file name is nowhere.
        expect(variant.key).toMatch(
          new RegExp(`^img/${asset.id}/${variant.width}-[0-9a-f]{16}\\.(avif|webp|jpg)$`),
        )
      }
      expect(asset.originalKey).toMatch(
        new RegExp(`^originals/${asset.id}/[0-9a-f]{16}\\.(jpg|webp)$`),
      )
    }

    // The rotated photo: red was stored on the left, so it is now at the top.
    const portrait = assets[1]!.variants.find(
      (variant) => variant.format === 'JPEG' && variant.width === 800,
    )!
    const { data, info } = await sharp(await readObject(portrait.key))
      .raw()
      .toBuffer({ resolveWithObject: true })
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels + 1]!
    expect(at(400, 100)).toBeLessThan(90) // red: little green
    expect(at(400, 1100)).toBeGreaterThan(230) // white

    // The original is kept byte for byte (GPS included), privately: never served.
    const original = await readObject(assets[0]!.originalKey)
    expect(original.equals(gpsPhoto)).toBe(true)
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo).toBeDefined()
    expect(
      (
        await callRoute(mediaLoader, routeRequest(`/media/${assets[0]!.originalKey}`), {
          params: { '*': assets[0]!.originalKey },
        })
      ).status,
    ).toBe(404)

    // The srcsets point at the app's /media route, which serves variants for ever.
    const view = body.images[0]!.image
    expect(view.srcSet.avif.split(', ')).toHaveLength(5)
    expect(view.srcSet.webp).toMatch(/^\/media\/img\/\S+ 320w, /)
    expect(view.src).toMatch(/^\/media\/img\/\S+\/640-[0-9a-f]{16}\.jpg$/)
    expect(view.placeholder).toMatch(/^data:image\/webp;base64,/)
    const key = view.src.replace('/media/', '')
    const served = await callRoute(mediaLoader, routeRequest(view.src), { params: { '*': key } })
    expect(served.status).toBe(200)
    expect(served.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(served.headers.get('Content-Type')).toBe('image/jpeg')
    const etag = served.headers.get('ETag')!
    const again = await callRoute(
      mediaLoader,
      routeRequest(view.src, { headers: { 'If-None-Match': etag } }),
      { params: { '*': key } },
    )
    expect(again.status).toBe(304)
  })

  test('a PNG renamed .jpg is still a PNG: the content decides, and the photo is accepted', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const response = await uploadImages(
      product.id,
      [jpegPart('looks-like.jpg', await photo({ width: 800, height: 800, format: 'png' }))],
      cookie,
    )
    expect(response.status).toBe(201)
    expect(
      await prisma.mediaAsset.findFirst({
        where: { productImage: { productId: product.id } },
        select: { originalFormat: true, originalKey: true },
      }),
    ).toMatchObject({ originalFormat: 'png', originalKey: expect.stringMatching(/\.png$/) })
  })

  test('one bad file among good ones is refused on its own (207)', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const response = await uploadImages(
      product.id,
      [
        jpegPart('good.jpg', small),
        { filename: 'notes.txt', contentType: 'text/plain', data: 'hello' },
      ],
      cookie,
    )
    expect(response.status).toBe(207)
    const body = response.data as UploadBody
    expect(body.results.map((result) => [result.file, result.ok, result.status ?? null])).toEqual([
      ['good.jpg', true, null],
      ['notes.txt', false, 415],
    ])
    expect(body.images).toHaveLength(1)
  })
})

describe('the malformed-input suite: each file refused with a 4xx that names it, and nothing stored', () => {
  const cases: Array<{
    name: string
    part: () => Promise<Part> | Part
    status: number
    code: string
    mentions: string
  }> = [
    {
      name: 'a PDF claiming to be a JPEG',
      part: () => jpegPart('catalogue.jpg', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n')),
      status: 415,
      code: 'unsupported-type',
      mentions: '“catalogue.jpg” is a PDF document',
    },
    {
      name: 'a GIF renamed .png',
      part: async () => ({
        filename: 'spin.png',
        contentType: 'image/png',
        data: await photo({ format: 'gif', width: 700, height: 700 }),
      }),
      status: 415,
      code: 'unsupported-type',
      mentions: '“spin.png” is a GIF image',
    },
    {
      name: 'text renamed .webp',
      part: () => ({ filename: 'readme.webp', contentType: 'image/webp', data: 'just text' }),
      status: 415,
      code: 'unsupported-type',
      mentions: '“readme.webp” is not an image',
    },
    {
      name: 'an SVG named .png',
      part: () => ({
        filename: 'logo.png',
        contentType: 'image/png',
        data: '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900"><script>alert(1)</script></svg>',
      }),
      status: 415,
      code: 'svg',
      mentions: '“logo.png” is an SVG drawing',
    },
    {
      name: 'an SVG as itself',
      part: () => ({
        filename: 'logo.svg',
        contentType: 'image/svg+xml',
        data: '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      }),
      status: 415,
      code: 'svg',
      mentions: '“logo.svg” is an SVG drawing',
    },
    {
      name: 'a huge-dimension PNG (decompression bomb)',
      part: () => ({ filename: 'bomb.png', contentType: 'image/png', data: hugeDimensionPng() }),
      status: 422,
      code: 'too-many-pixels',
      mentions: '“bomb.png” is 100000 × 100000 pixels',
    },
    {
      name: 'a truncated JPEG',
      part: async () => {
        const whole = await photo({ width: 1000, height: 800 })
        return jpegPart('cut.jpg', whole.subarray(0, Math.floor(whole.length * 0.7)))
      },
      status: 422,
      code: 'damaged',
      mentions: '“cut.jpg” is damaged or incomplete',
    },
    {
      name: 'a JPEG with a web page appended (polyglot)',
      part: async () =>
        jpegPart(
          'poly.jpg',
          Buffer.concat([
            await photo({ width: 800, height: 800 }),
            Buffer.from('<html><script>alert(document.cookie)</script></html>'),
          ]),
        ),
      status: 422,
      code: 'polyglot',
      mentions: '“poly.jpg” has',
    },
    {
      name: 'a JPEG with a ZIP archive appended (polyglot)',
      part: async () =>
        jpegPart(
          'gifar.jpg',
          Buffer.concat([
            await photo({ width: 800, height: 800 }),
            Buffer.from('PK\x03\x04\x14\x00\x00\x00payload.class', 'latin1'),
          ]),
        ),
      status: 422,
      code: 'polyglot',
      mentions: '“gifar.jpg” has',
    },
    {
      name: 'an animated WebP',
      part: async () => ({
        filename: 'blink.webp',
        contentType: 'image/webp',
        data: await animatedWebp(),
      }),
      status: 422,
      code: 'animated',
      mentions: '“blink.webp” is animated',
    },
    {
      name: 'a photo too small for a product page',
      part: async () => jpegPart('thumb.jpg', await photo({ width: 500, height: 400 })),
      status: 422,
      code: 'too-small',
      mentions: 'at least 600 pixels on its shorter side',
    },
    {
      name: 'a long, narrow strip',
      part: async () => jpegPart('banner.jpg', await photo({ width: 2400, height: 700 })),
      status: 422,
      code: 'bad-shape',
      mentions: '“banner.jpg” is 2400 × 700 pixels, too long and narrow',
    },
    {
      name: 'an empty file',
      part: () => jpegPart('empty.jpg', Buffer.alloc(0)),
      status: 422,
      code: 'empty',
      mentions: '“empty.jpg” is empty',
    },
    {
      name: 'a HEIC photo this server cannot read',
      part: () => ({
        filename: 'IMG_2001.HEIC',
        contentType: 'image/heic',
        data: Buffer.concat([
          Buffer.from([0, 0, 0, 24]),
          Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
          Buffer.from([0, 0, 0, 8]),
          Buffer.from('meta', 'latin1'),
        ]),
      }),
      status: 415,
      code: 'heic-unsupported',
      mentions: '“IMG_2001.HEIC” is a HEIC photo',
    },
  ]
  const hostileNames = [
    '../../etc/passwd.jpg',
    '..\\..\\boot.jpg',
    '/etc/cron.d/evil.jpg',
    '<img src=x onerror=alert(1)>.jpg',
    'invoice\u202egpj.exe',
    'tab\there.jpg',
    `${'long'.repeat(70)}.jpg`,
  ]
  for (const name of hostileNames) {
    cases.push({
      name: `a photo named ${JSON.stringify(name).slice(0, 40)}`,
      part: () => jpegPart(name, small),
      status: 400,
      code: 'bad-name',
      mentions: 'is not accepted: its name',
    })
  }

  test.each(cases)('$name', async ({ part, status, code, mentions }) => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const file = await part()
    const before = await snapshot()
    const response = await uploadImages(product.id, [file], cookie)
    expect(response.status).toBe(status)
    const body = response.data as UploadBody
    expect(body.results).toHaveLength(1)
    expect(body.results[0]).toMatchObject({ ok: false, status, code })
    expect(body.results[0]!.message).toContain(mentions)
    expect(await snapshot()).toEqual(before)
  })
})

describe('requests refused as a whole keep nothing', () => {
  test('a file over 15 MB is refused by name before the rest is read', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const big = Buffer.concat([small, Buffer.alloc(15 * 1024 * 1024)])
    const before = await snapshot()
    const response = await uploadImages(
      product.id,
      [jpegPart('ok.jpg', small), jpegPart('poster.jpg', big)],
      cookie,
    )
    expect(response.status).toBe(413)
    expect(response.headers.get('Connection')).toBe('close')
    expect(response.data).toMatchObject({
      error: {
        code: 'file-too-large',
        file: 'poster.jpg',
        message: expect.stringContaining('“poster.jpg” is larger than 15 MB'),
      },
    })
    // ok.jpg was processed and stored before poster.jpg arrived: it is gone again.
    expect(await snapshot()).toEqual(before)
  })

  test('a 2 GB upload is refused after reading a small part of it: memory and disk stay put', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const boundary = 'two-gigabytes'
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="movie.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    )
    const chunk = Buffer.alloc(1024 * 1024, 0xee)
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 0) controller.enqueue(head)
        pulled += chunk.length
        if (pulled > 2048 * 1024 * 1024) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const before = await snapshot()
    const rssBefore = process.memoryUsage().rss
    const request = new Request(`http://localhost:3000/api/products/${product.id}/images`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: cookie },
      body,
      duplex: 'half',
    } as RequestInit)
    const { action } = await import('~/routes/api.products.$productId.images.ts')
    const response = await callRoute(action, request, { params: { productId: product.id } })
    expect(response.status).toBe(413)
    expect(response.data).toMatchObject({ error: { code: 'file-too-large', file: 'movie.jpg' } })
    expect(pulled).toBeLessThan(20 * 1024 * 1024)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024)
    expect(await snapshot()).toEqual(before)
  })

  test('a declared Content-Length over the limit is refused before reading anything', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const request = uploadRequest(
      `/api/products/${product.id}/images`,
      [jpegPart('a.jpg', small)],
      cookie,
    )
    const before = await snapshot()
    const headers = new Headers(request.headers)
    headers.set('Content-Length', String(2 * 1024 ** 3))
    const lying = new Request(request, { headers })
    const { action } = await import('~/routes/api.products.$productId.images.ts')
    const response = await callRoute(action, lying, { params: { productId: product.id } })
    expect(response.status).toBe(413)
    expect((response.data as ErrorBody).error.code).toBe('body-too-large')
    expect(await snapshot()).toEqual(before)
  })

  test('more than 12 files in one request', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const tiny = await photo({ width: 600, height: 600 })
    const parts = Array.from({ length: 13 }, (_, i) => jpegPart(`look-${i + 1}.jpg`, tiny))
    const before = await snapshot()
    const response = await uploadImages(product.id, parts, cookie)
    expect(response.status).toBe(413)
    expect(response.data).toMatchObject({
      error: {
        code: 'too-many-files',
        file: 'look-13.jpg',
        message: 'Send at most 12 files at once.',
      },
    })
    expect(await snapshot()).toEqual(before)
  }, 60_000)

  test('more photos than the product has room for (it counts the ones it has)', async () => {
    const { user, shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const first = await uploadImages(product.id, [jpegPart('1.jpg', small)], cookie)
    expect(first.status).toBe(201)
    // Fill the product up to 11 photos directly: 10 more rows sharing nothing in storage.
    for (let i = 1; i <= 10; i++) {
      await prisma.mediaAsset.create({
        data: {
          kind: 'PRODUCT_IMAGE',
          ownerId: user.id,
          originalKey: `originals/filler${i}0000/0000000000000000.jpg`,
          originalFormat: 'jpeg',
          originalBytes: 1,
          contentHash: '0',
          width: 700,
          height: 700,
          placeholder: 'data:,',
          recipe: 1,
          productImage: { create: { productId: product.id, position: i } },
        },
      })
    }
    const keysBefore = await storedKeys()
    const rowsBefore = await mediaRowCounts()
    const response = await uploadImages(
      product.id,
      [jpegPart('12th.jpg', small), jpegPart('13th.jpg', small)],
      cookie,
    )
    expect(response.status).toBe(409)
    expect(response.data).toMatchObject({
      error: {
        code: 'too-many-images',
        file: '13th.jpg',
        message: expect.stringContaining('at most 12 photos and this one has 11'),
      },
    })
    expect(await storedKeys()).toEqual(keysBefore)
    expect(await mediaRowCounts()).toEqual(rowsBefore)
  })

  test('file names that break the multipart headers (a NUL byte, header injection) are refused with the request', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const before = await snapshot()
    for (const name of [
      'nul\u0000byte.jpg',
      'evil\r\nContent-Type: text/html\r\n\r\n<script>.jpg',
    ]) {
      const response = await uploadImages(product.id, [jpegPart(name, small)], cookie)
      expect(response.status, JSON.stringify(name)).toBe(400)
      expect(['malformed', 'no-file']).toContain((response.data as ErrorBody).error.code)
    }
    expect(await snapshot()).toEqual(before)
  })

  test('a request with no file, or not multipart at all', async () => {
    const { shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    const before = await snapshot()
    const none = await uploadImages(product.id, [{ filename: '', data: Buffer.alloc(0) }], cookie)
    expect(none.status).toBe(400)
    expect((none.data as ErrorBody).error).toMatchObject({
      code: 'no-file',
      message: 'Choose at least one photo to upload.',
    })
    const { action } = await import('~/routes/api.products.$productId.images.ts')
    const json = await callRoute(
      action,
      jsonRequest(`/api/products/${product.id}/images`, 'POST', {}, cookie),
      { params: { productId: product.id } },
    )
    expect(json.status).toBe(415)
    expect(await snapshot()).toEqual(before)
  })
})

describe('limits under concurrency', () => {
  test('two uploads racing for the last places: one is added, the other refused as a whole, and the product ends with 12', async () => {
    const { user, shop, cookie } = await createSeller()
    const product = await createProduct(shop.id)
    for (let i = 0; i < 10; i++) {
      await prisma.mediaAsset.create({
        data: {
          kind: 'PRODUCT_IMAGE',
          ownerId: user.id,
          originalKey: `originals/race${product.id.slice(-6)}${i}00/0000000000000000.jpg`,
          originalFormat: 'jpeg',
          originalBytes: 1,
          contentHash: '0',
          width: 700,
          height: 700,
          placeholder: 'data:,',
          recipe: 1,
          productImage: { create: { productId: product.id, position: i } },
        },
      })
    }
    const keysBefore = await storedKeys()
    const [first, second] = await Promise.all([
      uploadImages(product.id, [jpegPart('a1.jpg', small), jpegPart('a2.jpg', small)], cookie),
      uploadImages(product.id, [jpegPart('b1.jpg', small), jpegPart('b2.jpg', small)], cookie),
    ])
    expect([first.status, second.status].sort()).toEqual([201, 409])
    const images = await prisma.productImage.findMany({
      where: { productId: product.id },
      orderBy: { position: 'asc' },
    })
    expect(images.map((image) => image.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    // The winner's 2 photos are stored; nothing of the loser's.
    const added = await prisma.mediaAsset.findMany({
      where: { productImage: { productId: product.id, position: { gte: 10 } } },
      include: { variants: true },
    })
    const winnerKeys = added.flatMap((asset) => [
      asset.originalKey,
      ...asset.variants.map((variant) => variant.key),
    ])
    expect(await storedKeys()).toEqual([...keysBefore, ...winnerKeys].sort())
  })
})

describe('serving images', () => {
  test('only variant keys are served: originals, traversal and anything else are 404', async () => {
    for (const key of [
      'originals/abcdef0123456789abcdef01/0123456789abcdef.jpg',
      '../../etc/passwd',
      'img/../originals/x.jpg',
      'img/abc/..%2f..%2fx.jpg',
      'IMG/ABCDEF0123/1-0123456789abcdef.jpg',
      'img/abcdef0123456789abcdef01/320-0123456789abcdef.svg',
    ]) {
      const result = await callRoute(mediaLoader, routeRequest(`/media/${key}`), {
        params: { '*': key },
      })
      expect(result.status, key).toBe(404)
    }
    const missing = 'img/abcdef0123456789abcdef01/320-0123456789abcdef.avif'
    expect(
      (
        await callRoute(mediaLoader, routeRequest(`/media/${missing}`), {
          params: { '*': missing },
        })
      ).status,
    ).toBe(404)
  })
})

describe('managing photos', () => {
  test("alt text, colour, order and deletion; deleted photos' objects go through the job queue", async () => {
    const { shop, cookie } = await createSeller()
    const [red, blue, green] = await createColors(['Red', 'Blue', 'Green'])
    const product = await createProduct(shop.id, { colorIds: [red!.id, blue!.id] })
    const upload = await uploadImages(
      product.id,
      ['a.jpg', 'b.jpg', 'c.jpg'].map((name) => jpegPart(name, small)),
      cookie,
    )
    const [a, b, c] = (upload.data as UploadBody).images
    const path = (id: string) => `/api/products/${product.id}/images/${id}`
    const patch = (id: string, body: unknown) =>
      callRoute(imageAction, jsonRequest(path(id), 'PATCH', body, cookie), {
        params: { productId: product.id, imageId: id },
      })

    const alt = await patch(b!.id, { alt: '  Back view, belt tied  ' })
    expect(alt.status).toBe(200)
    expect((alt.data as { image: ProductImageView }).image).toMatchObject({
      id: b!.id,
      alt: 'Back view, belt tied',
      colorId: null,
    })
    expect((await patch(b!.id, { colorId: blue!.id })).data).toMatchObject({
      image: { colorId: blue!.id, alt: 'Back view, belt tied' },
    })
    expect((await patch(b!.id, { colorId: null })).data).toMatchObject({ image: { colorId: null } })

    const wrongColour = await patch(c!.id, { colorId: green!.id })
    expect(wrongColour.status).toBe(400)
    expect(wrongColour.data).toMatchObject({
      error: {
        code: 'invalid',
        fields: { colorId: ['This product does not come in that colour.'] },
      },
    })
    expect((await patch(c!.id, { alt: 'x'.repeat(301) })).status).toBe(400)
    expect((await patch(c!.id, {})).status).toBe(400)
    const notJson = await callRoute(
      imageAction,
      new Request(new URL(path(c!.id), 'http://localhost:3000'), {
        method: 'PATCH',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: '{nope',
      }),
      { params: { productId: product.id, imageId: c!.id } },
    )
    expect(notJson.status).toBe(400)

    const order = (imageIds: string[]) =>
      callRoute(
        orderAction,
        jsonRequest(`/api/products/${product.id}/images/order`, 'PUT', { imageIds }, cookie),
        { params: { productId: product.id } },
      )
    const reordered = await order([c!.id, a!.id, b!.id])
    expect(reordered.status).toBe(200)
    expect(
      (reordered.data as { images: ProductImageView[] }).images.map((image) => [
        image.id,
        image.position,
      ]),
    ).toEqual([
      [c!.id, 0],
      [a!.id, 1],
      [b!.id, 2],
    ])
    expect((await order([a!.id, b!.id])).status).toBe(409)
    expect((await order([a!.id, a!.id, b!.id])).status).toBe(409)

    const listed = await callRoute(
      listLoader,
      routeRequest(`/api/products/${product.id}/images`, { cookie }),
      { params: { productId: product.id } },
    )
    expect((listed.data as { images: ProductImageView[] }).images.map((image) => image.id)).toEqual(
      [c!.id, a!.id, b!.id],
    )

    // Delete the middle photo: positions close up, and its objects (variants and original) are queued for deletion.
    const asset = await prisma.productImage.findUniqueOrThrow({
      where: { id: a!.id },
      select: { asset: { select: { originalKey: true, variants: { select: { key: true } } } } },
    })
    const itsKeys = [
      asset.asset.originalKey,
      ...asset.asset.variants.map((variant) => variant.key),
    ].sort()
    await clearQueuedJobs()
    const keysBefore = await storedKeys()
    const deleted = await callRoute(
      imageAction,
      new Request(new URL(path(a!.id), 'http://localhost:3000'), {
        method: 'DELETE',
        headers: { Cookie: cookie },
      }),
      { params: { productId: product.id, imageId: a!.id } },
    )
    expect(deleted.status).toBe(200)
    expect(
      (deleted.data as { images: ProductImageView[] }).images.map((image) => [
        image.id,
        image.position,
      ]),
    ).toEqual([
      [c!.id, 0],
      [b!.id, 1],
    ])
    const queued = await queuedKeys(STORAGE_DELETE_TASK)
    expect(queued.map((item) => item.key).sort()).toEqual(itsKeys)
    expect(await prisma.mediaAsset.count({ where: { originalKey: asset.asset.originalKey } })).toBe(
      0,
    )
    // The objects are still there until the worker runs.
    for (const key of itsKeys) expect(await getStorage().exists(key)).toBe(true)
    await runDueJobs({ [STORAGE_DELETE_TASK]: storageDeleteTask })
    for (const key of itsKeys) expect(await getStorage().exists(key)).toBe(false)
    expect(await storedKeys()).toEqual(keysBefore.filter((key) => !itsKeys.includes(key)))
  })
})

describe('ownership', () => {
  test("another seller's product and photo ids find nothing (404) and change nothing; signed-out callers get 401", async () => {
    const sellerA = await createSeller('Ayla')
    const sellerB = await createSeller('Bora')
    const productA = await createProduct(sellerA.shop.id)
    const productB = await createProduct(sellerB.shop.id)
    const upload = await uploadImages(
      productA.id,
      [jpegPart('a.jpg', small), jpegPart('b.jpg', small)],
      sellerA.cookie,
    )
    const [imageA] = (upload.data as UploadBody).images
    await clearQueuedJobs()
    const keysBefore = await storedKeys()
    const rowsBefore = await prisma.productImage.findMany({ orderBy: { id: 'asc' } })

    const as = sellerB.cookie
    const params = { productId: productA.id, imageId: imageA!.id }
    const attempts = [
      await uploadImages(productA.id, [jpegPart('intruder.jpg', small)], as),
      await callRoute(
        listLoader,
        routeRequest(`/api/products/${productA.id}/images`, { cookie: as }),
        { params },
      ),
      await callRoute(
        imageAction,
        jsonRequest(
          `/api/products/${productA.id}/images/${imageA!.id}`,
          'PATCH',
          { alt: 'mine now' },
          as,
        ),
        { params },
      ),
      await callRoute(
        imageAction,
        new Request(`http://localhost:3000/api/products/${productA.id}/images/${imageA!.id}`, {
          method: 'DELETE',
          headers: { Cookie: as },
        }),
        { params },
      ),
      await callRoute(
        orderAction,
        jsonRequest(`/api/products/${productA.id}/images/order`, 'PUT', { imageIds: [] }, as),
        { params },
      ),
      // Their own product id with someone else's photo id.
      await callRoute(
        imageAction,
        jsonRequest(
          `/api/products/${productB.id}/images/${imageA!.id}`,
          'PATCH',
          { alt: 'mine now' },
          as,
        ),
        { params: { productId: productB.id, imageId: imageA!.id } },
      ),
      await callRoute(
        imageAction,
        new Request(`http://localhost:3000/api/products/${productB.id}/images/${imageA!.id}`, {
          method: 'DELETE',
          headers: { Cookie: as },
        }),
        { params: { productId: productB.id, imageId: imageA!.id } },
      ),
    ]
    expect(attempts.map((attempt) => attempt.status)).toEqual([404, 404, 404, 404, 404, 404, 404])

    const anonymous = await uploadImages(productA.id, [jpegPart('anon.jpg', small)])
    expect(anonymous.status).toBe(401)

    expect(await storedKeys()).toEqual(keysBefore)
    expect(await prisma.productImage.findMany({ orderBy: { id: 'asc' } })).toEqual(rowsBefore)
    expect(await queuedKeys(STORAGE_DELETE_TASK)).toEqual([])
  })
})

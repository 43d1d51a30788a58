import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { beforeAll, describe, expect, test } from 'vitest'
import { ImageRejection, checkStructure, sniff } from '~/services/media/inspect.server.ts'
import { fileNameProblem, displayName } from '~/utils/file-names.ts'
import { photo } from '../support/images.ts'

const rejection = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    if (error instanceof ImageRejection) return error.code
    throw error
  }
  return null
}

let photo_: Partial<Record<'jpeg' | 'png' | 'webp', Buffer>> = {}
let avif: Buffer

beforeAll(async () => {
  photo_ = {
    jpeg: await photo({ width: 640, height: 640, format: 'jpeg', gps: true }),
    png: await photo({ width: 640, height: 640, format: 'png' }),
    webp: await photo({ width: 640, height: 640, format: 'webp' }),
  }
  avif = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
    .avif({ effort: 0 })
    .toBuffer()
})

function pngChunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** The test PNG with one more chunk after its header (the signature and IHDR take 33 bytes). */
function pngWithChunk(type: string, data: Buffer) {
  const png = photo_.png!
  return Buffer.concat([png.subarray(0, 33), pngChunk(type, data), png.subarray(33)])
}

describe('sniff', () => {
  test('recognises the accepted formats by their bytes, whatever the file is called', async () => {
    expect(sniff(await photo({ format: 'jpeg' })).format).toBe('jpeg')
    expect(sniff(await photo({ format: 'png' })).format).toBe('png')
    expect(sniff(await photo({ format: 'webp' })).format).toBe('webp')
    expect(sniff(await photo({ format: 'avif', width: 64, height: 64 })).format).toBe('avif')
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    ])
    expect(sniff(heic).format).toBe('heic')
  })

  test('names what other files are', async () => {
    expect(sniff(await photo({ format: 'gif', width: 20, height: 20 }))).toMatchObject({
      format: null,
      looksLike: 'a GIF image',
    })
    expect(
      sniff(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toMatchObject({ format: null, code: 'svg' })
    expect(sniff(Buffer.from('\ufeff  <svg onload="alert(1)"></svg>'))).toMatchObject({
      code: 'svg',
    })
    expect(sniff(Buffer.from('<!doctype html><script>alert(1)</script>'))).toMatchObject({
      looksLike: 'a web page or XML document',
    })
    expect(sniff(Buffer.from('%PDF-1.7 ...'))).toMatchObject({ looksLike: 'a PDF document' })
    expect(sniff(Buffer.from('PK\x03\x04....', 'latin1'))).toMatchObject({
      looksLike: 'a ZIP archive or office document',
    })
    expect(sniff(Buffer.from('just some text'))).toMatchObject({ looksLike: 'not an image' })
  })
})

describe('checkStructure', () => {
  test("accepts whole images, and phones' extra JPEGs and motion-photo videos after the first image", async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      expect(rejection(() => checkStructure(photo_[format]!, format, 'x'))).toBeNull()
    }
    expect(rejection(() => checkStructure(avif, 'avif', 'x'))).toBeNull()
    const mpf = Buffer.concat([photo_.jpeg!, photo_.jpeg!])
    expect(rejection(() => checkStructure(mpf, 'jpeg', 'x'))).toBeNull()
    const video = Buffer.concat([
      Buffer.from([0, 0, 0, 16]),
      Buffer.from('ftypmp42\0\0\0\0', 'latin1'),
      Buffer.from([0, 0, 0, 12]),
      Buffer.from('mdat\x01\x02\x03\x04', 'latin1'),
    ])
    expect(
      rejection(() => checkStructure(Buffer.concat([photo_.jpeg!, video]), 'jpeg', 'x')),
    ).toBeNull()
  })

  test('refuses truncated files', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const whole = photo_[format]!
      expect(
        rejection(() =>
          checkStructure(whole.subarray(0, Math.floor(whole.length * 0.6)), format, 'x'),
        ),
        format,
      ).toBe('damaged')
    }
    expect(rejection(() => checkStructure(avif.subarray(0, avif.length - 10), 'avif', 'x'))).toBe(
      'damaged',
    )
  })

  test('refuses polyglots: data after the image, or markup, scripts and archives hidden in metadata', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>')
    const zip = Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00payload.jar', 'latin1')
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      expect(
        rejection(() => checkStructure(Buffer.concat([photo_[format]!, html]), format, 'x')),
        `${format} + html`,
      ).toBe('polyglot')
      expect(
        rejection(() => checkStructure(Buffer.concat([photo_[format]!, zip]), format, 'x')),
        `${format} + zip`,
      ).toBe('polyglot')
    }
    expect(
      rejection(() =>
        checkStructure(
          Buffer.concat([avif, Buffer.from('<?php system($_GET[1]); ?>')]),
          'avif',
          'x',
        ),
      ),
    ).toBe('damaged')

    // A JPEG comment segment carrying a script.
    const comment = Buffer.from('<script>alert(1)</script>')
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment])
    const jpegWithComment = Buffer.concat([
      photo_.jpeg!.subarray(0, 2),
      com,
      photo_.jpeg!.subarray(2),
    ])
    expect(rejection(() => checkStructure(jpegWithComment, 'jpeg', 'x'))).toBe('polyglot')

    // PHP in a PNG text chunk, plain and compressed.
    expect(
      rejection(() =>
        checkStructure(pngWithChunk('tEXt', Buffer.from('Comment\0<?php echo 1; ?>')), 'png', 'x'),
      ),
    ).toBe('polyglot')
    expect(
      rejection(() =>
        checkStructure(
          pngWithChunk(
            'zTXt',
            Buffer.concat([Buffer.from('Comment\0\0'), deflateSync('<?php echo 1; ?>')]),
          ),
          'png',
          'x',
        ),
      ),
    ).toBe('polyglot')
    // An innocent text chunk is fine.
    expect(
      rejection(() =>
        checkStructure(pngWithChunk('tEXt', Buffer.from('Software\0Shikposh test')), 'png', 'x'),
      ),
    ).toBeNull()
  })

  test('refuses a PNG whose chunk checksum is wrong', () => {
    const corrupt = Buffer.from(photo_.png!)
    const at = corrupt.length - 20
    corrupt.writeUInt8(corrupt.readUInt8(at) ^ 0xff, at)
    expect(rejection(() => checkStructure(corrupt, 'png', 'x'))).toBe('damaged')
  })
})

describe('file names', () => {
  test('hostile names are recognised; ordinary ones, accents and spaces included, are fine', () => {
    for (const name of [
      '../../etc/passwd.jpg',
      '..\\..\\boot.ini.jpg',
      '/etc/passwd',
      'C:\\photo.jpg',
      'a\0b.jpg',
      'line\nbreak.jpg',
      'gpj.\u202eexe.jpg',
      '<img src=x onerror=alert(1)>.jpg',
      'x'.repeat(300) + '.jpg',
      '',
      '..',
    ]) {
      expect(fileNameProblem(name), JSON.stringify(name)).not.toBeNull()
    }
    for (const name of [
      'IMG_1234.JPG',
      'été à la plage (1).jpeg',
      'robe rouge – face.png',
      "don't; rm -rf.webp",
    ]) {
      expect(fileNameProblem(name), name).toBeNull()
    }
    expect(displayName('a\0b\u202ec.jpg')).toBe('a\ufffdb\ufffdc.jpg')
  })
})

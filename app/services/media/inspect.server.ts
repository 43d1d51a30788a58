import { crc32, inflateSync } from 'node:zlib'
import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'

// What an uploaded file really is, decided by its bytes (never its name or Content-Type), and
// whether it is exactly one well-formed image: complete (not truncated), with nothing hidden
// after its end or in its metadata that another program would read as markup, a script or an
// archive (a polyglot). The pixels themselves are decoded later by sharp, with a pixel limit.

export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic'

export type RejectionCode =
  | 'bad-name'
  | 'empty'
  | 'unsupported-type'
  | 'svg'
  | 'heic-unsupported'
  | 'damaged'
  | 'polyglot'
  | 'animated'
  | 'too-many-pixels'
  | 'too-small'
  | 'bad-shape'

/** A file refused for what it is; the message names the file and says what to do. */
export class ImageRejection extends DomainError {
  override name = 'ImageRejection'
  declare readonly code: RejectionCode
  constructor(
    code: RejectionCode,
    kind: Extract<DomainErrorKind, 'invalid' | 'unsupported' | 'unprocessable'>,
    message: string,
  ) {
    super(kind, code, message)
  }
}

export const EXTENSIONS: Record<SourceFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  heic: 'heic',
}

// ---------------------------------------------------------------- sniffing

type Sniffed = { format: SourceFormat } | { format: null; looksLike: string; code: RejectionCode }

const ascii = (bytes: Buffer, start: number, end: number) => bytes.toString('latin1', start, end)

/** The image format the first bytes announce, or what else the file looks like. */
export function sniff(bytes: Buffer): Sniffed {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { format: 'jpeg' }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { format: 'png' }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return { format: 'webp' }
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brands = ftypBrands(bytes)
    if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return { format: 'avif' }
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return { format: 'heic' }
    return {
      format: null,
      looksLike: brands.some((brand) => /^(?:mp4|iso|qt|M4V|3g)/.test(brand))
        ? 'a video'
        : 'an unknown media file',
      code: 'unsupported-type',
    }
  }
  return { format: null, ...describeOther(bytes) }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'])

function ftypBrands(bytes: Buffer) {
  const size = Math.min(bytes.readUInt32BE(0), bytes.length, 256)
  const brands = [ascii(bytes, 8, 12)]
  for (let offset = 16; offset + 4 <= size; offset += 4)
    brands.push(ascii(bytes, offset, offset + 4))
  return brands
}

function describeOther(bytes: Buffer): { looksLike: string; code: RejectionCode } {
  const head = ascii(bytes, 0, Math.min(bytes.length, 1024))
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase()
  if (head.startsWith('gif87a') || head.startsWith('gif89a'))
    return { looksLike: 'a GIF image', code: 'unsupported-type' }
  if (
    /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(head) ||
    (head.startsWith('<') && head.includes('<svg'))
  )
    return { looksLike: 'an SVG drawing', code: 'svg' }
  if (head.startsWith('<'))
    return { looksLike: 'a web page or XML document', code: 'unsupported-type' }
  if (head.startsWith('%pdf')) return { looksLike: 'a PDF document', code: 'unsupported-type' }
  if (head.startsWith('ii*\0') || head.startsWith('mm\0*'))
    return { looksLike: 'a TIFF image', code: 'unsupported-type' }
  if (head.startsWith('bm')) return { looksLike: 'a BMP image', code: 'unsupported-type' }
  if (head.startsWith('pk\x03\x04'))
    return { looksLike: 'a ZIP archive or office document', code: 'unsupported-type' }
  if (head.startsWith('\0\0\x01\0')) return { looksLike: 'an icon file', code: 'unsupported-type' }
  return { looksLike: 'not an image', code: 'unsupported-type' }
}

// ---------------------------------------------------------------- structure

/**
 * Byte sequences that make a file readable as something other than an image. They are long
 * enough that binary metadata (an EXIF thumbnail, an ICC profile) contains one by chance in
 * well under one photo in ten thousand.
 */
const FOREIGN_CONTENT = [
  /<script/i,
  /<html/i,
  /<body/i,
  /<iframe/i,
  /<svg[\s>]/i,
  /<\?php/i,
  /javascript:/i,
]
const FOREIGN_BINARY = [
  Buffer.from('PK\x03\x04', 'latin1'),
  Buffer.from('%PDF-', 'latin1'),
  Buffer.from('\x7fELF', 'latin1'),
  Buffer.from('Rar!\x1a\x07', 'latin1'),
]

function findForeignContent(data: Buffer): string | null {
  const text = data.toString('latin1')
  for (const pattern of FOREIGN_CONTENT) if (pattern.test(text)) return 'markup or script'
  for (const signature of FOREIGN_BINARY)
    if (data.includes(signature)) return 'an embedded archive, document or program'
  return null
}

type Structure = { end: number; metadata: Buffer[] }

class Malformed extends Error {}
class Hidden extends Error {}

/**
 * Walks the container and refuses what is incomplete (ImageRejection 'damaged') or carries
 * something besides the image (ImageRejection 'polyglot').
 */
export function checkStructure(bytes: Buffer, format: SourceFormat, label: string) {
  try {
    const structure =
      format === 'jpeg'
        ? walkJpeg(bytes, 0)
        : format === 'png'
          ? walkPng(bytes)
          : format === 'webp'
            ? walkWebp(bytes)
            : walkIsoBmff(bytes, 0, true)
    let end = structure.end
    const metadata = [...structure.metadata]
    if (format === 'jpeg') {
      // Phones append more JPEG images after the first (MPF depth maps, HDR gain maps) and
      // motion photos append their video: each must be whole and well-formed too.
      for (let appended = 0; end < bytes.length && appended < 16; appended++) {
        const next =
          bytes[end] === 0xff && bytes[end + 1] === 0xd8
            ? walkJpeg(bytes, end)
            : ascii(bytes, end + 4, end + 8) === 'ftyp'
              ? walkIsoBmff(bytes, end, false)
              : null
        if (!next) break
        metadata.push(...next.metadata)
        end = next.end
      }
    }
    const trailer = bytes.subarray(end)
    if (trailer.length > 0 && !trailer.every((byte) => byte === 0x00 || byte === 0xff)) {
      throw new Hidden(
        `${label} has ${trailer.length} bytes of other data after the end of the image`,
      )
    }
    for (const block of metadata) {
      const found = findForeignContent(block)
      if (found) throw new Hidden(`${label} hides ${found} in its metadata`)
    }
  } catch (error) {
    if (error instanceof Malformed) {
      throw new ImageRejection(
        'damaged',
        'unprocessable',
        `${label} is damaged or incomplete (${error.message}). Export it again from your camera or editor.`,
      )
    }
    if (error instanceof Hidden) {
      throw new ImageRejection(
        'polyglot',
        'unprocessable',
        `${error.message}, so it is not accepted. Export it again as a plain photo.`,
      )
    }
    throw error
  }
}

function need(bytes: Buffer, end: number, what: string) {
  if (end > bytes.length) throw new Malformed(`it ends in the middle of ${what}`)
}

function walkJpeg(bytes: Buffer, start: number): Structure {
  const metadata: Buffer[] = []
  let offset = start + 2
  let sawFrame = false
  let sawScan = false
  for (;;) {
    need(bytes, offset + 2, 'a marker')
    if (bytes[offset] !== 0xff) throw new Malformed('a segment is out of place')
    while (bytes[offset] === 0xff) {
      offset++
      need(bytes, offset + 1, 'a marker')
    }
    const marker = bytes[offset++]!
    if (marker === 0xd9) {
      if (!sawFrame || !sawScan) throw new Malformed('it has no image data')
      return { end: offset, metadata }
    }
    if (marker === 0xd8 || marker === 0x00) throw new Malformed('a segment is out of place')
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue
    need(bytes, offset + 2, 'a segment header')
    const length = bytes.readUInt16BE(offset)
    if (length < 2) throw new Malformed('a segment has an impossible length')
    need(bytes, offset + length, 'a segment')
    const body = bytes.subarray(offset + 2, offset + length)
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) metadata.push(body)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      sawFrame = true
    offset += length
    if (marker === 0xda) {
      sawScan = true
      // Entropy-coded data runs to the next marker; 0xFF00 and restart markers belong to it.
      for (;;) {
        const next = bytes.indexOf(0xff, offset)
        if (next === -1 || next + 1 >= bytes.length)
          throw new Malformed('the image data stops before its end marker')
        const following = bytes[next + 1]!
        if (following === 0x00 || (following >= 0xd0 && following <= 0xd7) || following === 0xff) {
          offset = next + (following === 0xff ? 1 : 2)
          continue
        }
        offset = next
        break
      }
    }
  }
}

const MAX_TEXT_INFLATE = 1024 * 1024

function walkPng(bytes: Buffer): Structure {
  const metadata: Buffer[] = []
  let offset = 8
  let first = true
  for (;;) {
    need(bytes, offset + 8, 'a chunk header')
    const length = bytes.readUInt32BE(offset)
    const type = ascii(bytes, offset + 4, offset + 8)
    if (!/^[A-Za-z]{4}$/.test(type)) throw new Malformed('a chunk has an invalid type')
    if (first && type !== 'IHDR') throw new Malformed('it does not start with a header')
    first = false
    need(bytes, offset + 12 + length, `the ${type} chunk`)
    const data = bytes.subarray(offset + 8, offset + 8 + length)
    const stored = bytes.readUInt32BE(offset + 8 + length)
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== stored)
      throw new Malformed(`the ${type} chunk is corrupt`)
    offset += 12 + length
    if (type === 'IEND') return { end: offset, metadata }
    if (type === 'IDAT' || type === 'PLTE' || type === 'IHDR') continue
    metadata.push(data)
    const compressed =
      type === 'zTXt'
        ? data.subarray(data.indexOf(0) + 2)
        : type === 'iTXt' && data[data.indexOf(0) + 1] === 1
          ? iTxtText(data)
          : null
    if (compressed) {
      try {
        metadata.push(inflateSync(compressed, { maxOutputLength: MAX_TEXT_INFLATE }))
      } catch {
        throw new Malformed(`the ${type} chunk is corrupt`)
      }
    }
  }
}

/** The compressed text of an iTXt chunk: after keyword, flags, language tag and translated keyword. */
function iTxtText(data: Buffer) {
  let offset = data.indexOf(0) + 3
  for (let field = 0; field < 2; field++) {
    const end = data.indexOf(0, offset)
    if (end === -1) return Buffer.alloc(0)
    offset = end + 1
  }
  return data.subarray(offset)
}

function walkWebp(bytes: Buffer): Structure {
  const metadata: Buffer[] = []
  need(bytes, 12, 'the header')
  const end = 8 + bytes.readUInt32LE(4)
  if (end > bytes.length) throw new Malformed('it is shorter than its header says')
  let offset = 12
  let sawImage = false
  while (offset < end) {
    need(bytes, offset + 8, 'a chunk header')
    const type = ascii(bytes, offset, offset + 4)
    const length = bytes.readUInt32LE(offset + 4)
    if (!/^[A-Z0-9 ]{4}$/.test(type)) throw new Malformed('a chunk has an invalid type')
    const next = offset + 8 + length + (length % 2)
    if (next > end + (length % 2)) throw new Malformed(`the ${type.trim()} chunk runs past the end`)
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') sawImage = true
    else if (type !== 'VP8X' && type !== 'ALPH' && type !== 'ANIM' && type !== 'ICCP')
      metadata.push(bytes.subarray(offset + 8, offset + 8 + length))
    offset = next
  }
  if (!sawImage) throw new Malformed('it has no image data')
  return { end: Math.min(offset, bytes.length), metadata }
}

function walkIsoBmff(bytes: Buffer, start: number, isImage: boolean): Structure {
  const metadata: Buffer[] = []
  let offset = start
  let sawMeta = false
  while (offset < bytes.length) {
    need(bytes, offset + 8, 'a box header')
    let size = bytes.readUInt32BE(offset)
    const type = ascii(bytes, offset + 4, offset + 8)
    if (!/^[A-Za-z0-9 ]{4}$/.test(type)) throw new Malformed('a box has an invalid type')
    let header = 8
    if (size === 1) {
      need(bytes, offset + 16, 'a box header')
      const large = bytes.readBigUInt64BE(offset + 8)
      if (large > BigInt(Number.MAX_SAFE_INTEGER))
        throw new Malformed('a box has an impossible size')
      size = Number(large)
      header = 16
    } else if (size === 0) {
      size = bytes.length - offset
    }
    if (size < header) throw new Malformed('a box has an impossible size')
    need(bytes, offset + size, `the ${type} box`)
    if (type === 'meta') sawMeta = true
    if (type !== 'mdat' && type !== 'meta' && type !== 'ftyp' && type !== 'moov')
      metadata.push(bytes.subarray(offset + header, offset + size))
    offset += size
  }
  if (isImage && !sawMeta) throw new Malformed('it has no image description')
  return { end: offset, metadata }
}

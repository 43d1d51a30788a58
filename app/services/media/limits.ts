// The upload rules of the media domain, shared by the server (which enforces them) and the
// browser (which shows them before anything is sent). No server code here.

export const MAX_FILE_BYTES = 15 * 1024 * 1024
export const MAX_IMAGES_PER_PRODUCT = 12
/** Product photos smaller than this on their short side look soft on the product page. */
export const MIN_PRODUCT_SHORT_SIDE = 600
export const MIN_AVATAR_SHORT_SIDE = 128
/** Longest side over shortest side: a strip of a photo is not a product photo. */
export const MAX_PRODUCT_ASPECT_RATIO = 3
/** Decoding more pixels than this is refused before it starts (decompression bombs). */
export const MAX_INPUT_PIXELS = 50_000_000
export const ALT_MAX_LENGTH = 300

export type UploadLimits = {
  maxFileBytes: number
  maxImages: number
  minShortSide: number
  /** Human names of the accepted formats, e.g. ['JPEG', 'PNG', 'WebP', 'AVIF']. */
  formats: string[]
  /** The file input's accept attribute. */
  accept: string
}

const BASE_FORMATS = ['JPEG', 'PNG', 'WebP', 'AVIF']
const BASE_ACCEPT = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.avif',
]

/**
 * The limits a seller sees. HEIC is listed only where the server can decode it; elsewhere
 * leaving it out of `accept` makes iPhones convert their photos to JPEG as they upload them.
 */
export function productUploadLimits({ heic }: { heic: boolean }): UploadLimits {
  return {
    maxFileBytes: MAX_FILE_BYTES,
    maxImages: MAX_IMAGES_PER_PRODUCT,
    minShortSide: MIN_PRODUCT_SHORT_SIDE,
    formats: heic ? [...BASE_FORMATS, 'HEIC'] : BASE_FORMATS,
    accept: (heic
      ? [...BASE_ACCEPT, 'image/heic', 'image/heif', '.heic', '.heif']
      : BASE_ACCEPT
    ).join(','),
  }
}

export function avatarUploadLimits({ heic }: { heic: boolean }): UploadLimits {
  return { ...productUploadLimits({ heic }), maxImages: 1, minShortSide: MIN_AVATAR_SHORT_SIDE }
}

export function formatBytes(bytes: number) {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

/** "JPEG, PNG, WebP or AVIF" */
export function listFormats(formats: string[]) {
  return formats.length > 1
    ? `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`
    : (formats[0] ?? '')
}

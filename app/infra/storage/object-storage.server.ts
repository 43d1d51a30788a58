import type { Readable } from 'node:stream'

// Object storage for images, behind one small interface with two implementations: S3 (and the
// S3-compatible services: R2, Tigris, MinIO) for production, a directory for the embedded
// default. Keys are chosen by the app, never by users (see KEY_PATTERN).

export type PutOptions = {
  contentType: string
  /** Sent to S3 so a CDN in front of the bucket caches as the app would. */
  cacheControl?: string
}

export type StoredObject = { body: Readable; contentType: string; contentLength?: number }

export type ListedObject = { key: string; size: number; lastModified: Date }

export interface ObjectStorage {
  readonly kind: 'local' | 's3'
  /** Writes the whole object; readers see the old object or the new one, never a part. */
  put(key: string, body: Uint8Array, options: PutOptions): Promise<void>
  /** The object as a stream, or null when there is none. */
  get(key: string): Promise<StoredObject | null>
  exists(key: string): Promise<boolean>
  /**
   * Deletes the objects; a key that is already gone counts as deleted. Returns the keys that
   * could not be deleted, with the reason, so a caller can retry just those.
   */
  delete(keys: string[]): Promise<Map<string, Error>>
  /** Every object whose key starts with the prefix. */
  list(prefix: string): AsyncIterable<ListedObject>
  /** Where browsers fetch a public (`img/`) object: the CDN when configured, else the app's /media route. */
  publicUrl(key: string): string
  /** Throws when the storage cannot be reached or written (for /readyz). */
  check(): Promise<void>
}

/**
 * Lower-case path segments of letters, digits, dot, dash and underscore, never starting with a
 * dot: no traversal (`..`), no hidden files, no absolute paths, the same on disk and in S3.
 */
export const KEY_PATTERN = /^(?:[a-z0-9][a-z0-9._-]{0,127}\/){0,7}[a-z0-9][a-z0-9._-]{0,127}$/

export class InvalidKeyError extends Error {
  override name = 'InvalidKeyError'
  constructor(key: string) {
    super(`Not a valid storage key: ${JSON.stringify(key.slice(0, 200))}`)
  }
}

export function assertValidKey(key: string) {
  if (!KEY_PATTERN.test(key)) throw new InvalidKeyError(key)
}

export const CONTENT_TYPES: Record<string, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
}

/** The content type of a key by its extension (keys are made by the app, so this is reliable). */
export function contentTypeOf(key: string) {
  const extension = key.slice(key.lastIndexOf('.') + 1)
  return CONTENT_TYPES[extension] ?? 'application/octet-stream'
}

/** The URL path under which the app itself serves public objects. */
export const MEDIA_ROUTE = '/media'

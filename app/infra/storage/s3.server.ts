import { Readable } from 'node:stream'
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import type { StorageConfig } from '../env.server.ts'
import {
  MEDIA_ROUTE,
  assertValidKey,
  contentTypeOf,
  type ListedObject,
  type ObjectStorage,
  type PutOptions,
  type StoredObject,
} from './object-storage.server.ts'

type S3Config = Extract<StorageConfig, { kind: 's3' }>

/** DeleteObjects takes at most this many keys per call. */
const DELETE_BATCH = 1000

// AWS S3 and the S3-compatible services (Cloudflare R2, Tigris, MinIO) through the official
// SDK. Objects under `img/` may be public (S3_PUBLIC_URL, typically a CDN); everything else,
// originals included, must stay private: see the bucket policy in docs/domains/media.md.

export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const
  readonly client: S3Client
  readonly bucket: string
  private readonly publicBase: string | undefined

  constructor(config: Omit<S3Config, 'kind'>) {
    this.bucket = config.bucket
    this.publicBase = config.publicUrl
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Newer SDKs add CRC checksums to every request by default, which several S3-compatible
      // services reject; send them only where the S3 API requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      // The SDK waits for ever by default; a hung storage must not hang uploads or the worker.
      requestHandler: {
        connectionTimeout: 3_000,
        requestTimeout: 30_000,
        throwOnRequestTimeout: true,
      },
    })
  }

  async put(key: string, body: Uint8Array, options: PutOptions) {
    assertValidKey(key)
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentLength: body.byteLength,
        ContentType: options.contentType,
        CacheControl: options.cacheControl,
      }),
    )
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidKey(key)
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      )
      if (!(response.Body instanceof Readable))
        throw new Error(`S3 returned no readable body for ${key}`)
      return {
        body: response.Body,
        contentType: response.ContentType ?? contentTypeOf(key),
        contentLength: response.ContentLength,
      }
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
  }

  async exists(key: string) {
    assertValidKey(key)
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      return true
    } catch (error) {
      if (isNotFound(error)) return false
      throw error
    }
  }

  async delete(keys: string[]) {
    const failed = new Map<string, Error>()
    for (const key of keys) {
      try {
        assertValidKey(key)
      } catch (error) {
        failed.set(key, error as Error)
      }
    }
    const valid = keys.filter((key) => !failed.has(key))
    for (let start = 0; start < valid.length; start += DELETE_BATCH) {
      const batch = valid.slice(start, start + DELETE_BATCH)
      try {
        const response = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        )
        for (const error of response.Errors ?? []) {
          if (error.Key && error.Code !== 'NoSuchKey')
            failed.set(
              error.Key,
              new Error(`${error.Code ?? 'Error'}: ${error.Message ?? 'could not delete'}`),
            )
        }
      } catch (error) {
        for (const key of batch)
          failed.set(key, error instanceof Error ? error : new Error(String(error)))
      }
    }
    return failed
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    let token: string | undefined
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      )
      for (const object of page.Contents ?? []) {
        if (object.Key)
          yield {
            key: object.Key,
            size: object.Size ?? 0,
            lastModified: object.LastModified ?? new Date(0),
          }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
  }

  publicUrl(key: string) {
    return this.publicBase ? `${this.publicBase}/${key}` : `${MEDIA_ROUTE}/${key}`
  }

  async check() {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }))
  }
}

function isNotFound(error: unknown) {
  if (error instanceof S3ServiceException) {
    return (
      error.name === 'NoSuchKey' ||
      error.name === 'NotFound' ||
      error.$metadata.httpStatusCode === 404
    )
  }
  return false
}

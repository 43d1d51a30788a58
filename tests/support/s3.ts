import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import { S3Storage } from '~/infra/storage/s3.server.ts'

// An S3-compatible server (s3rver) on a free port, started and stopped by the test that needs it.

export async function startS3Server() {
  const directory = await mkdtemp(path.join(tmpdir(), 'shikposh-s3-'))
  const bucket = `test-${randomBytes(4).toString('hex')}`
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  // s3rver accepts any key pair that matches its default one.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
  return {
    endpoint,
    bucket,
    credentials,
    storage(options: { bucket?: string; publicUrl?: string } = {}) {
      return new S3Storage({
        bucket: options.bucket ?? bucket,
        region: 'us-east-1',
        endpoint,
        credentials,
        forcePathStyle: true,
        publicUrl: options.publicUrl,
      })
    },
    async stop() {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}

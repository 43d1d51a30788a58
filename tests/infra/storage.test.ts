import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { LocalStorage } from '~/infra/storage/local.server.ts'
import { InvalidKeyError, type ObjectStorage } from '~/infra/storage/storage.server.ts'
import { startS3Server } from '../support/s3.ts'

// One contract, two implementations: the local one against the disk, the S3 one against an
// S3-compatible server (s3rver) this file starts on a free port, with path-style URLs.

type Subject = { storage: ObjectStorage; cleanup: () => Promise<void> }

const implementations: Array<[string, () => Promise<Subject>]> = [
  [
    'local disk',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'shikposh-storage-'))
      return {
        storage: new LocalStorage(dir),
        cleanup: () => rm(dir, { recursive: true, force: true }),
      }
    },
  ],
  [
    'S3 (s3rver)',
    async () => {
      const server = await startS3Server()
      return { storage: server.storage(), cleanup: server.stop }
    },
  ],
]

const bytes = (value: string) => new TextEncoder().encode(value)

describe.each(implementations)('object storage on %s', (_name, create) => {
  let subject: Subject
  beforeAll(async () => {
    subject = await create()
  })
  afterAll(() => subject.cleanup())

  test('puts, reads back as a stream, and tells what exists', async () => {
    const { storage } = subject
    await storage.check()
    await storage.put('img/a1/640-abc.webp', bytes('webp bytes'), {
      contentType: 'image/webp',
      cacheControl: 'public, max-age=31536000, immutable',
    })
    expect(await storage.exists('img/a1/640-abc.webp')).toBe(true)
    expect(await storage.exists('img/a1/missing.webp')).toBe(false)

    const object = await storage.get('img/a1/640-abc.webp')
    expect(object).not.toBeNull()
    expect(object!.contentType).toBe('image/webp')
    expect(object!.contentLength).toBe(10)
    expect(await text(object!.body)).toBe('webp bytes')
    expect(await storage.get('img/a1/missing.webp')).toBeNull()
  })

  test('a second put replaces the object whole', async () => {
    const { storage } = subject
    await storage.put('originals/r1/x.jpg', bytes('first version'), { contentType: 'image/jpeg' })
    await storage.put('originals/r1/x.jpg', bytes('second'), { contentType: 'image/jpeg' })
    expect(await text((await storage.get('originals/r1/x.jpg'))!.body)).toBe('second')
  })

  test('lists by prefix, and deletes idempotently', async () => {
    const { storage } = subject
    for (const key of [
      'img/l1/320-a.avif',
      'img/l1/640-b.avif',
      'img/l10/320-c.avif',
      'originals/l1/o.png',
    ]) {
      await storage.put(key, bytes(key), { contentType: 'application/octet-stream' })
    }
    const listed = []
    for await (const object of storage.list('img/l1/')) listed.push(object)
    expect(listed.map((object) => object.key).sort()).toEqual([
      'img/l1/320-a.avif',
      'img/l1/640-b.avif',
    ])
    expect(listed[0]!.size).toBe('img/l1/320-a.avif'.length)
    expect(listed[0]!.lastModified.getTime()).toBeGreaterThan(Date.now() - 60_000)

    const failed = await storage.delete([
      'img/l1/320-a.avif',
      'img/l1/640-b.avif',
      'img/l1/never-existed.avif',
    ])
    expect(failed.size).toBe(0)
    expect(await storage.exists('img/l1/320-a.avif')).toBe(false)
    const rest = []
    for await (const object of storage.list('img/l1')) rest.push(object.key)
    expect(rest).toEqual(['img/l10/320-c.avif'])
    expect(await storage.exists('originals/l1/o.png')).toBe(true)
  })

  test('refuses keys that could escape or hide: traversal, absolute paths, dot files, upper case', async () => {
    const { storage } = subject
    for (const key of [
      '../etc/passwd',
      'img/../../x',
      '/abs/path',
      'img/.hidden',
      'img//double',
      'IMG/upper.jpg',
      'img/a b.jpg',
      'img/a\\b.jpg',
      '',
    ]) {
      await expect(
        storage.put(key, bytes('x'), { contentType: 'text/plain' }),
        key,
      ).rejects.toBeInstanceOf(InvalidKeyError)
      await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidKeyError)
    }
    const failed = await storage.delete(['../outside'])
    expect(failed.get('../outside')).toBeInstanceOf(InvalidKeyError)
  })
})

describe('local storage', () => {
  test('writes through a temporary file that listings never show, and removes emptied folders', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shikposh-storage-'))
    try {
      const storage = new LocalStorage(dir)
      await storage.put('img/t1/1-a.jpg', bytes('a'), { contentType: 'image/jpeg' })
      // A write in progress (or one a crash left behind) is a dot file beside the target.
      await writeFile(path.join(dir, 'img', 't1', '.1-b.jpg.0000.tmp'), 'partial')
      const keys = []
      for await (const object of storage.list('img/')) keys.push(object.key)
      expect(keys).toEqual(['img/t1/1-a.jpg'])
      expect(
        await storage.exists('img/t1/.1-b.jpg.0000.tmp').catch((error: unknown) => error),
      ).toBeInstanceOf(InvalidKeyError)

      await rm(path.join(dir, 'img', 't1', '.1-b.jpg.0000.tmp'))
      await storage.delete(['img/t1/1-a.jpg'])
      expect(await readdir(dir)).toEqual([])
      expect(storage.publicUrl('img/t1/1-a.jpg')).toBe('/media/img/t1/1-a.jpg')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('check() creates the folder and proves it is writable', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'shikposh-storage-')), 'media')
    await new LocalStorage(dir).check()
    expect((await stat(dir)).isDirectory()).toBe(true)
    await rm(path.dirname(dir), { recursive: true, force: true })
  })
})

describe('S3 storage', () => {
  test('public URLs use the CDN base when configured, else the app route; a missing bucket fails the check', async () => {
    const server = await startS3Server()
    try {
      expect(server.storage().publicUrl('img/a/1.avif')).toBe('/media/img/a/1.avif')
      expect(
        server.storage({ publicUrl: 'https://cdn.example.com' }).publicUrl('img/a/1.avif'),
      ).toBe('https://cdn.example.com/img/a/1.avif')
      await expect(server.storage({ bucket: 'no-such-bucket' }).check()).rejects.toThrow()
      await server.storage().check()
    } finally {
      await server.stop()
    }
  })

  test('an unreachable endpoint reports every key as not deleted instead of throwing', async () => {
    const server = await startS3Server()
    const storage = server.storage()
    await server.stop()
    const failed = await storage.delete(['img/x/1.avif', 'img/x/2.avif'])
    expect([...failed.keys()]).toEqual(['img/x/1.avif', 'img/x/2.avif'])
  })
})

describe('/readyz', () => {
  test('checks the storage with the other services', async () => {
    const { checkReadiness } = await import('~/infra/health.server.ts')
    const { ready, checks } = await checkReadiness()
    expect(ready).toBe(true)
    expect(checks.map((check) => check.name)).toContain('storage')
  })
})

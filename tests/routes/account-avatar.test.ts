import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getStorage } from '~/infra/storage/storage.server.ts'
import { loader as rootLoader } from '~/root.tsx'
import {
  action as profileAction,
  headers as profileHeaders,
  loader as profileLoader,
} from '~/routes/($locale).account._index/route.tsx'
import { STORAGE_DELETE_TASK } from '~/services/media/cleanup.server.ts'
import type { ImageView } from '~/services/media/views.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { photo, uploadRequest } from '../support/images.ts'
import { clearQueuedJobs, queuedKeys } from '../support/jobs.ts'
import { readObject, storedKeys } from '../support/media.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

async function signedInUser() {
  const user = await createUser({ name: 'Elif Example' })
  const { cookie } = await signIn(user.id)
  return { user, cookie }
}

const uploadAvatar = (
  cookie: string,
  filename: string,
  data: Buffer | string,
  contentType = 'image/jpeg',
) =>
  callRoute(
    profileAction,
    uploadRequest('/account', [{ field: 'avatar', filename, contentType, data }], cookie, {
      intent: 'avatar',
    }),
  )

async function assetKeys(assetId: string) {
  const asset = await prisma.mediaAsset.findUniqueOrThrow({
    where: { id: assetId },
    include: { variants: true },
  })
  return [asset.originalKey, ...asset.variants.map((variant) => variant.key)].sort()
}

describe('the avatar in /account', () => {
  test('uploading a photo makes a square avatar that the header shows; a new one replaces it; the generated one comes back on request', async () => {
    const { user, cookie } = await signedInUser()
    const first = await uploadAvatar(
      cookie,
      'me.jpg',
      await photo({ width: 1200, height: 800, gps: true }),
    )
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe('/account')

    const { avatarId } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(avatarId).not.toBeNull()
    const asset = await prisma.mediaAsset.findUniqueOrThrow({
      where: { id: avatarId! },
      include: { variants: true },
    })
    expect(asset).toMatchObject({ kind: 'AVATAR', ownerId: user.id, width: 512, height: 512 })
    expect(
      asset.variants
        .filter((variant) => variant.format === 'AVIF')
        .map((variant) => variant.width)
        .sort((a, b) => a - b),
    ).toEqual([64, 128, 256, 512])
    for (const variant of asset.variants) {
      const metadata = await sharp(await readObject(variant.key)).metadata()
      expect([metadata.width, metadata.height]).toEqual([variant.width, variant.width])
      expect(metadata.exif).toBeUndefined()
    }

    // The header (root loader) and the page both have it.
    const root = await callRoute(rootLoader, routeRequest('/', { cookie }))
    const headerAvatar = (root.data as { user: { avatar: ImageView } }).user.avatar
    expect(headerAvatar.srcSet.avif).toContain('64w')
    const page = await callRoute(profileLoader, routeRequest('/account', { cookie }))
    expect((page.data as { avatar: ImageView | null }).avatar).toEqual(headerAvatar)

    // A new photo replaces the old one, whose objects are queued for deletion.
    const oldKeys = await assetKeys(asset.id)
    await clearQueuedJobs()
    expect(
      (
        await uploadAvatar(
          cookie,
          'me-again.png',
          await photo({ width: 400, height: 400, format: 'png' }),
        )
      ).status,
    ).toBe(302)
    const replaced = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(replaced.avatarId).not.toBe(asset.id)
    expect(await prisma.mediaAsset.count({ where: { id: asset.id } })).toBe(0)
    expect((await queuedKeys(STORAGE_DELETE_TASK)).map((item) => item.key).sort()).toEqual(oldKeys)

    // Back to the generated avatar.
    const newKeys = await assetKeys(replaced.avatarId!)
    await clearQueuedJobs()
    const removed = await callRoute(
      profileAction,
      routeRequest('/account', { cookie, form: { intent: 'remove-avatar' } }),
    )
    expect(removed.status).toBe(302)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).avatarId).toBeNull()
    expect((await queuedKeys(STORAGE_DELETE_TASK)).map((item) => item.key).sort()).toEqual(newKeys)
    expect(
      (
        (await callRoute(rootLoader, routeRequest('/', { cookie }))).data as {
          user: { avatar: null }
        }
      ).user.avatar,
    ).toBeNull()
  })

  test('a refused photo shows the reason at the field and keeps nothing', async () => {
    const { user, cookie } = await signedInUser()
    const keysBefore = await storedKeys()
    const cases: Array<[string, Buffer | string, number, RegExp]> = [
      [
        'tiny.jpg',
        await photo({ width: 100, height: 100 }),
        422,
        /“tiny.jpg” is 100 × 100 pixels; a profile photo needs at least 128 pixels/,
      ],
      [
        'face.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"/>',
        415,
        /“face.svg” is an SVG drawing/,
      ],
      [
        '../../me.jpg',
        await photo({ width: 300, height: 300 }),
        400,
        /is not accepted: its name contains path separators/,
      ],
    ]
    for (const [name, data, status, message] of cases) {
      const result = await uploadAvatar(cookie, name, data)
      expect(result.status, name).toBe(status)
      expect(result.data).toMatchObject({
        intent: 'avatar',
        avatarError: expect.stringMatching(message),
      })
    }
    const twoFiles = await callRoute(
      profileAction,
      uploadRequest(
        '/account',
        [
          { field: 'avatar', filename: 'a.jpg', data: await photo({ width: 300, height: 300 }) },
          { field: 'avatar', filename: 'b.jpg', data: await photo({ width: 300, height: 300 }) },
        ],
        cookie,
      ),
    )
    expect(twoFiles.status).toBe(413)
    expect(twoFiles.data).toMatchObject({ avatarError: 'Send at most one file at once.' })
    const none = await callRoute(
      profileAction,
      uploadRequest(
        '/account',
        [{ field: 'avatar', filename: '', data: Buffer.alloc(0) }],
        cookie,
        { intent: 'avatar' },
      ),
    )
    expect(none.status).toBe(400)
    expect(none.data).toMatchObject({ avatarError: 'Choose a photo to upload.' })

    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).avatarId).toBeNull()
    expect(await prisma.mediaAsset.count({ where: { ownerId: user.id } })).toBe(0)
    expect(await storedKeys()).toEqual(keysBefore)
  })

  test('removing an avatar nobody uploaded changes nothing', async () => {
    const { user, cookie } = await signedInUser()
    const result = await callRoute(
      profileAction,
      routeRequest('/account', { cookie, form: { intent: 'remove-avatar' } }),
    )
    expect(result.status).toBe(302)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).avatarId).toBeNull()
    expect(getStorage().kind).toBe('local')
  })

  test('a 30 MB body is a 413 (not a 500) that closes the connection, and the page keeps Retry-After and Connection', async () => {
    const { user, cookie } = await signedInUser()
    const declared = 30 * 1024 * 1024
    const request = new Request('http://localhost:3000/account', {
      method: 'POST',
      headers: {
        Cookie: cookie,
        'Content-Type': 'multipart/form-data; boundary=xx',
        'Content-Length': String(declared),
      },
      body: '--xx\r\n',
    })
    const result = await callRoute(profileAction, request)
    expect(result.status).toBe(413)
    expect(result.headers.get('Connection')).toBe('close')
    expect(result.data).toMatchObject({
      intent: 'avatar',
      avatarError: expect.stringMatching(/30 MB/),
    })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).avatarId).toBeNull()

    // What Remix puts on the page from the action's answer (a 503's Retry-After, a 413's Connection).
    const headers = new Headers(
      profileHeaders({
        parentHeaders: new Headers({ 'Cache-Control': 'private' }),
        actionHeaders: new Headers({ 'Retry-After': '5', Connection: 'close' }),
        loaderHeaders: new Headers(),
        errorHeaders: undefined,
      }),
    )
    expect(headers.get('Retry-After')).toBe('5')
    expect(headers.get('Connection')).toBe('close')
  })
})

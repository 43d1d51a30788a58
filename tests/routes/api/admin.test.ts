import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { submitReview } from '~/services/reviews/reviews.server.ts'
import { callApi, userWithToken } from '../../support/api.ts'
import { createUser } from '../../support/fixtures.ts'
import { createProduct, createSeller } from '../../support/shop-fixtures.ts'

// An admin through /api/v1: the review queue, accounts and shops, through the admin area's own
// services, so each command is audited exactly as on the admin pages (the entry names the admin
// who owns the token). Every answer is also checked against the OpenAPI document.

type Problem = { status: number; code: string; errors?: Array<{ pointer: string }> }
type Page<T> = { items: T[]; next: string | null; total: number }

const adminWithToken = (
  scopes: Array<'admin:read' | 'admin:write'> = ['admin:read', 'admin:write'],
) => userWithToken(scopes, { roles: ['SHOPPER', 'ADMIN'] })

async function pendingReview(title: string) {
  const { shop } = await createSeller()
  const product = await createProduct(shop.id)
  const author = await createUser({ name: 'Rana Reviewer' })
  const { id } = await submitReview(author.id, product.slug, {
    rating: 4,
    title,
    body: 'Soft fabric and a good cut for the price.',
  })
  return { id, product, author }
}

const auditOf = (targetId: string) =>
  prisma.auditEntry.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' } })

describe('the review queue', () => {
  test('listed with versions; approved and rejected only at the version read; audited', async () => {
    const { secret, user: admin } = await adminWithToken()
    const first = await pendingReview('Lovely dress')
    const second = await pendingReview('Seams came apart')

    // The whole queue (other tests may leave reviews in it): ours are there with their version.
    const queued: Array<{ id: string; version: number; author: { id: string } }> = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/admin/reviews${cursor ? `?cursor=${cursor}` : ''}`
      const page = await callApi(url, { token: secret })
      expect(page.status).toBe(200)
      const body = page.body as Page<(typeof queued)[number]>
      queued.push(...body.items)
      cursor = body.next
    } while (cursor)
    const mine = queued.find((review) => review.id === first.id)
    expect(mine).toMatchObject({ status: 'PENDING', author: { id: first.author.id } })
    const version = mine!.version

    const path = `/api/v1/admin/reviews/${first.id}/approve`
    const approve = (headers: Record<string, string>) =>
      callApi(path, { method: 'POST', token: secret, headers })
    expect((await approve({})).status).toBe(428)
    const stale = await approve({ 'If-Match': `"${version + 1}"` })
    expect(stale.body).toMatchObject({ status: 412, code: 'review-changed' })
    const approved = await approve({ 'If-Match': `"${version}"` })
    expect(approved.status).toBe(200)
    expect(approved.body).toEqual({ id: first.id, status: 'APPROVED' })
    const again = await approve({ 'If-Match': `"${version}"` })
    expect(again.body).toMatchObject({ status: 409, code: 'already-decided' })
    const [approval] = await auditOf(first.id)
    expect(approval).toMatchObject({ action: 'review.approve', actorId: admin.id })
    expect(await auditOf(first.id)).toHaveLength(1)

    const rejectPath = `/api/v1/admin/reviews/${second.id}/reject`
    const reject = (body: unknown) =>
      callApi(rejectPath, {
        method: 'POST',
        token: secret,
        headers: { 'If-Match': `"${version}"` },
        body,
      })
    const short = await reject({ reason: 'no' })
    expect(short.status).toBe(422)
    expect((short.body as Problem).errors?.map((error) => error.pointer)).toEqual(['/reason'])
    const rejected = await reject({ reason: 'Names a person in full' })
    expect(rejected.body).toEqual({ id: second.id, status: 'REJECTED' })
    expect(
      await prisma.review.findUniqueOrThrow({
        where: { id: second.id },
        select: { status: true, rejectionReason: true, queuedAt: true },
      }),
    ).toEqual({ status: 'REJECTED', rejectionReason: 'Names a person in full', queuedAt: null })
    expect(await auditOf(second.id)).toMatchObject([
      { action: 'review.reject', actorId: admin.id, reason: 'Names a person in full' },
    ])

    const missing = await callApi('/api/v1/admin/reviews/nope/approve', {
      method: 'POST',
      token: secret,
      headers: { 'If-Match': '"1"' },
    })
    expect(missing.body).toMatchObject({ status: 404, code: 'review-not-found' })
  })

  test('a token with admin:read only reads the queue; deciding needs admin:write', async () => {
    const reader = await adminWithToken(['admin:read'])
    const { id } = await pendingReview('Fits well')
    expect((await callApi('/api/v1/admin/reviews', { token: reader.secret })).status).toBe(200)
    const refused = await callApi(`/api/v1/admin/reviews/${id}/approve`, {
      method: 'POST',
      token: reader.secret,
      headers: { 'If-Match': '"1"' },
    })
    expect(refused.body).toMatchObject({ status: 403, code: 'insufficient-scope' })
    expect(await auditOf(id)).toEqual([])
  })
})

describe('accounts', () => {
  test('searched, blocked (sessions and tokens end) and unblocked, audited as on the admin page', async () => {
    const { secret, user: admin } = await adminWithToken()
    const target = await userWithToken(['account:read'])
    const email = target.user.email

    const found = await callApi(`/api/v1/admin/users?q=${encodeURIComponent(email)}`, {
      token: secret,
    })
    expect(found.body).toMatchObject({
      total: 1,
      items: [{ id: target.user.id, status: 'ACTIVE' }],
    })
    const byRole = await callApi('/api/v1/admin/users?role=ADMIN&status=ACTIVE', {
      token: secret,
    })
    expect((byRole.body as Page<{ id: string }>).items.map((user) => user.id)).toContain(admin.id)
    expect((await callApi('/api/v1/admin/users?status=GONE', { token: secret })).status).toBe(400)

    const block = (body: unknown, id = target.user.id) =>
      callApi(`/api/v1/admin/users/${id}/block`, {
        method: 'POST',
        token: secret,
        body,
      })
    const noReason = await block({})
    expect((noReason.body as Problem).errors?.map((error) => error.pointer)).toEqual(['/reason'])
    const self = await block({ reason: 'Testing myself' }, admin.id)
    expect(self.body).toMatchObject({ status: 409, code: 'cannot-block-self' })
    expect((await block({ reason: 'Spam' }, 'no-such-account')).status).toBe(404)

    const blocked = await block({ reason: 'Spam reviews' })
    expect(blocked.status).toBe(200)
    expect(blocked.body).toMatchObject({
      id: target.user.id,
      status: 'BLOCKED',
      blockedReason: 'Spam reviews',
    })
    // Their token died with the block.
    expect((await callApi('/api/v1/me', { token: target.secret })).status).toBe(401)
    expect((await block({ reason: 'Twice' })).body).toMatchObject({
      status: 409,
      code: 'already-blocked',
    })
    const read = await callApi(`/api/v1/admin/users/${target.user.id}`, {
      token: secret,
    })
    expect(read.body).toMatchObject({ status: 'BLOCKED' })

    const unblocked = await callApi(`/api/v1/admin/users/${target.user.id}/unblock`, {
      method: 'POST',
      token: secret,
      body: { reason: 'Appealed' },
    })
    expect(unblocked.body).toMatchObject({ status: 'ACTIVE', blockedReason: null, blockedAt: null })
    expect(await auditOf(target.user.id)).toMatchObject([
      {
        action: 'user.block',
        actorId: admin.id,
        reason: 'Spam reviews',
        details: { sessionsEnded: 0, apiTokensRevoked: 1 },
      },
      { action: 'user.unblock', actorId: admin.id, reason: 'Appealed' },
    ])
  })
})

describe('shops', () => {
  test('listed, suspended (products leave the store) and reinstated, audited', async () => {
    const { secret, user: admin } = await adminWithToken()
    const { shop } = await createSeller()
    const product = await createProduct(shop.id)

    const list = await callApi(`/api/v1/admin/shops?q=${shop.slug}`, { token: secret })
    expect(list.body).toMatchObject({
      items: [{ id: shop.id, status: 'ACTIVE', products: 1 }],
      total: 1,
    })

    const suspend = (body: unknown) =>
      callApi(`/api/v1/admin/shops/${shop.id}/suspend`, {
        method: 'POST',
        token: secret,
        body,
      })
    expect(((await suspend({ reason: '' })).body as Problem).errors?.[0]?.pointer).toBe('/reason')
    const suspended = await suspend({ reason: 'Counterfeit goods' })
    expect(suspended.body).toMatchObject({
      id: shop.id,
      status: 'SUSPENDED',
      suspendedReason: 'Counterfeit goods',
    })
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).listed).toBe(
      false,
    )

    const reinstated = await callApi(`/api/v1/admin/shops/${shop.id}/reinstate`, {
      method: 'POST',
      token: secret,
    })
    expect(reinstated.body).toMatchObject({ status: 'ACTIVE', suspendedReason: null })
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).listed).toBe(
      true,
    )
    expect(await auditOf(shop.id)).toMatchObject([
      { action: 'shop.suspend', actorId: admin.id, reason: 'Counterfeit goods' },
      { action: 'shop.reinstate', actorId: admin.id },
    ])
    const missing = await callApi('/api/v1/admin/shops/nope/reinstate', {
      method: 'POST',
      token: secret,
    })
    expect(missing.status).toBe(404)
  })
})

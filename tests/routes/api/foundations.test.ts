import { validate, compileErrors } from '@readme/openapi-parser'
import { describe, expect, test } from 'vitest'
import { apiLimiters, API_LIMITS } from '~/http/api/rate-limit.server.ts'
import { apiPaths } from '~/http/api/router.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { message } from '~/i18n/validation.ts'
import {
  action as tokensAction,
  loader as tokensLoader,
} from '~/routes/($locale).account.tokens.tsx'
import * as docsRoute from '~/routes/api.docs.ts'
import { blockUser } from '~/services/admin/users.server.ts'
import { callApi, sha256, userWithToken } from '../../support/api.ts'
import { createUser, signIn } from '../../support/fixtures.ts'
import { createProduct, createSeller } from '../../support/shop-fixtures.ts'
import { callRoute, routeRequest } from '../../support/remix.ts'

type Problem = { status: number; code: string; detail: string; errors?: Array<{ pointer: string }> }

describe('personal access tokens on the account page', () => {
  test('created with scopes and an expiry, shown once, stored hashed, listed without the secret, revoked', async () => {
    const user = await createUser({ roles: ['SHOPPER', 'SELLER'] })
    const { cookie } = await signIn(user.id)
    const created = await callRoute(
      tokensAction,
      routeRequest('/account/tokens', {
        cookie,
        form: {
          intent: 'create',
          name: 'Stock sync',
          expiresInDays: '90',
          scopes: ['shop:read', 'shop:write'],
        },
      }),
    )
    expect(created.status).toBe(200)
    expect(created.headers.get('Cache-Control')).toBe('no-store')
    const secret = (created.data as { created: { secret: string } }).created.secret
    expect(secret).toMatch(/^shk_[A-Za-z0-9_-]{43}$/)

    const [row] = await prisma.apiToken.findMany({ where: { userId: user.id } })
    expect(row).toMatchObject({
      name: 'Stock sync',
      scopes: ['shop:read', 'shop:write'],
      tokenHash: sha256(secret),
    })
    expect(JSON.stringify(row)).not.toContain(secret.slice(4))
    const days = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000
    expect(Math.round(days)).toBe(90)

    const page = await callRoute(tokensLoader, routeRequest('/account/tokens', { cookie }))
    expect(JSON.stringify(page.data)).not.toContain(secret)
    expect((page.data as { tokens: Array<{ prefix: string }> }).tokens).toEqual([
      expect.objectContaining({ prefix: secret.slice(0, 10) }),
    ])

    const me = await callApi('/api/v1/me', { token: secret })
    expect(me.status).toBe(403) // shop scopes only: /me needs account:read

    const revoked = await callRoute(
      tokensAction,
      routeRequest('/account/tokens', { cookie, form: { intent: 'revoke', tokenId: row!.id } }),
    )
    expect(revoked.status).toBe(302)
    expect(
      (await prisma.apiToken.findUniqueOrThrow({ where: { id: row!.id } })).revokedAt,
    ).not.toBeNull()
    const after = await callApi('/api/v1/me', { token: secret })
    expect(after.status).toBe(401)

    // Another user's token id changes nothing.
    const other = await userWithToken(['account:read'])
    const foreign = await callRoute(
      tokensAction,
      routeRequest('/account/tokens', {
        cookie,
        form: { intent: 'revoke', tokenId: other.token.id },
      }),
    )
    expect(foreign.status).toBe(404)
    expect(
      (await prisma.apiToken.findUniqueOrThrow({ where: { id: other.token.id } })).revokedAt,
    ).toBeNull()
  })

  test('a scope the account may not give, a blank name or no scope is refused at its field and nothing is stored', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const post = (form: Record<string, string | string[]>) =>
      callRoute(
        tokensAction,
        routeRequest('/account/tokens', { cookie, form: { intent: 'create', ...form } }),
      )
    const errorsOf = (result: { data: unknown }) =>
      (result.data as { result: { error: Record<string, string[]> } }).result.error

    const seller = await post({ name: 'x', expiresInDays: '30', scopes: ['shop:write'] })
    expect(seller.status).toBe(403)
    expect(errorsOf(seller).scopes).toEqual([message('account.tokenScopes')])
    const blank = await post({ name: '  ', expiresInDays: '30', scopes: ['orders:read'] })
    expect(blank.status).toBe(400)
    expect(errorsOf(blank).name).toEqual([message('account.tokenName')])
    const none = await post({ name: 'x', expiresInDays: '30' })
    expect(errorsOf(none).scopes).toEqual([message('account.tokenScopes')])
    const lifetime = await post({ name: 'x', expiresInDays: '9999', scopes: ['orders:read'] })
    expect(errorsOf(lifetime).expiresInDays).toEqual([message('account.tokenLifetime')])
    expect(await prisma.apiToken.count({ where: { userId: user.id } })).toBe(0)
  })
})

describe('Bearer authentication and scopes', () => {
  test('a token answers as its owner with its scopes, and each use is recorded', async () => {
    const { user, token, secret } = await userWithToken(['account:read', 'orders:read'])
    const me = await callApi('/api/v1/me', { token: secret, clientIp: '198.51.100.4' })
    expect(me.status).toBe(200)
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      roles: ['SHOPPER'],
      scopes: ['account:read', 'orders:read'],
      via: 'token',
    })
    expect(me.headers.get('RateLimit-Policy')).toBe(`"token";q=${API_LIMITS.token.points};w=60`)
    expect(me.headers.get('RateLimit')).toMatch(/^"token";r=\d+;t=\d+$/)
    const uses = await prisma.apiTokenUse.findMany({ where: { tokenId: token.id } })
    expect(uses).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/v1/me',
        status: 200,
        ip: '198.51.100.4',
      }),
    ])
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })
    expect(row.lastUsedAt).not.toBeNull()
    expect(row.lastUsedIp).toBe('198.51.100.4')
  })

  test('no token, a malformed header, an unknown, expired or revoked token: 401 problem details', async () => {
    const missing = await callApi('/api/v1/me')
    expect(missing.status).toBe(401)
    expect(missing.headers.get('Content-Type')).toBe('application/problem+json')
    expect(missing.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    expect(missing.body).toMatchObject({
      status: 401,
      code: 'authentication-required',
      title: 'Unauthorized',
    })

    const malformed = await callApi('/api/v1/me', {
      headers: { Authorization: 'Basic abc' },
    })
    expect(malformed.body).toMatchObject({ status: 401, code: 'invalid-token' })
    const unknown = await callApi('/api/v1/me', { token: `shk_${'a'.repeat(43)}` })
    expect(unknown.body).toMatchObject({ status: 401, code: 'invalid-token' })
    expect(unknown.headers.get('WWW-Authenticate')).toContain('error="invalid_token"')

    const { token, secret } = await userWithToken(['account:read'])
    await prisma.apiToken.update({
      where: { id: token.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await callApi('/api/v1/me', { token: secret })).status).toBe(401)
  })

  test('a token without the scope is refused with 403 insufficient-scope', async () => {
    const { secret } = await userWithToken(['orders:read'])
    const result = await callApi('/api/v1/me', { token: secret })
    expect(result.status).toBe(403)
    expect(result.body).toMatchObject({ code: 'insufficient-scope' })
    expect(result.headers.get('WWW-Authenticate')).toContain('insufficient_scope')
  })

  test('a header token is judged alone: a session cookie beside a bad token does not sign in', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const viaSession = await callApi('/api/v1/me', { cookie })
    expect(viaSession.status).toBe(200)
    expect(viaSession.body).toMatchObject({ id: user.id, via: 'session' })
    const both = await callApi('/api/v1/me', { cookie, token: 'shk_nope' })
    expect(both.status).toBe(401)
  })

  test('tokens die with a blocked user, and stay revoked after unblocking', async () => {
    const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
    const { user, token, secret } = await userWithToken(['account:read'])
    // Blocked meanwhile (not through the command): refused at once.
    await prisma.user.update({
      where: { id: user.id },
      data: { status: 'BLOCKED', blockedAt: new Date(), blockedReason: 'test' },
    })
    expect((await callApi('/api/v1/me', { token: secret })).status).toBe(401)
    await prisma.user.update({
      where: { id: user.id },
      data: { status: 'ACTIVE', blockedAt: null, blockedReason: null },
    })
    expect((await callApi('/api/v1/me', { token: secret })).status).toBe(200)

    await blockUser({ id: admin.id, email: admin.email }, user.id, 'Spam')
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })
    expect(row.revokedAt).not.toBeNull()
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { action: 'user.block', targetId: user.id },
    })
    expect(entry.details).toMatchObject({ apiTokensRevoked: 1 })
  })
})

describe('conventions', () => {
  test('reads carry an ETag; If-None-Match answers 304', async () => {
    const { secret } = await userWithToken(['account:read'])
    const first = await callApi('/api/v1/me', { token: secret })
    const etag = first.headers.get('ETag')!
    expect(etag).toMatch(/^W\/".+"$/)
    const again = await callApi('/api/v1/me', {
      token: secret,
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
    expect(again.body).toBeNull()
  })

  test('over the rate limit: 429 with Retry-After and the RateLimit fields, per token and per address', async () => {
    const { token, secret } = await userWithToken(['account:read'])
    await apiLimiters().token.penalty(token.id, API_LIMITS.token.points)
    const limited = await callApi('/api/v1/me', { token: secret })
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ code: 'rate-limited' })
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(limited.headers.get('RateLimit')).toMatch(/^"token";r=0;t=\d+$/)
    // The limit is the token's: another token of another user is not held back.
    const other = await userWithToken(['account:read'])
    expect((await callApi('/api/v1/me', { token: other.secret })).status).toBe(200)

    const ip = '192.0.2.99'
    await apiLimiters().address.penalty(ip, API_LIMITS.address.points)
    const anonymous = await callApi('/api/v1/me', { clientIp: ip })
    expect(anonymous.status).toBe(429)
    // Guessing tokens counts against the address too.
    const guessing = await callApi('/api/v1/me', { clientIp: ip, token: 'shk_guess' })
    expect(guessing.status).toBe(429)
  })

  test('an unknown API path is a 404 problem, not the store page', async () => {
    for (const path of [
      '/api/v1/nothing-here',
      '/api/v1/products/a/b/c',
      '/api/v1/admin',
      '/api/v1/products/%E0%A4%A', // a malformed escape names nothing
    ]) {
      const result = await callApi(path, { unchecked: true })
      expect(result.status, path).toBe(404)
      expect(result.headers.get('Content-Type')).toBe('application/problem+json')
      expect((result.body as Problem).code).toBe('no-such-endpoint')
    }
  })

  test('a method a path does not answer is a 405 naming those it does', async () => {
    const { secret } = await userWithToken(['account:read'])
    const post = await callApi('/api/v1/me', { method: 'POST', token: secret, unchecked: true })
    expect(post.status).toBe(405)
    expect(post.headers.get('Allow')).toBe('GET')
    expect((post.body as Problem).code).toBe('method-not-allowed')
    const get = await callApi('/api/v1/checkout', { token: secret, unchecked: true })
    expect(get.status).toBe(405)
    expect(get.headers.get('Allow')).toBe('POST')
    // A literal segment wins over a parameter: PATCH on images/order is not an image called "order".
    const patch = await callApi('/api/v1/shop/products/p1/images/order', {
      method: 'PATCH',
      token: secret,
      body: {},
      unchecked: true,
    })
    expect(patch.status).toBe(405)
    expect(patch.headers.get('Allow')).toBe('PUT')
  })

  test('HEAD is answered by the GET endpoint; path parameters arrive decoded', async () => {
    const { shop } = await createSeller('Zoë Boutique')
    const product = await createProduct(shop.id)
    const head = await callApi(`/api/v1/products/${product.slug}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('ETag')).toBeTruthy()
    const byEscapedSlug = await callApi(
      `/api/v1/shops/${encodeURIComponent(shop.slug).replace(/-/g, '%2D')}`,
    )
    expect(byEscapedSlug.status).toBe(200)
    expect((byEscapedSlug.body as { slug: string }).slug).toBe(shop.slug)
  })
})

describe('the OpenAPI document and the docs page', () => {
  test('is valid OpenAPI 3.1 and describes every path the API answers with each method', async () => {
    const result = await callApi('/api/v1/openapi.json')
    expect(result.status).toBe(200)
    const document = result.body as {
      openapi: string
      paths: Record<string, Record<string, unknown>>
    }
    expect(document.openapi).toBe('3.1.0')
    const validation = await validate(structuredClone(document) as never)
    expect(validation.valid, validation.valid ? '' : compileErrors(validation)).toBe(true)

    const answered = Object.fromEntries(
      apiPaths().map((path) => [
        path.template,
        [...path.byMethod.keys()].map((method) => method.toLowerCase()).sort(),
      ]),
    )
    const documented = Object.fromEntries(
      Object.entries(document.paths).map(([path, operations]) => [
        path,
        Object.keys(operations).sort(),
      ]),
    )
    expect(documented).toEqual(answered)
    expect(Object.keys(answered).length).toBeGreaterThan(25)
  })

  test('the docs page loads Swagger UI from the app with the CSP nonce', async () => {
    const response = (await docsRoute.loader({
      request: new Request('http://localhost:3000/api/docs'),
      params: {},
      context: { cspNonce: 'abc123', requestId: 'r', clientIp: '127.0.0.1' },
    })) as Response
    const html = await response.text()
    expect(html).toContain('<script nonce="abc123" src="/api/docs/assets/swagger-ui-bundle.js">')
    expect(html).toContain("url: '/api/v1/openapi.json'")
    expect(html).not.toMatch(/https?:\/\//)
  })
})

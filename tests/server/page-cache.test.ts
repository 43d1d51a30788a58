import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import compression from 'compression'
import express from 'express'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { memoryStore, redisStore, type PageCacheStore } from '~/infra/page-cache/store.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import {
  pageCacheKey,
  pageCacheLookup,
  pageCacheServe,
  pageCacheWrites,
} from '../../app/server/page-cache.ts'
import { assignCspNonce, securityHeaders } from '../../app/server/security.ts'

// The page cache's HTTP layer, assembled in the order app/server/app.ts uses, in front of a
// stand-in for Remix that renders a page with personal parts from the cookie (a name, a cart
// count), like the root loader does. Two such apps share one real Redis: two processes of the
// store. What is checked: nothing rendered for one visitor reaches another, pages never cross
// locales or language suggestions, a tag's invalidation reaches the other process, a render
// that raced a change is never served, replays carry their own nonce, ETag and gzip.

const redis = new Redis(process.env.REDIS_URL!)
const prefix = `${process.env.REDIS_PREFIX}pc-${randomBytes(3).toString('hex')}:`
const keyOf = (...parts: string[]) => prefix + parts.join(':')
let renders = 0
let version = 'build-1'
let productPrice = '10.00'
/** Lets a test hold a render between its read and its answer (a change racing a render). */
let holdRender: Promise<void> | null = null

function storefront(store: PageCacheStore) {
  const app = express()
  app.use((_req, _res, next) => requestContext.run({ requestId: 'test' }, next))
  app.use(compression())
  app.use(assignCspNonce)
  app.use((req, res, next) => pageCacheLookup(store, version)(req, res, next))
  app.use(securityHeaders({ https: false, viteDev: false }))
  app.use(pageCacheServe(store))
  app.get(['/p/:slug', '/fa/p/:slug', '/cart'], async (req, res) => {
    renders++
    const price = productPrice
    if (holdRender) await holdRender
    const cookie = req.headers.cookie ?? ''
    const name = /session=(\w+)/.exec(cookie)?.[1]
    const cart = /cart=(\d+)/.exec(cookie)?.[1]
    if (req.path !== '/cart') tagPage(`product:${req.params.slug}`)
    if (req.query.welcome) res.append('Set-Cookie', 'toast=; Max-Age=0')
    const nonce = String(res.locals.cspNonce)
    const locale = req.path.startsWith('/fa/') ? 'fa' : 'en'
    const suggestion = (req.headers['accept-language'] ?? '').startsWith('fa') ? 'فارسی' : ''
    res
      .type('html')
      .send(
        `<html lang="${locale}"><body><header>${name ? `Hello ${name}` : 'Sign in'} · cart ${cart ?? 0}</header>` +
          `<p>${suggestion}</p><main>${req.params.slug} costs ${price}</main>` +
          `<script nonce="${nonce}">hydrate()</script></body></html>`,
      )
  })
  const server = app.listen(0)
  return {
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  }
}

const shared = [redisStore(redis, keyOf), redisStore(redis, keyOf)] as const
const apps = shared.map(storefront)
const memory = memoryStore({ maxBytes: 1024 * 1024 })
const single = storefront(memory)

beforeAll(async () => {
  await Promise.all(
    [...apps, single].map(({ server }) =>
      server.listening ? null : new Promise((resolve) => server.once('listening', resolve)),
    ),
  )
})
afterAll(async () => {
  for (const { server } of [...apps, single]) server.close()
  await shared[0].clear()
  await redis.quit()
})
beforeEach(async () => {
  await shared[0].clear()
  await memory.clear()
  productPrice = '10.00'
  holdRender = null
})

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    headers: { accept: 'text/html', 'accept-encoding': 'identity', ...headers },
  })
  const body = await response.text()
  // A page is stored once its response has finished.
  await new Promise((resolve) => setImmediate(resolve))
  await pageCacheWrites()
  return { status: response.status, headers: response.headers, body }
}

const [first, second] = [() => apps[0]!.url(), () => apps[1]!.url()]

describe('who gets a cached page', () => {
  test('an anonymous page is rendered once and replayed, to the other process too', async () => {
    const before = renders
    const miss = await get(first(), '/p/dress')
    expect(miss.headers.get('x-page-cache')).toBe('MISS')
    expect(miss.headers.get('cache-control')).toContain('public')
    const hit = await get(second(), '/p/dress')
    expect(hit.headers.get('x-page-cache')).toBe('HIT')
    expect(hit.body).toBe(miss.body)
    expect(renders - before).toBe(1)
    expect(hit.headers.get('vary')).toContain('Cookie')
  })

  test("a signed-in shopper's page is never stored, and never served to anyone else", async () => {
    const personal = await get(first(), '/p/dress', { cookie: 'session=Roya; cart=3' })
    expect(personal.body).toContain('Hello Roya · cart 3')
    expect(personal.headers.get('x-page-cache')).toBe('BYPASS')
    expect(personal.headers.get('cache-control')).toBe('private, no-cache')
    for (const base of [first(), second()]) {
      const anonymous = await get(base, '/p/dress')
      expect(anonymous.body).toContain('Sign in · cart 0')
      expect(anonymous.body).not.toContain('Roya')
    }
    // And the anonymous copy now cached is not what a signed-in shopper gets.
    const other = await get(second(), '/p/dress', { cookie: 'session=Kian' })
    expect(other.body).toContain('Hello Kian')
    expect(other.body).not.toContain('Roya')
    expect(other.headers.get('x-page-cache')).toBe('BYPASS')
  })

  test('any cookie at all (a guest cart, a toast, a language choice) is rendered for its sender', async () => {
    for (const cookie of ['cart=2', 'shikposh_locale=fa', 'anything=1']) {
      await get(first(), '/p/coat')
      const response = await get(second(), '/p/coat', { cookie })
      expect(response.headers.get('x-page-cache')).toBe('BYPASS')
    }
    const guest = await get(first(), '/p/coat', { cookie: 'cart=2' })
    expect(guest.body).toContain('cart 2')
  })

  test('a response that sets a cookie, an untagged page and unknown query strings are not stored', async () => {
    const before = renders
    await get(first(), '/p/hat?welcome=1')
    await get(first(), '/p/hat?welcome=1')
    expect(renders - before).toBe(2)
    await get(first(), '/cart')
    expect((await get(first(), '/cart')).headers.get('x-page-cache')).toBeNull()
    expect(renders - before).toBe(4)
    await get(first(), '/p/hat?utm_source=mail')
    expect((await get(first(), '/p/hat?utm_source=mail')).headers.get('x-page-cache')).toBe(
      'BYPASS',
    )
    // A data request (client-side navigation) is not a document.
    const req = (headers: Record<string, string>, url = '/p/hat') =>
      ({ method: 'GET', headers, originalUrl: url }) as unknown as express.Request
    expect(pageCacheKey(req({ accept: 'text/html' }, '/p/hat.data'), 'v')).toBeNull()
    expect(pageCacheKey(req({ accept: '*/*' }), 'v')).toBeNull()
    expect(pageCacheKey(req({ accept: 'text/html', authorization: 'Bearer x' }), 'v')).toBeNull()
  })
})

describe('what a cached page is', () => {
  test('locales, language suggestions and builds are separate pages', async () => {
    await get(first(), '/p/dress')
    const persian = await get(first(), '/fa/p/dress')
    expect(persian.headers.get('x-page-cache')).toBe('MISS')
    expect(persian.body).toContain('lang="fa"')
    const suggested = await get(first(), '/p/dress', { 'accept-language': 'fa-IR,fa;q=0.9' })
    expect(suggested.headers.get('x-page-cache')).toBe('MISS')
    expect(suggested.body).toContain('فارسی')
    const english = await get(second(), '/p/dress', { 'accept-language': 'en-GB' })
    expect(english.body).not.toContain('فارسی')
    version = 'build-2'
    try {
      expect((await get(first(), '/p/dress')).headers.get('x-page-cache')).toBe('MISS')
    } finally {
      version = 'build-1'
    }
  })

  test('a replay carries the nonce its scripts were rendered with, an ETag (304) and gzip', async () => {
    await get(first(), '/p/scarf')
    const hit = await get(second(), '/p/scarf')
    const nonce = /nonce="([^"]+)"/.exec(hit.body)?.[1]
    expect(nonce).toBeTruthy()
    expect(hit.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`)
    const etag = hit.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    const revalidated = await get(first(), '/p/scarf', { 'if-none-match': etag })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`)
    const response = await fetch(`${first()}/p/scarf`, {
      headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
    })
    expect(response.headers.get('x-page-cache')).toBe('HIT')
    // fetch undoes the gzip itself; read the bytes through node:http to see them as sent.
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ get: httpGet }) =>
        httpGet(
          `${first()}/p/scarf`,
          { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } },
          (res) => {
            const chunks: Buffer[] = []
            res.on('data', (chunk: Buffer) => chunks.push(chunk))
            res.on('end', () => resolve(Buffer.concat(chunks)))
          },
        ).on('error', reject),
      )
    })
    expect(gunzipSync(raw).toString('utf8')).toBe(hit.body)
  })
})

describe('invalidation', () => {
  test("a tag's invalidation in one process reaches the other's next request", async () => {
    await get(first(), '/p/dress')
    await get(first(), '/p/boots')
    productPrice = '8.00'
    await shared[1].invalidate(['product:dress'])
    const dress = await get(first(), '/p/dress')
    expect(dress.headers.get('x-page-cache')).toBe('MISS')
    expect(dress.body).toContain('costs 8.00')
    expect((await get(second(), '/p/boots')).headers.get('x-page-cache')).toBe('HIT')
  })

  test('a render that read the old data and finished after the invalidation is never served', async () => {
    for (const base of [first, () => single.url()]) {
      const store = base === first ? shared[1] : memory
      let release!: () => void
      holdRender = new Promise((resolve) => (release = resolve))
      const racing = get(base(), '/p/skirt') // reads 10.00, then waits
      await new Promise((resolve) => setTimeout(resolve, 50))
      productPrice = '7.00'
      await store.invalidate(['product:skirt'])
      release()
      holdRender = null
      expect((await racing).body).toContain('costs 10.00')
      const next = await get(base(), '/p/skirt')
      expect(next.body).toContain('costs 7.00')
      expect(next.headers.get('x-page-cache')).toBe('MISS')
      productPrice = '10.00'
    }
  })

  test('the in-process cache keeps within its size, dropping the least recently used', async () => {
    const small = memoryStore({ maxBytes: 40_000 })
    const page = (n: number) => ({
      status: 200,
      headers: {},
      body: Buffer.alloc(9_000, n),
      gzip: Buffer.alloc(100),
      etag: `"${n}"`,
      nonce: 'n',
      tags: ['layout'],
      renderedAt: Date.now(),
    })
    for (let n = 0; n < 4; n++) await small.set(`k${n}`, page(n))
    await small.get('k0')
    await small.set('k4', page(4))
    expect(small.bytes()).toBeLessThanOrEqual(40_000)
    expect(await small.get('k0')).not.toBeNull()
    expect(await small.get('k1')).toBeNull()
    expect(await small.get('k4')).not.toBeNull()
  })
})

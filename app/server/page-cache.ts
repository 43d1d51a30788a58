import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip as gzipCallback } from 'node:zlib'
import type { NextFunction, Request, Response } from 'express'
import { preferredLocale } from '~/i18n/accept-language.ts'
import { businessMetrics } from '~/infra/business-metrics.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { LAYOUT_TAG } from '~/infra/page-cache/page-cache.server.ts'
import type { PageCacheStore, PageEntry } from '~/infra/page-cache/store.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'

// The page cache in front of Remix (docs/decisions/026-page-cache.md). Only anonymous document
// requests use it: a request with any cookie (session, guest cart, toast, language choice …) or
// an Authorization header is rendered for its sender and never read from or written to the
// cache, so a personal bit (cart count, name, wishlist hearts, notifications) can never reach
// another visitor, whichever cookie it comes from. A page is stored only when its loaders tagged
// it (tagPage), it answered 200 and set no cookie.
//
// Two middlewares, because a replay needs the security headers of its own nonce: `lookup` runs
// before the CSP header is set and swaps in the stored page's nonce; `serve` runs just before
// Remix and answers from the entry, or records the page Remix renders.

const gzip = promisify(gzipCallback)

/**
 * Browsers always ask again (ETag → 304), never showing a stale copy meanwhile; shared caches
 * may keep a page 30 s, and a CDN that reads CDN-Cache-Control (RFC 9213) may serve it 30 s
 * more while it asks.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, must-revalidate'
export const CDN_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=30'
export const PERSONAL_CACHE_CONTROL = 'private, no-cache'
const VARY = 'Accept-Encoding, Accept-Language, Cookie'
/** What the storefront's query strings may hold and still be cached (grids, variant, reviews). */
const CACHEABLE_PARAMS = new Set([
  'q',
  'category',
  'brand',
  'color',
  'size',
  'shop',
  'minPrice',
  'maxPrice',
  'rating',
  'onSale',
  'inStock',
  'sort',
  'page',
  'reviewSort',
  'reviewPage',
])
const KEPT_HEADERS = ['content-type', 'content-language', 'link']

type Lookup =
  | { kind: 'hit'; entry: PageEntry }
  | { kind: 'miss'; key: string; renderedAt: number }
  | { kind: 'bypass' }

declare module 'express-serve-static-core' {
  interface Locals {
    pageCache?: Lookup
  }
}

/**
 * The cache key of an anonymous document request, or null when the request must be rendered
 * for its sender. `version` is the build's (a new deploy never replays the old build's HTML).
 */
export function pageCacheKey(req: Request, version: string): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  if (req.headers.cookie?.trim() || req.headers.authorization) return null
  if (!(req.headers.accept ?? '').includes('text/html')) return null
  const url = req.originalUrl
  if (url.length > 1024 || url.includes('.data') || !url.startsWith('/')) return null
  const query = url.indexOf('?')
  if (query !== -1) {
    for (const name of new URLSearchParams(url.slice(query + 1)).keys())
      if (!CACHEABLE_PARAMS.has(name)) return null
  }
  // The page suggests the other language to browsers that prefer it: that is part of the page.
  const suggests = preferredLocale(req.headers['accept-language'] ?? null) ?? '-'
  // Not the Host: pages name the store by APP_URL, never by the Host a request claims.
  return createHash('sha256').update(`${version}\n${suggests}\n${url}`).digest('base64url')
}

const pendingWrites = new Set<Promise<unknown>>()

/** Resolves when the pages being stored are stored (tests; a graceful stop). */
export async function pageCacheWrites() {
  await Promise.all(pendingWrites)
}

export function pageCacheLookup(store: PageCacheStore, version: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const key = pageCacheKey(req, version)
    if (!key) {
      res.locals.pageCache = { kind: 'bypass' }
      return next()
    }
    // Taken before anything is read: an invalidation after this moment outdates the render.
    const renderedAt = Date.now()
    const entry = await store.get(key).catch((error: unknown) => {
      businessMetrics.pageCacheErrors.inc({ operation: 'get' })
      logger.warn({ err: error }, 'Page cache unavailable')
      return null
    })
    if (entry) {
      res.locals.cspNonce = entry.nonce
      res.locals.pageCache = { kind: 'hit', entry }
    } else {
      res.locals.pageCache = { kind: 'miss', key, renderedAt }
    }
    next()
  }
}

export function pageCacheServe(store: PageCacheStore) {
  return (req: Request, res: Response, next: NextFunction) => {
    const lookup = res.locals.pageCache
    if (lookup?.kind === 'hit') return replay(req, res, lookup.entry)
    const context = requestContext.getStore()
    const tagsOf = () => context?.pageTags
    if (lookup?.kind !== 'miss') {
      // Rendered for its sender: a cacheable page says so to caches on the way.
      beforeFirstWrite(res, () => {
        if (!tagsOf()?.size) return
        businessMetrics.pageCache.inc({ result: 'bypass' })
        res.setHeader('Cache-Control', PERSONAL_CACHE_CONTROL)
        res.setHeader('Vary', VARY)
        res.setHeader('X-Page-Cache', 'BYPASS')
      })
      return next()
    }
    let storable = false
    const chunks: Buffer[] = []
    beforeFirstWrite(res, () => {
      const cacheControl = String(res.getHeader('cache-control') ?? '')
      storable =
        req.method === 'GET' &&
        res.statusCode === 200 &&
        Boolean(tagsOf()?.size) &&
        !res.hasHeader('set-cookie') &&
        !cacheControl.includes('no-store')
      if (!storable) return
      businessMetrics.pageCache.inc({ result: 'miss' })
      res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL)
      res.setHeader('CDN-Cache-Control', CDN_CACHE_CONTROL)
      res.setHeader('Vary', VARY)
      res.setHeader('X-Page-Cache', 'MISS')
    })
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    const keep = (chunk: unknown, encoding: unknown) => {
      if (!storable || chunk === undefined || chunk === null || typeof chunk === 'function') return
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : typeof chunk === 'string'
            ? Buffer.from(
                chunk,
                typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
              )
            : Buffer.from(chunk as Uint8Array),
      )
    }
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      runBeforeFirstWrite(res)
      keep(chunk, rest[0])
      return write(chunk, ...rest)
    }) as Response['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      runBeforeFirstWrite(res)
      keep(chunk, rest[0])
      return end(chunk, ...rest)
    }) as Response['end']
    res.once('finish', () => {
      if (!storable) return
      const body = Buffer.concat(chunks)
      const headers: Record<string, string> = {}
      for (const name of KEPT_HEADERS) {
        const value = res.getHeader(name)
        if (value !== undefined) headers[name] = String(value)
      }
      const write = gzip(body)
        .then((gzipped) =>
          store.set(lookup.key, {
            status: 200,
            headers,
            body,
            gzip: gzipped,
            etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
            nonce: String(res.locals.cspNonce),
            tags: [LAYOUT_TAG, ...(tagsOf() ?? [])],
            renderedAt: lookup.renderedAt,
          }),
        )
        .catch((error: unknown) => {
          businessMetrics.pageCacheErrors.inc({ operation: 'set' })
          logger.warn({ err: error }, 'Could not store a page')
        })
        .finally(() => pendingWrites.delete(write))
      pendingWrites.add(write)
    })
    next()
  }
}

/** Answers from a stored page: 304 when the browser holds it, gzip when it takes it. */
function replay(req: Request, res: Response, entry: PageEntry) {
  businessMetrics.pageCache.inc({ result: 'hit' })
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value)
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL)
  res.setHeader('CDN-Cache-Control', CDN_CACHE_CONTROL)
  res.setHeader('Vary', VARY)
  res.setHeader('ETag', entry.etag)
  res.setHeader('X-Page-Cache', 'HIT')
  const known = req.headers['if-none-match']
  if (known && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag)) {
    res.status(304).end()
    return
  }
  // Already compressed: the compression middleware leaves a Content-Encoding'd body alone.
  const gzipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  const body = gzipped ? entry.gzip : entry.body
  if (gzipped) res.setHeader('Content-Encoding', 'gzip')
  res.setHeader('Content-Length', body.length)
  res.status(entry.status)
  if (req.method === 'HEAD') res.end()
  else res.end(body)
}

// Headers are complete when the body starts: decide then (Remix appends its headers first).
const HOOKS = Symbol('page-cache-hooks')
type Hooked = Response & { [HOOKS]?: Array<() => void> }

function beforeFirstWrite(res: Response, hook: () => void) {
  const hooked = res as Hooked
  if (!hooked[HOOKS]) {
    hooked[HOOKS] = []
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    res.write = ((...args: unknown[]) => {
      runBeforeFirstWrite(res)
      return write(...args)
    }) as Response['write']
    res.end = ((...args: unknown[]) => {
      runBeforeFirstWrite(res)
      return end(...args)
    }) as Response['end']
  }
  hooked[HOOKS].push(hook)
}

function runBeforeFirstWrite(res: Response) {
  const hooked = res as Hooked
  const hooks = hooked[HOOKS]
  if (!hooks?.length || res.headersSent) return
  hooked[HOOKS] = []
  for (const hook of hooks) hook()
}

import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import helmet from 'helmet'

/** A fresh nonce per response; only scripts carrying it may run (see root.tsx and entry.server.tsx). */
export function assignCspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
}

export function securityHeaders({
  https,
  viteDev,
  extraImageSources = [],
  formTargets = [],
}: {
  /** Served over HTTPS: browsers are told to keep to it (HSTS, upgraded subresources). */
  https: boolean
  viteDev: boolean
  extraImageSources?: string[]
  /** Other origins a form posted here may be redirected to (payment providers' pages). */
  formTargets?: string[]
}) {
  const nonce = (_req: unknown, res: unknown) =>
    `'nonce-${(res as Response).locals.cspNonce as string}'`
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // 'strict-dynamic' lets the nonced module scripts load the route chunks they import.
        'script-src': [nonce, "'strict-dynamic'", "'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', ...extraImageSources],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...(viteDev ? ['ws:'] : [])],
        'form-action': ["'self'", ...formTargets],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 63072000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  })
}

export function permissionsPolicy(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
  next()
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Refuses state-changing requests sent from another site. Remix checks the Origin of document
 * POSTs only; this covers fetcher (.data) requests and resource routes too, and answers 403.
 * Without an Origin the Referer decides; requests with neither Origin, Referer nor
 * Sec-Fetch-Site (curl, server-to-server) are not browser CSRF.
 */
export function sameOriginWrites({ trustProxy }: { trustProxy: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!UNSAFE_METHODS.has(req.method)) return next()
    // A token in the Authorization header is not sent by a browser on its own, so it is no CSRF;
    // the API then ignores cookies altogether (app/http/api/auth.server.ts).
    if (req.path.startsWith('/api/v1/') && req.get('authorization')) return next()
    const origin = req.get('origin')
    const forwardedHost = trustProxy
      ? req.get('x-forwarded-host')?.split(',')[0]?.trim()
      : undefined
    const host = forwardedHost || req.get('host')
    let allowed: boolean
    if (origin && origin !== 'null') {
      allowed = safeHost(origin) === host
    } else {
      // Opaque ("null") origins come from sandboxed frames and privacy redirects: only same-site fetch metadata lets them through.
      const site = req.get('sec-fetch-site')
      allowed =
        origin === 'null' ? site === 'same-origin' : site !== 'cross-site' && site !== 'same-site'
      // Without an Origin (older browsers, some extensions) a Referer still says where the
      // form was: another site's is refused like its Origin would be.
      const referer = req.get('referer')
      if (allowed && !origin && referer) allowed = safeHost(referer) === host
    }
    if (allowed) return next()
    res.status(403).type('text/plain').send('Cross-origin request refused.')
  }
}

function safeHost(url: string) {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE'
const CORS_REQUEST_HEADERS = 'Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key'
const CORS_EXPOSED_HEADERS =
  'ETag, Link, Location, RateLimit, RateLimit-Policy, Retry-After, X-Request-Id, Idempotency-Replayed'

/**
 * CORS for /api/v1: pages on the listed origins may call it with a token (never with this
 * site's cookies: no Allow-Credentials). Off when the list is empty; preflights answer 204.
 */
export function apiCors(origins: readonly string[]) {
  const allowed = new Set(origins)
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin')
    res.vary('Origin')
    if (!origin || !allowed.has(origin)) {
      if (req.method === 'OPTIONS') return res.status(204).end()
      return next()
    }
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS)
    if (req.method !== 'OPTIONS') return next()
    res.setHeader('Access-Control-Allow-Methods', CORS_METHODS)
    res.setHeader('Access-Control-Allow-Headers', CORS_REQUEST_HEADERS)
    res.setHeader('Access-Control-Max-Age', '600')
    res.status(204).end()
  }
}

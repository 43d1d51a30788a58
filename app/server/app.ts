import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import { trace } from '@opentelemetry/api'
import compression from 'compression'
import express from 'express'
import { pinoHttp } from 'pino-http'
import type { ViteDevServer } from 'vite'
import type { Env } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { pageCacheStore } from '~/infra/page-cache/page-cache.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { tracingEnabled } from '~/infra/telemetry/tracing.server.ts'
import { paymentPageOrigins } from '~/services/orders/payments/index.server.ts'
import { API_DOCS_ASSETS, apiDocsAssets } from './api-docs.ts'
import { finalErrorHandler, guardRequestTarget } from './errors.ts'
import { metricsEndpoint, timeRequests } from './metrics.ts'
import { pageCacheLookup, pageCacheServe } from './page-cache.ts'
import { closeConnectionsWhileStopping } from './shutdown.ts'
import {
  apiCors,
  assignCspNonce,
  permissionsPolicy,
  sameOriginWrites,
  securityHeaders,
} from './security.ts'
import { traceServerBuild } from './tracing.ts'

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/

/** The HTTP layer in front of Remix: headers, request ids, logs, static files. */
export async function createApp(env: Env, vite?: ViteDevServer) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)

  // A request id per request (kept from a trusted proxy), echoed back and on every log line.
  // With tracing on it is the trace id, so the id on an error page finds the trace.
  app.use((req, res, next) => {
    const incoming = env.TRUST_PROXY ? req.get('x-request-id') : undefined
    const span = tracingEnabled ? trace.getActiveSpan() : undefined
    const traceId = span?.isRecording() ? span.spanContext().traceId : undefined
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : (traceId ?? randomUUID())
    res.locals.requestId = requestId
    res.setHeader('X-Request-Id', requestId)
    requestContext.run({ requestId, span }, next)
  })
  app.use(
    pinoHttp({
      logger,
      genReqId: (_req, res) => (res as express.Response).locals.requestId as string,
      autoLogging: { ignore: (req) => isQuietPath(req.url ?? '') },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  )

  app.use(closeConnectionsWhileStopping)
  app.use(timeRequests)
  app.use(guardRequestTarget)
  app.get('/metrics', metricsEndpoint({ token: env.METRICS_TOKEN, isProduction: env.isProduction }))
  app.use(compression())
  app.use(assignCspNonce)
  const build = vite
    ? async () =>
        traceServerBuild(
          (await vite.ssrLoadModule('virtual:remix/server-build')) as unknown as ServerBuild,
        )
    : traceServerBuild(
        (await import(
          /* @vite-ignore */ pathToFileURL(path.resolve('build/server/index.js')).href
        )) as ServerBuild,
      )
  // Anonymous pages from the page cache (not under Vite: code changes would not show).
  const pageCache =
    typeof build === 'function' ? null : { store: pageCacheStore, version: build.assets.version }
  if (pageCache) app.use(pageCacheLookup(pageCache.store, pageCache.version))
  // Images served from a CDN or a public bucket come from another origin.
  const imageOrigins =
    env.storage.kind === 's3' && env.storage.publicUrl
      ? [new URL(env.storage.publicUrl).origin]
      : []
  app.use(
    securityHeaders({
      https: env.https,
      viteDev: Boolean(vite),
      extraImageSources: imageOrigins,
      formTargets: paymentPageOrigins(),
    }),
  )
  app.use(permissionsPolicy)
  app.use('/api/v1', apiCors(env.API_CORS_ORIGINS))
  app.use(sameOriginWrites({ trustProxy: env.TRUST_PROXY }))

  app.use(API_DOCS_ASSETS, apiDocsAssets())

  if (vite) {
    app.use(vite.middlewares)
  } else {
    const client = path.resolve('build/client')
    // Vite fingerprints everything under /assets: cache it forever.
    app.use(
      '/assets',
      express.static(path.join(client, 'assets'), {
        immutable: true,
        maxAge: '1y',
        fallthrough: false,
      }),
    )
    app.use(express.static(client, { maxAge: '1h' }))
  }

  if (pageCache) app.use(pageCacheServe(pageCache.store))
  app.all(
    '*',
    createRequestHandler({
      build,
      // Development mode sends error messages and stacks to the browser: only under Vite.
      mode: vite ? 'development' : 'production',
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  )
  app.use(finalErrorHandler)
  return app
}

function isQuietPath(url: string) {
  return (
    url.startsWith('/healthz') ||
    url.startsWith('/metrics') ||
    url.startsWith('/assets/') ||
    url.startsWith('/media/') ||
    url.startsWith('/product-views/') ||
    url.startsWith('/@') ||
    url.startsWith('/node_modules/') ||
    url.startsWith('/app/')
  )
}

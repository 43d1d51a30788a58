import type { NextFunction, Request, Response } from 'express'
// The business metrics register themselves on the registry when first imported.
import '~/infra/business-metrics.server.ts'
import { areaOf, metrics } from '~/infra/metrics.server.ts'

/** Times every response for the http_request_duration_seconds histogram. */
export function timeRequests(req: Request, res: Response, next: NextFunction) {
  const end = metrics.httpDuration.startTimer()
  res.on('finish', () =>
    end({ method: req.method, area: areaOf(req.path), status: String(res.statusCode) }),
  )
  next()
}

/**
 * GET /metrics in Prometheus' text format. With METRICS_TOKEN set it asks for
 * `Authorization: Bearer <token>`; in production it is off unless a token is set.
 */
export function metricsEndpoint({
  token,
  isProduction,
}: {
  token?: string
  isProduction: boolean
}) {
  return async (req: Request, res: Response) => {
    if (!token && isProduction) return void res.status(404).end()
    if (token && req.get('authorization') !== `Bearer ${token}`)
      return void res.status(401).set('WWW-Authenticate', 'Bearer').end()
    res.set('Content-Type', metrics.registry.contentType)
    res.set('Cache-Control', 'no-store')
    res.send(await metrics.registry.metrics())
  }
}

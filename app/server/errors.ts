import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express'
import { logger } from '~/infra/logger.server.ts'
import { escapeHtml } from '~/utils/html.ts'
import { fieldNameForMessage, hasControlCharacters } from '~/utils/text.ts'

// What the HTTP server answers by itself, before Remix or when something below it fails: a
// plain page with the status and the request id, never a stack trace (the details go to the
// log, under the same request id).

const TITLES: Record<number, string> = {
  400: 'That request did not look right',
  403: 'Not allowed',
  404: 'Page not found',
  405: 'Method not allowed',
  413: 'Too large',
  415: 'Unsupported content',
  500: 'Something went wrong',
}

export function sendPlainError(res: Response, status: number, message: string) {
  const requestId = typeof res.locals.requestId === 'string' ? res.locals.requestId : ''
  const title = TITLES[status] ?? (status >= 500 ? TITLES[500]! : TITLES[400]!)
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(
      `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status} · ${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1c1917">
<p style="color:#a8325a;font-weight:600">${status}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Back to the shop</a></p>
${requestId ? `<p style="color:#78716c;font-size:.875rem">Request id: <code>${escapeHtml(requestId)}</code></p>` : ''}
</body>
</html>`,
    )
}

function statusOf(error: unknown) {
  if (typeof error !== 'object' || error === null) return 500
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown }
  const candidate = typeof status === 'number' ? status : statusCode
  return typeof candidate === 'number' && candidate >= 400 && candidate < 600 ? candidate : 500
}

/**
 * The last handler: replaces Express's own, which prints stack traces with absolute paths
 * whenever NODE_ENV is not "production".
 */
export const finalErrorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const status = statusOf(error)
  if (status >= 500) logger.error({ err: error, url: req.originalUrl }, 'Request failed')
  else logger.warn({ err: error, url: req.originalUrl, status }, 'Request refused')
  if (res.headersSent) {
    // Part of the answer is out: all that is left is to cut it short.
    res.destroy()
    return
  }
  const message =
    status >= 500
      ? 'An unexpected error happened on our side. Please try again in a moment.'
      : status === 404
        ? 'We could not find what you were looking for.'
        : 'The address or the request could not be understood.'
  sendPlainError(res, status, message)
}

/**
 * Refuses, with a 400, request targets no page can answer: a path that is not valid
 * percent-encoding or holds control characters, a query parameter that holds them (text with
 * NUL reaching PostgreSQL is a 500), and Remix's pre-single-fetch `?_data=` requests (which
 * Remix 2 with single fetch answers with a RangeError).
 */
export function guardRequestTarget(req: Request, res: Response, next: NextFunction) {
  const target = req.originalUrl
  const queryAt = target.indexOf('?')
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt)
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    return sendPlainError(res, 400, 'The address is not valid.')
  }
  if (hasControlCharacters(path))
    return sendPlainError(res, 400, 'The address holds invisible control characters.')
  if (queryAt !== -1) {
    const params = new URLSearchParams(target.slice(queryAt + 1))
    for (const [name, value] of params) {
      if (hasControlCharacters(name) || hasControlCharacters(value)) {
        return sendPlainError(
          res,
          400,
          `The address could not be accepted: ${fieldNameForMessage(name)} holds invisible control characters (such as U+0000).`,
        )
      }
    }
    if (params.has('_data'))
      return sendPlainError(
        res,
        400,
        'This link asks for data in a form this store no longer answers. Reload the page.',
      )
  }
  next()
}

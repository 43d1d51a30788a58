import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import type { i18n } from 'i18next'
import { I18nextProvider, type ReportNamespaces } from 'react-i18next'
import { getLocale, i18nFor } from '~/i18n/i18n.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { isDatabaseUnavailable } from '~/infra/db.server.ts'
import { htmlStreamWithoutPadding } from '~/infra/html-stream.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { NonceProvider } from '~/utils/nonce.tsx'

export const streamTimeout = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (requestContext.getStore()?.databaseUnavailable) {
    // Rendered again by Remix with this response as the route error: the 503 page, not the 500's.
    if (responseStatusCode === 500) throw new Response(null, { status: 503 })
    unavailableHeaders(responseHeaders)
  }
  // Crawlers get the whole page at once; browsers get the shell as soon as it is ready.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  const nonce = loadContext.cspNonce
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={pageI18n(getLocale(request))}>
        <NonceProvider value={nonce}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={streamTimeout}
            nonce={nonce}
          />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = htmlStreamWithoutPadding()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors after the shell are streamed into the page; log them, they would be lost otherwise.
          if (shellRendered) logger.error({ err: error }, 'Error while streaming a page')
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}

/**
 * The language's i18next instance for one page, noting apart from other pages' the namespaces this
 * page's components use: react-i18next reports each useTranslation's to the instance's
 * `reportNamespaces`, and PageNamespaces writes them into the page. Everything else is the shared
 * instance's (its methods are bound to it); a `cloneInstance` would do the same for half a
 * millisecond a page.
 */
function pageI18n(locale: Locale): i18n {
  const used = new Set<string>()
  const reportNamespaces: ReportNamespaces = {
    addUsedNamespaces: (namespaces) => {
      for (const ns of typeof namespaces === 'string' ? [namespaces] : namespaces) used.add(ns)
    },
    getUsedNamespaces: () => [...used],
  }
  return Object.create(i18nFor(locale), { reportNamespaces: { value: reportNamespaces } })
}

/** Seconds a client is told to wait when the database is away (a restart takes a few). */
export const DATABASE_RETRY_AFTER_SECONDS = 5

function unavailableHeaders(headers: Headers) {
  headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
  headers.set('Cache-Control', 'no-store')
}

/** Data requests (single fetch) of a request whose database was away answer 503 too. */
export function handleDataRequest(response: Response) {
  if (!requestContext.getStore()?.databaseUnavailable || response.status < 500) return response
  const headers = new Headers(response.headers)
  unavailableHeaders(headers)
  return new Response(response.body, { status: 503, headers })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  if (isDatabaseUnavailable(error)) {
    // Not the code's fault: the client hears 503 and Retry-After (handleRequest, handleDataRequest).
    const store = requestContext.getStore()
    if (store) store.databaseUnavailable = true
    logger.warn({ err: error, url: request.url }, 'Database unavailable')
    return
  }
  logger.error({ err: error, url: request.url }, 'Unhandled error in a loader or action')
}

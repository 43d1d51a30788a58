import http from 'node:http'
import https from 'node:https'
import { MeilisearchApiError } from 'meilisearch'

// The meilisearch client's transport, on node:http with keep-alive connections. Node's fetch
// costs about 44 ms per search on these machines (a small-packet TCP interaction) against
// 1-2 ms here; see ENVIRONMENT.md. Its contract: take fetch's arguments, resolve with the
// parsed JSON body, throw MeilisearchApiError for error statuses, and reject with the signal's
// reason when aborted (that is how the client recognises its own timeouts).

export type NodeHttpClient = {
  request: (input: string | URL | Request, init?: RequestInit) => Promise<unknown>
  /** Closes the idle keep-alive connections (at shutdown). */
  close: () => void
}

const MAX_RESPONSE_BYTES = 64 * 1024 * 1024

class StaleSocketError extends Error {}

export function createNodeHttpClient({
  maxSockets = 64,
}: { maxSockets?: number } = {}): NodeHttpClient {
  // Idle connections are dropped after 4 s, before Meilisearch's own keep-alive (5 s) closes them.
  const options = {
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets,
    maxFreeSockets: 16,
    scheduling: 'lifo' as const,
    timeout: 4000,
  }
  const agents = { http: new http.Agent(options), https: new https.Agent(options) }

  function request(input: string | URL | Request, init: RequestInit = {}): Promise<unknown> {
    return send(input, init).catch((error: unknown) => {
      // The server closed a kept-alive connection just as we reused it: the request never
      // arrived, so sending it again on a fresh connection is safe (the pattern Node documents).
      if (error instanceof StaleSocketError) return send(input, init)
      throw error
    })
  }

  function send(input: string | URL | Request, init: RequestInit) {
    const url = new URL(input instanceof Request ? input.url : input)
    const secure = url.protocol === 'https:'
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value
    })
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined
    if (body) headers['content-length'] = String(body.length)
    const signal = init.signal ?? undefined

    return new Promise<unknown>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const req = (secure ? https : http).request(
        url,
        { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http },
        (res) => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > MAX_RESPONSE_BYTES)
              req.destroy(new Error(`Meilisearch response larger than ${MAX_RESPONSE_BYTES} bytes`))
            else chunks.push(chunk)
          })
          res.on('error', (error) => {
            signal?.removeEventListener('abort', onAbort)
            reject(error)
          })
          res.on('end', () => {
            signal?.removeEventListener('abort', onAbort)
            const text = Buffer.concat(chunks).toString('utf8')
            let parsed: unknown
            try {
              parsed = text === '' ? undefined : JSON.parse(text)
            } catch {
              return reject(
                new Error(`Meilisearch answered ${res.statusCode} with a body that is not JSON`),
              )
            }
            const status = res.statusCode ?? 500
            if (status >= 200 && status < 300) return resolve(parsed)
            const response = new Response(null, { status, statusText: res.statusMessage ?? '' })
            reject(
              new MeilisearchApiError(
                response,
                parsed as ConstructorParameters<typeof MeilisearchApiError>[1],
              ),
            )
          })
        },
      )
      const onAbort = () => {
        req.destroy()
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      req.on('error', (error: NodeJS.ErrnoException) => {
        signal?.removeEventListener('abort', onAbort)
        const stale =
          req.reusedSocket &&
          (error.code === 'ECONNRESET' || error.code === 'EPIPE') &&
          !signal?.aborted
        reject(stale ? new StaleSocketError(error.message) : error)
      })
      req.end(body)
    })
  }

  return {
    request,
    close() {
      agents.http.destroy()
      agents.https.destroy()
    },
  }
}

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Meilisearch, MeilisearchApiError } from 'meilisearch'
import { afterEach, describe, expect, test } from 'vitest'
import {
  meilisearchErrorCode,
  SearchUnavailableError,
  toSearchError,
} from '~/infra/search/client.server.ts'
import { createNodeHttpClient } from '~/infra/search/http-client.server.ts'

// The keep-alive transport the meilisearch client runs on, against a small stand-in server.

type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  requestOnSocket: number,
) => void
const servers: http.Server[] = []

async function serve(handler: Handler) {
  const connections: number[] = []
  const server = http.createServer()
  server.on('connection', (socket) => {
    connections.push(0)
    const index = connections.length - 1
    socket.on('data', () => {})
    ;(socket as typeof socket & { index: number }).index = index
  })
  server.on('request', (req, res) => {
    const index = (req.socket as typeof req.socket & { index: number }).index
    connections[index]! += 1
    handler(req, res, connections[index]!)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections }
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  )
})

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

describe('the keep-alive transport', () => {
  test('parses JSON, sends the body and headers, and keeps one connection for many requests', async () => {
    const seen: Array<{ method?: string; auth?: string; body: string }> = []
    const { url, connections } = await serve((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk))
      req.on('end', () => {
        seen.push({ method: req.method, auth: req.headers.authorization, body })
        json(res, 200, { results: [], echo: body.length })
      })
    })
    const transport = createNodeHttpClient()
    const client = new Meilisearch({ host: url, apiKey: 'secret', httpClient: transport.request })
    for (let i = 0; i < 5; i++)
      await client.multiSearch({ queries: [{ indexUid: 'products', q: `tee ${i}` }] })
    transport.close()
    expect(connections).toEqual([5])
    expect(seen[0]).toMatchObject({ method: 'POST', auth: 'Bearer secret' })
    expect(JSON.parse(seen[4]!.body)).toEqual({ queries: [{ indexUid: 'products', q: 'tee 4' }] })
  })

  test("Meilisearch's errors keep their code", async () => {
    const { url } = await serve((_req, res) =>
      json(res, 404, {
        message: 'Index `x` not found.',
        code: 'index_not_found',
        type: 'invalid_request',
        link: '',
      }),
    )
    const transport = createNodeHttpClient()
    const client = new Meilisearch({ host: url, httpClient: transport.request })
    const error = await client.getIndex('x').catch((failure: unknown) => failure)
    transport.close()
    expect(meilisearchErrorCode(error)).toBe('index_not_found')
    // An answer, even an error, is not "unavailable".
    expect(toSearchError(error)).not.toBeInstanceOf(SearchUnavailableError)
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(MeilisearchApiError)
  })

  test('a connection the server dropped while it was idle is replaced without failing the request', async () => {
    // The second request on each connection finds it closed, as when a keep-alive times out.
    const { url, connections } = await serve((req, res, requestOnSocket) => {
      if (requestOnSocket === 2) req.socket.destroy()
      else json(res, 200, { status: 'available' })
    })
    const transport = createNodeHttpClient()
    const client = new Meilisearch({ host: url, httpClient: transport.request })
    await client.health()
    await expect(client.health()).resolves.toEqual({ status: 'available' })
    transport.close()
    expect(connections.length).toBe(2)
  })

  test('an unreachable or silent server is "unavailable", within the timeout', async () => {
    const { url } = await serve(() => {
      // Never answers.
    })
    const transport = createNodeHttpClient()
    const silent = new Meilisearch({ host: url, httpClient: transport.request, timeout: 200 })
    const started = Date.now()
    const timedOut = await silent.health().catch((failure: unknown) => failure)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(toSearchError(timedOut)).toBeInstanceOf(SearchUnavailableError)

    const closed = new Meilisearch({
      host: 'http://127.0.0.1:1',
      httpClient: transport.request,
      timeout: 1000,
    })
    const refused = await closed.health().catch((failure: unknown) => failure)
    expect(toSearchError(refused)).toBeInstanceOf(SearchUnavailableError)
    expect(String((toSearchError(refused) as Error).message)).toMatch(/ECONNREFUSED/)
    transport.close()
  })
})

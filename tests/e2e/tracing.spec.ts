import { spawnSync } from 'node:child_process'
import { startOtlpReceiver } from '../support/otlp-receiver.ts'
import { startExtraApp } from './extra-app.ts'
import { expect, randomClientIp, test } from './fixtures.ts'

// Tracing on the real build, preloaded as `npm start` does, exporting to a local OTLP/HTTP
// receiver: what Jaeger or Tempo would receive.

const SERVER = 2
const CLIENT = 3

test('a page request is one trace: the request span named after its route, the loaders, the database and Meilisearch below it; its id is the request id and on the log lines', async () => {
  const receiver = await startOtlpReceiver()
  const app = await startExtraApp({
    nodeArgs: ['--import', './build/instrument.js'],
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    },
  })
  try {
    const response = await fetch(`${app.baseUrl}/search?q=dress`, {
      headers: { 'X-Forwarded-For': randomClientIp() },
    })
    expect(response.status).toBe(200)
    const traceId = response.headers.get('x-request-id') ?? ''
    expect(traceId).toMatch(/^[0-9a-f]{32}$/)

    await expect
      .poll(() => receiver.spans.some((s) => s.traceId === traceId && s.kind === SERVER))
      .toBe(true)
    const root = receiver.spans.find((s) => s.traceId === traceId && s.kind === SERVER)!
    expect(root.service).toBe('shikposh')
    expect(root.name).toBe('GET /:locale?/search')
    expect(root.attributes['http.route']).toBe('/:locale?/search')
    expect(
      root.attributes['http.response.status_code'] ?? root.attributes['http.status_code'],
    ).toBe(200)

    await expect
      .poll(() => {
        const names = receiver.descendantsOf(root.spanId)
        return {
          loader: names.some((s) => s.name === 'loader routes/($locale).search'),
          rootLoader: names.some((s) => s.name === 'loader root'),
          database: names.some((s) => s.name.startsWith('prisma:')),
          search: names.some(
            (s) =>
              s.kind === CLIENT && String(s.attributes['server.port']) === String(app.meiliPort),
          ),
        }
      })
      .toEqual({ loader: true, rootLoader: true, database: true, search: true })
    expect(receiver.descendantsOf(root.spanId).every((s) => s.traceId === traceId)).toBe(true)

    // Every line logged while answering carries the trace id (and the request id, the same).
    const lines = app
      .output()
      .split('\n')
      .filter((line) => line.includes(traceId))
      .map((line) => JSON.parse(line) as { traceId?: string; requestId?: string })
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.every((line) => line.traceId === traceId && line.requestId === traceId)).toBe(true)
  } finally {
    await app.stop()
    await receiver.close()
  }
})

test('without OTEL_EXPORTER_OTLP_ENDPOINT the preload loads no SDK: the tracer is the no-op one', () => {
  const probe = `import('@opentelemetry/api').then(({ trace }) =>
    console.log(trace.getTracerProvider().getDelegate().constructor.name))`
  const run = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      ['--import', './build/instrument.js', '--input-type=module', '-e', probe],
      {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
        encoding: 'utf8',
      },
    ).stdout.trim()
  expect(run({})).toBe('NoopTracerProvider')
  expect(run({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).not.toBe('NoopTracerProvider')
})

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

// A trace collector as far as an exporter can tell: it takes OTLP/HTTP JSON on /v1/traces (the
// protocol Jaeger, Tempo and the OpenTelemetry Collector speak) and keeps the spans.

export type ReceivedSpan = {
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  kind: number
  attributes: Record<string, string | number | boolean>
  service?: string
}

type AnyValue = {
  stringValue?: string
  intValue?: string | number
  doubleValue?: number
  boolValue?: boolean
}
type KeyValue = { key: string; value: AnyValue }
type ExportRequest = {
  resourceSpans?: Array<{
    resource?: { attributes?: KeyValue[] }
    scopeSpans?: Array<{
      spans?: Array<{
        traceId: string
        spanId: string
        parentSpanId?: string
        name: string
        kind: number
        attributes?: KeyValue[]
      }>
    }>
  }>
}

function valueOf(value: AnyValue) {
  if (value.stringValue !== undefined) return value.stringValue
  if (value.intValue !== undefined) return Number(value.intValue)
  if (value.doubleValue !== undefined) return value.doubleValue
  return value.boolValue ?? ''
}

function attributesOf(list: KeyValue[] = []) {
  return Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]))
}

export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = []
  const contentTypes = new Set<string>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end()
        return
      }
      contentTypes.add(req.headers['content-type'] ?? '')
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportRequest
        for (const resource of body.resourceSpans ?? []) {
          const service = attributesOf(resource.resource?.attributes)['service.name']
          for (const scope of resource.scopeSpans ?? [])
            for (const span of scope.spans ?? [])
              spans.push({
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                kind: span.kind,
                attributes: attributesOf(span.attributes),
                service: typeof service === 'string' ? service : undefined,
              })
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      } catch {
        res.writeHead(400).end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    contentTypes,
    /** The spans of one trace whose ancestors include the span `rootId`. */
    descendantsOf(rootId: string) {
      const found: ReceivedSpan[] = []
      let frontier = [rootId]
      while (frontier.length) {
        const children = spans.filter((s) => s.parentSpanId && frontier.includes(s.parentSpanId))
        found.push(...children)
        frontier = children.map((s) => s.spanId)
      }
      return found
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

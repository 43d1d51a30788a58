import {
  SpanStatusCode,
  trace,
  type Attributes,
  type ProxyTracerProvider,
  type Span,
} from '@opentelemetry/api'
import { tracingConfigured } from './config.ts'

// The app's own spans (loaders and actions, mail, jobs) and the trace ids the logs and error
// pages show. Without an exporter the API's tracer is a no-op and these cost next to nothing.

const tracer = trace.getTracer('shikposh')

export const tracingEnabled = tracingConfigured()

/** Runs `fn` in a span named `name`; an error thrown marks the span and passes through. */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled) return fn(trace.wrapSpanContext({ traceId: '', spanId: '', traceFlags: 0 }))
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span)
    } catch (error) {
      // A thrown Response is Remix's control flow (redirects, 404s), not a failure.
      if (!(error instanceof Response)) {
        span.recordException(error instanceof Error ? error : String(error))
        span.setStatus({ code: SpanStatusCode.ERROR })
      }
      throw error
    } finally {
      span.end()
    }
  })
}

/** The active span's trace and span ids, for log lines; empty when nothing is being traced. */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  if (!tracingEnabled) return undefined
  const context = trace.getActiveSpan()?.spanContext()
  if (!context || !trace.isSpanContextValid(context)) return undefined
  return { traceId: context.traceId, spanId: context.spanId }
}

/** Sends the spans still buffered (before the process exits). */
export async function flushTracing() {
  if (!tracingEnabled) return
  const provider = (trace.getTracerProvider() as ProxyTracerProvider).getDelegate()
  if ('forceFlush' in provider && typeof provider.forceFlush === 'function')
    await (provider.forceFlush as () => Promise<void>)()
}

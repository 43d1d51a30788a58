import { register } from 'node:module'

// The OpenTelemetry Node SDK with the instrumentations the store needs. The exporter, sampler
// and resource come from OpenTelemetry's standard variables (OTEL_EXPORTER_OTLP_ENDPOINT,
// OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_TRACES_SAMPLER, OTEL_SERVICE_NAME, ...).
// Its packages are imported inside startTracing: the server's bundle hoists static imports of
// packages to its top, and a store without a collector must not load them.

/** Paths whose requests are not worth a trace: probes, metrics scrapes and static files. */
const UNTRACED = /^\/(healthz|readyz|metrics|assets\/|media\/|favicon|fonts\/)/

export async function startTracing() {
  process.env.OTEL_SERVICE_NAME ??= 'shikposh'
  // Prometheus has the metrics and the JSON logs carry the trace ids: traces only over OTLP.
  process.env.OTEL_METRICS_EXPORTER ??= 'none'
  process.env.OTEL_LOGS_EXPORTER ??= 'none'

  // ES modules are patched through import-in-the-middle, told only about the modules that the
  // instrumentations below ask for (the others are left alone).
  const { createAddHookMessageChannel } = await import('import-in-the-middle')
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel()
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions)

  const [{ NodeSDK }, http, undici, ioredis, aws, prisma] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-undici'),
    import('@opentelemetry/instrumentation-ioredis'),
    import('@opentelemetry/instrumentation-aws-sdk'),
    import('@prisma/instrumentation'),
  ])
  const sdk = new NodeSDK({
    instrumentations: [
      new http.HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED.test(request.url ?? ''),
      }),
      new undici.UndiciInstrumentation(),
      new ioredis.IORedisInstrumentation(),
      new aws.AwsInstrumentation(),
      new prisma.PrismaInstrumentation(),
    ],
  })
  sdk.start()
  await waitForAllMessagesAcknowledged()
}

// Whether traces are exported: only with an OTLP endpoint (OpenTelemetry's own variables), so a
// store without a collector loads no SDK and pays nothing. Shared by the preload and the app.
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env) {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
}

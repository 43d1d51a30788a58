import { existsSync } from 'node:fs'
import { tracingConfigured } from './config.ts'

// Loaded before the app with `node --import` (npm start, npm run dev, the worker): OpenTelemetry
// must patch node:http, ioredis and the AWS SDK before anything imports them, and the server's
// bundle imports its packages first thing. Without OTEL_EXPORTER_OTLP_ENDPOINT it does nothing.

if (existsSync('.env')) process.loadEnvFile('.env')
if (tracingConfigured()) {
  const { startTracing } = await import('./sdk.server.ts')
  await startTracing()
}

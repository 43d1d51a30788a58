import { pino, type Logger } from 'pino'
import { getEnv } from './env.server.ts'
import { currentRequestId } from './request-context.server.ts'
import { singleton } from './singleton.server.ts'
import { currentTraceIds } from './telemetry/tracing.server.ts'

// Structured JSON logs; every line written while handling a request carries its request id, and
// with tracing on every line written inside a span its trace and span ids.
export const logger: Logger = singleton('logger', () => {
  const env = getEnv()
  return pino({
    level: env.NODE_ENV === 'test' ? (process.env.LOG_LEVEL ?? 'silent') : env.LOG_LEVEL,
    base: { service: 'shikposh' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
      ],
      censor: '[redacted]',
    },
    mixin() {
      const requestId = currentRequestId()
      const ids = currentTraceIds()
      return { ...(requestId ? { requestId } : {}), ...ids }
    },
  })
})

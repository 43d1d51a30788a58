import { createHash } from 'node:crypto'

// The end-to-end run's own database, port and Redis key space, derived from this checkout's
// path so two checkouts can run their suites side by side.
const checkout = createHash('sha256').update(process.cwd()).digest()

export const E2E_PORT = Number(process.env.E2E_PORT ?? 41000 + (checkout.readUInt16BE(0) % 8000))
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`
/** The app under test starts its own embedded Meilisearch here (fresh data each run). */
export const E2E_MEILI_PORT = Number(
  process.env.E2E_MEILI_PORT ?? 31000 + (checkout.readUInt16BE(2) % 8000),
)
export const E2E_DATABASE = `shikposh_e2e_${checkout.toString('hex').slice(0, 8)}`
export const E2E_REDIS_PREFIX = `shikposh-e2e:${checkout.toString('hex').slice(0, 8)}:`

import { createHash } from 'node:crypto'

// The end-to-end run's own database, port and Redis key space, derived from this checkout's
// path so two checkouts can run their suites side by side.
const checkout = createHash('sha256').update(process.cwd()).digest()

export const E2E_PORT = Number(process.env.E2E_PORT ?? 41000 + (checkout.readUInt16BE(0) % 8000))
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`
export const E2E_DATABASE = `shikposh_e2e_${checkout.toString('hex').slice(0, 8)}`
export const E2E_REDIS_PREFIX = `shikposh-e2e:${checkout.toString('hex').slice(0, 8)}:`

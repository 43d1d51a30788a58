import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// Each end-to-end app has its own database, port, Meilisearch and Redis key space, derived from
// this checkout's path (so two checkouts can run their suites side by side) and from its slot:
// Playwright runs one app per parallel worker, and a worker talks to the app of its own slot.
const checkout = createHash('sha256').update(process.cwd()).digest()

/** How many apps (and Playwright workers) a run uses: one per core in CI, one otherwise. */
export const E2E_WORKERS = Number(process.env.E2E_WORKERS ?? (process.env.CI ? 2 : 1))

/**
 * The first app's port (`E2E_PORT` to choose it); the next apps take the ports after it. All of
 * them stay below Linux's ephemeral range (32768 and up), where an outgoing connection of the
 * machine's may hold the port (a CI run once lost its Meilisearch to one).
 */
const firstPort = Number(process.env.E2E_PORT || 20000 + (checkout.readUInt16BE(0) % 6000))
const firstMeiliPort = 27100 + (checkout.readUInt16BE(2) % 5000)

export function e2eApp(slot: number) {
  const port = firstPort + slot
  const id = `${checkout.toString('hex').slice(0, 8)}${slot ? `_${slot}` : ''}`
  return {
    port,
    baseUrl: `http://localhost:${port}`,
    /**
     * A twin of the app on the same database and search index, configured as an Iranian store:
     * prices in rials shown in Toman, Persian by default, Tehran time. For the Persian journey.
     */
    rialPort: port + 500,
    rialBaseUrl: `http://localhost:${port + 500}`,
    /** The local stand-in of Stripe's API and hosted Checkout page the app pays cards through. */
    stripePort: port + 1000,
    stripeUrl: `http://127.0.0.1:${port + 1000}`,
    /** The app under test starts its own embedded Meilisearch here (fresh data each run). */
    meiliPort: firstMeiliPort + slot,
    database: `shikposh_e2e_${id}`,
    redisPrefix: `shikposh-e2e:${id}:`,
  }
}

// The server script is told its slot; a test worker knows its own from Playwright.
const slot = Number(process.env.E2E_SLOT ?? process.env.TEST_PARALLEL_INDEX ?? 0)
const app = e2eApp(slot)

export const E2E_PORT = app.port
export const E2E_BASE_URL = app.baseUrl
export const E2E_RIAL_PORT = app.rialPort
export const E2E_RIAL_BASE_URL = app.rialBaseUrl
export const E2E_STRIPE_PORT = app.stripePort
export const E2E_STRIPE_URL = app.stripeUrl
export const E2E_MEILI_PORT = app.meiliPort
export const E2E_DATABASE = app.database
export const E2E_REDIS_PREFIX = app.redisPrefix

/**
 * The app's DATA_DIR: in memory where the machine has it (Meilisearch fsyncs every write). One
 * per app, like the database: emptied at the start (a killed run cannot clean up) and removed at
 * the end. Its `mail/` folder holds the emails the app sent (no SMTP_URL: one .eml file each).
 */
export const E2E_DATA_DIR = path.join(
  existsSync('/dev/shm') ? '/dev/shm' : tmpdir(),
  `shikposh-e2e-${E2E_DATABASE.slice('shikposh_e2e_'.length)}`,
)

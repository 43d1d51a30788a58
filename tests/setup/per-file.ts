import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { format } from 'node:util'
import { afterAll, afterEach, beforeEach, inject, vi } from 'vitest'
import { createTestDatabase } from './databases.ts'

// Runs before each test file, before it imports the app: its own database, Redis key space and
// Meilisearch index prefix.
const database = await createTestDatabase(`w${process.env.VITEST_POOL_ID ?? '0'}`)
process.env.NODE_ENV = 'test'
// bcrypt at its lowest cost: the same checks, without a quarter second per password.
process.env.PASSWORD_HASH_COST = '4'
process.env.DATABASE_URL = database.url
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
process.env.REDIS_PREFIX = `shikposh-test:${randomBytes(6).toString('hex')}:`
process.env.DATA_DIR = path.join(tmpdir(), `shikposh-test-${randomBytes(6).toString('hex')}`)
process.env.MEILI_HOST = inject('meiliHost')
process.env.MEILI_MASTER_KEY = inject('meiliKey')
process.env.MEILI_INDEX_PREFIX = `t${randomBytes(5).toString('hex')}_`

// An unexpected console.error fails the test; a test that expects one clears the spy.
let consoleError: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  const calls = consoleError.mock.calls
  consoleError.mockRestore()
  if (calls.length)
    throw new Error(`console.error was called:\n${calls.map((args) => format(...args)).join('\n')}`)
})

afterAll(async () => {
  await deleteTestIndexes()
  const { prisma } = await import('../../app/infra/db.server.ts')
  const { redis } = await import('../../app/infra/redis.server.ts')
  await prisma.$disconnect()
  if (redis) {
    const keys = await redis.keys(`${process.env.REDIS_PREFIX}*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  }
  // The database stays until the run's end (tests/setup/global-setup.ts drops them all).
  await rm(process.env.DATA_DIR!, { recursive: true, force: true })
})

/** Deletes this file's indexes (a file may have pointed MEILI_HOST at its own server: then it cleans up). */
async function deleteTestIndexes() {
  const prefix = process.env.MEILI_INDEX_PREFIX!
  const { Meilisearch } = await import('meilisearch')
  const client = new Meilisearch({ host: inject('meiliHost'), apiKey: inject('meiliKey') })
  const { results } = await client.getIndexes({ limit: 1000 })
  const tasks = await Promise.all(
    results
      .filter((index) => index.uid.startsWith(prefix))
      .map((index) => client.deleteIndex(index.uid)),
  )
  if (tasks.length) await client.tasks.waitForTasks(tasks, { timeout: 30_000 })
}

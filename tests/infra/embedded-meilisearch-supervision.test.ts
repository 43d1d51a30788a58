import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test, vi } from 'vitest'
import { checkReadiness } from '~/infra/health.server.ts'

// The embedded Meilisearch is supervised: killed, it comes back by itself, and so does /readyz.
// The app's search client points at it (set before the app's modules read the configuration).
const embedded = await vi.hoisted(async () => {
  const { mkdtemp: makeDir } = await import('node:fs/promises')
  const { existsSync: exists } = await import('node:fs')
  const { tmpdir: tmp } = await import('node:os')
  const { join } = await import('node:path')
  const { freePort } = await import('~/utils/free-port.server.ts')
  const { startEmbeddedMeilisearch } = await import('~/infra/embedded/meilisearch.server.ts')
  const dataDir = await makeDir(join(exists('/dev/shm') ? '/dev/shm' : tmp(), 'shikposh-sup-'))
  const warnings: string[] = []
  const instance = await startEmbeddedMeilisearch({
    dataDir,
    port: await freePort(),
    log: () => {},
    warn: (message) => warnings.push(message),
  })
  process.env.MEILI_HOST = instance.host
  process.env.MEILI_MASTER_KEY = instance.masterKey
  process.env.MEILI_TIMEOUT_MS = '1000'
  return { instance, dataDir, warnings }
})

afterAll(async () => {
  await embedded.instance.stop()
  await rm(embedded.dataDir, { recursive: true, force: true })
})

const searchReady = async () =>
  (await checkReadiness()).checks.find((check) => check.name === 'search')?.ok

test('a killed embedded Meilisearch is restarted, and /readyz recovers without a restart of the app', async () => {
  expect(await searchReady()).toBe(true)
  for (let round = 1; round <= 2; round++) {
    const before = embedded.instance.pid
    process.kill(before!, 'SIGKILL')
    await expect.poll(searchReady, { timeout: 10_000 }).toBe(false)
    await expect.poll(searchReady, { timeout: 30_000, interval: 200 }).toBe(true)
    expect(embedded.instance.pid).not.toBe(before)
  }
  expect(embedded.warnings.filter((line) => /exited .*restarting/.test(line))).toHaveLength(2)
}, 90_000)

test('stop() stops it for good: no restart after it', async () => {
  const dataDir = await mkdtemp(
    path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'shikposh-sup-'),
  )
  const { freePort } = await import('~/utils/free-port.server.ts')
  const { startEmbeddedMeilisearch, isMeilisearchUp } =
    await import('~/infra/embedded/meilisearch.server.ts')
  const instance = await startEmbeddedMeilisearch({
    dataDir,
    port: await freePort(),
    log: () => {},
  })
  try {
    await instance.stop()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await isMeilisearchUp(instance.host)).toBe(false)
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}, 60_000)

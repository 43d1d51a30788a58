import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { isMeilisearchUp } from '~/infra/embedded/meilisearch.server.ts'
import { freePort } from '~/utils/free-port.server.ts'

test('a process stopped with SIGTERM takes its embedded Meilisearch with it', async () => {
  const dataDir = await mkdtemp(
    path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'shikposh-embedded-'),
  )
  const port = await freePort()
  const host = `http://127.0.0.1:${port}`
  const script = path.resolve('tests/support/embedded-meilisearch-process.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    child.stdout.setEncoding('utf8')
    let output = ''
    for await (const chunk of child.stdout) {
      output += String(chunk)
      if (output.includes('ready')) break
    }
    expect(await isMeilisearchUp(host)).toBe(true)

    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await exited
    // The signal reaches our process alone, as from a process manager: nothing may keep the port.
    await expect.poll(() => isMeilisearchUp(host), { timeout: 10_000 }).toBe(false)
  } finally {
    child.kill('SIGKILL')
    await rm(dataDir, { recursive: true, force: true })
  }
}, 60_000)

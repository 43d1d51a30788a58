import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  spawnMeilisearch,
  stopMeilisearch,
  waitForMeilisearch,
} from '../../app/infra/embedded/meilisearch.server.ts'
import { freePort } from '~/utils/free-port.server.ts'

// A real Meilisearch for tests, from the same npm-packaged binary as the embedded default, on a
// free port with its own data directory and key. Tests that take it down (the search
// convergence test) start their own.

export type TestMeilisearch = {
  host: string
  masterKey: string
  /** Kills the process at once (SIGKILL by default), as a crash would. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Freezes the process (SIGSTOP): connections open but nothing answers. */
  pause(): void
  resume(): void
  /** Starts it again on the same port and data. */
  restart(): Promise<void>
  /** Stops it and deletes its data. */
  dispose(): Promise<void>
}

export async function startTestMeilisearch(): Promise<TestMeilisearch> {
  // In memory where the machine has it: every Meilisearch write ends in an fsync.
  const dataDir = await mkdtemp(
    path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'shikposh-meili-'),
  )
  const port = await freePort()
  const masterKey = randomBytes(24).toString('hex')
  const host = `http://127.0.0.1:${port}`
  const dbPath = path.join(dataDir, 'data.ms')
  const log = (line: string) => console.warn(line)
  let child: ChildProcess = spawnMeilisearch({ dbPath, port, masterKey, log })
  await waitForMeilisearch(host, child)

  return {
    host,
    masterKey,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill(signal)
      await exited
    },
    pause() {
      child.kill('SIGSTOP')
    },
    resume() {
      child.kill('SIGCONT')
    },
    async restart() {
      child = spawnMeilisearch({ dbPath, port, masterKey, log })
      await waitForMeilisearch(host, child)
    },
    async dispose() {
      await stopMeilisearch(child)
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

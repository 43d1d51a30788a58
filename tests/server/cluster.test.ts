import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterEach, expect, test } from 'vitest'
import { freePort } from '~/utils/free-port.server.ts'

// The supervisor of a deployment's web processes (app/server/cluster.ts), with real processes on
// one shared port: each gets its index and the heap limit, a process that dies is replaced under
// the same index, and SIGTERM ends them all and then the supervisor.

type Answer = { pid: number; index: number; heapLimitMb: number }

const started: Array<ReturnType<typeof spawn>> = []
afterEach(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL')
})

async function answers(port: number, count: number) {
  const seen: Answer[] = []
  for (let attempt = 0; seen.length < count && attempt < 400; attempt++) {
    const answer = await fetch(`http://127.0.0.1:${port}/`, {
      signal: AbortSignal.timeout(2_000),
    }).then(
      (response) => response.json() as Promise<Answer>,
      () => null,
    )
    if (answer) seen.push(answer)
    else await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return seen
}

/** The processes that answer, by index, once every index has answered. */
async function processesByIndex(port: number, count: number) {
  const byIndex = new Map<number, Answer>()
  for (let round = 0; byIndex.size < count && round < 20; round++)
    for (const answer of await answers(port, count * 4)) byIndex.set(answer.index, answer)
  return byIndex
}

test('two web processes share the port, each with its index and the heap limit; a dead one is replaced; SIGTERM ends them all', async () => {
  const port = await freePort()
  const supervisor = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/server/fixtures/cluster-app.ts'],
    {
      env: { ...process.env, PORT: String(port), TEST_PROCESSES: '2', TEST_HEAP_MB: '128' },
      stdio: 'ignore',
    },
  )
  started.push(supervisor)

  const first = await processesByIndex(port, 2)
  expect([...first.keys()].sort()).toEqual([0, 1])
  for (const answer of first.values()) {
    expect(answer.pid).not.toBe(supervisor.pid)
    // V8 adds its young generation to the old space's limit.
    expect(answer.heapLimitMb).toBeGreaterThanOrEqual(128)
    expect(answer.heapLimitMb).toBeLessThan(256)
  }

  // A crash: the same index comes back in a new process.
  const crashed = first.get(1)!
  process.kill(crashed.pid, 'SIGKILL')
  let replaced: Answer | undefined
  for (let round = 0; !replaced && round < 40; round++) {
    const answer = (await processesByIndex(port, 2)).get(1)
    if (answer && answer.pid !== crashed.pid) replaced = answer
    else await new Promise((resolve) => setTimeout(resolve, 500))
  }
  expect(replaced?.index).toBe(1)
  expect((await processesByIndex(port, 2)).get(0)?.pid).toBe(first.get(0)!.pid)

  const exit = once(supervisor, 'exit')
  supervisor.kill('SIGTERM')
  const [code] = await exit
  expect(code).toBe(0)
  for (const pid of [first.get(0)!.pid, replaced!.pid])
    expect(() => process.kill(pid, 0), `process ${pid} is gone`).toThrow()
}, 60_000)

import { afterEach, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { enqueueJobs, listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs, startJobWorker } from '~/infra/jobs/worker.server.ts'

const makeDue = (task: string) =>
  prisma.$executeRaw`
    UPDATE graphile_worker._private_jobs SET run_at = now()
    WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = ${task})`

const stops: Array<() => Promise<void>> = []
afterEach(async () => {
  while (stops.length) await stops.pop()!()
})

describe('job queue', () => {
  test('jobs exist only if the transaction that queued them commits', async () => {
    await prisma.$transaction((tx) =>
      enqueueJobs(
        tx,
        { task: 't.commit', payload: { n: 1 } },
        { task: 't.commit', payload: { n: 2 } },
      ),
    )
    await prisma
      .$transaction(async (tx) => {
        await enqueueJobs(tx, { task: 't.commit', payload: { n: 3 } })
        throw new Error('the change failed')
      })
      .catch(() => {})
    expect((await listQueuedJobs('t.commit')).map((job) => job.payload)).toEqual([
      { n: 1 },
      { n: 2 },
    ])
  })

  test('a failed job is retried with backoff, and done jobs disappear', async () => {
    await prisma.$transaction((tx) => enqueueJobs(tx, { task: 't.fail', payload: { id: 'x' } }))
    let fail = true
    const seen: unknown[] = []
    const tasks = {
      't.fail': async (payload: unknown) => {
        seen.push(payload)
        if (fail) throw new Error('search is down')
      },
    }
    await runDueJobs(tasks)
    const [failed] = await listQueuedJobs('t.fail')
    expect(failed).toMatchObject({ attempts: 1, lastError: 'search is down' })
    expect(failed!.runAt.getTime()).toBeGreaterThan(Date.now())

    // Not due yet: nothing runs.
    await runDueJobs(tasks)
    expect(seen).toHaveLength(1)

    await makeDue('t.fail')
    fail = false
    await runDueJobs(tasks)
    expect(seen).toEqual([{ id: 'x' }, { id: 'x' }])
    expect(await listQueuedJobs('t.fail')).toEqual([])
  })

  test('after its last attempt a job stays, failed for good, and is not run again', async () => {
    await prisma.$transaction((tx) =>
      enqueueJobs(tx, { task: 't.dead', payload: {}, maxAttempts: 2 }),
    )
    let runs = 0
    const tasks = {
      't.dead': async () => {
        runs++
        throw new Error(`attempt ${runs}`)
      },
    }
    for (let round = 0; round < 3; round++) {
      await makeDue('t.dead')
      await runDueJobs(tasks)
    }
    expect(runs).toBe(2)
    const [dead] = await listQueuedJobs('t.dead')
    expect(dead).toMatchObject({ attempts: 2, maxAttempts: 2, lastError: 'attempt 2' })
  })

  test('a job key keeps one waiting job, moved or not by a second add', async () => {
    const at = new Date(Date.now() + 60 * 60_000)
    const later = new Date(at.getTime() + 60_000)
    await prisma.$transaction((tx) =>
      enqueueJobs(
        tx,
        { task: 't.key', payload: { n: 1 }, runAt: at, jobKey: 'k', preserveRunAt: true },
        { task: 't.key', payload: { n: 2 }, runAt: later, jobKey: 'k', preserveRunAt: true },
      ),
    )
    const jobs = await listQueuedJobs('t.key')
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.runAt.getTime()).toBe(at.getTime())
  })

  test('two workers run each job once, and a new job wakes an idle worker without polling', async () => {
    const seen: number[] = []
    const tasks = {
      't.many': async (payload: unknown) => {
        seen.push((payload as { n: number }).n)
        await new Promise((resolve) => setTimeout(resolve, 5))
      },
    }
    // A poll interval far longer than the test: only NOTIFY can wake them.
    for (let worker = 0; worker < 2; worker++)
      stops.push(await startJobWorker({ tasks, concurrency: 2, pollIntervalMs: 10 * 60_000 }))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await prisma.$transaction((tx) =>
      enqueueJobs(
        tx,
        ...Array.from({ length: 40 }, (_, n) => ({ task: 't.many', payload: { n } })),
      ),
    )
    await expect
      .poll(async () => (await listQueuedJobs('t.many')).length, { timeout: 10_000 })
      .toBe(0)
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n))
  })
})

import { describe, expect, test } from 'vitest'
import { prisma, type OutboxEvent } from '~/infra/db.server.ts'
import { enqueue } from '~/infra/outbox/outbox.server.ts'
import {
  backoffMs,
  processBatch,
  startOutboxWorker,
  type OutboxHandler,
} from '~/infra/outbox/worker.server.ts'

const rows = (topic: string) =>
  prisma.outboxEvent.findMany({ where: { topic }, orderBy: { id: 'asc' } })

describe('outbox', () => {
  test('events exist only if the transaction that wrote them commits', async () => {
    await prisma.$transaction((tx) =>
      enqueue(
        tx,
        { topic: 't.commit', key: 'a' },
        { topic: 't.commit', key: 'b', payload: { n: 1 } },
      ),
    )
    await prisma
      .$transaction(async (tx) => {
        await enqueue(tx, { topic: 't.commit', key: 'c' })
        throw new Error('the change failed')
      })
      .catch(() => {})
    expect((await rows('t.commit')).map((row) => [row.key, row.payload])).toEqual([
      ['a', {}],
      ['b', { n: 1 }],
    ])
  })

  test('marks events processed only when the handler succeeds, and backs off on failure', async () => {
    await prisma.$transaction((tx) => enqueue(tx, { topic: 't.fail', key: 'x' }))
    let fail = true
    const handler: OutboxHandler = {
      topic: 't.fail',
      async handle() {
        if (fail) throw new Error('search is down')
      },
    }
    expect(await processBatch(handler)).toBe(1)
    const [failed] = await rows('t.fail')
    expect(failed).toMatchObject({ processedAt: null, attempts: 1, lastError: 'search is down' })
    expect(failed!.availableAt.getTime()).toBeGreaterThan(Date.now())

    // Not due yet: nothing to take.
    expect(await processBatch(handler)).toBe(0)
    await prisma.outboxEvent.update({
      where: { id: failed!.id },
      data: { availableAt: new Date(Date.now() - 1) },
    })
    fail = false
    expect(await processBatch(handler)).toBe(1)
    const [done] = await rows('t.fail')
    expect(done!.processedAt).toBeInstanceOf(Date)
    expect(done!.attempts).toBe(1)
  })

  test('a handler can fail single events and have the rest marked done', async () => {
    await prisma.$transaction((tx) =>
      enqueue(tx, ...['ok-1', 'bad', 'ok-2'].map((key) => ({ topic: 't.partial', key }))),
    )
    await processBatch({
      topic: 't.partial',
      async handle(events) {
        return {
          failed: new Map(
            events
              .filter((event) => event.key === 'bad')
              .map((event) => [event.id, new Error('rejected')]),
          ),
        }
      },
    })
    const result = await rows('t.partial')
    expect(result.map((row) => [row.key, row.processedAt !== null, row.attempts])).toEqual([
      ['ok-1', true, 0],
      ['bad', false, 1],
      ['ok-2', true, 0],
    ])
  })

  test('events scheduled for later wait for their time', async () => {
    await prisma.$transaction((tx) =>
      enqueue(tx, { topic: 't.later', key: 'k', availableAt: new Date(Date.now() + 60_000) }),
    )
    const seen: string[] = []
    expect(
      await processBatch({
        topic: 't.later',
        handle: async (events) => void seen.push(...events.map((e) => e.key)),
      }),
    ).toBe(0)
    expect(seen).toEqual([])
  })

  test('concurrent workers never take the same event, and every event is handled once', async () => {
    const count = 300
    await prisma.$transaction((tx) =>
      enqueue(
        tx,
        ...Array.from({ length: count }, (_, i) => ({ topic: 't.race', key: String(i) })),
      ),
    )
    const handled: string[] = []
    const handler: OutboxHandler = {
      topic: 't.race',
      batchSize: 25,
      async handle(events: OutboxEvent[]) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        handled.push(...events.map((event) => event.key))
      },
    }
    const stops = [1, 2, 3].map(() => startOutboxWorker({ handlers: [handler], idleDelayMs: 20 }))
    for (
      let i = 0;
      i < 200 &&
      (await prisma.outboxEvent.count({ where: { topic: 't.race', processedAt: null } })) > 0;
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await Promise.all(stops.map((stop) => stop()))
    expect(handled).toHaveLength(count)
    expect(new Set(handled).size).toBe(count)
    expect(await prisma.outboxEvent.count({ where: { topic: 't.race', processedAt: null } })).toBe(
      0,
    )
  })

  test('no transaction or row lock is held while the handler calls another service', async () => {
    await prisma.$transaction((tx) =>
      enqueue(tx, ...['a', 'b'].map((key) => ({ topic: 't.lease', key }))),
    )
    const lockable: boolean[] = []
    await processBatch({
      topic: 't.lease',
      async handle(events) {
        // What another session could do while Meilisearch or SMTP answers: lock the same rows.
        const ids = events.map((event) => event.id)
        const locked = await prisma.$transaction(
          (tx) =>
            tx.$queryRaw<unknown[]>`
              SELECT "id" FROM "OutboxEvent" WHERE "id" = ANY(${ids}) FOR UPDATE NOWAIT`,
        )
        lockable.push(locked.length === events.length)
      },
    })
    expect(lockable).toEqual([true])
    expect((await rows('t.lease')).every((row) => row.processedAt !== null)).toBe(true)
  })

  test('a batch is leased: no other worker takes it until the lease runs out', async () => {
    await prisma.$transaction((tx) => enqueue(tx, { topic: 't.expire', key: 'slow' }))
    const takenBy: string[] = []
    let release!: () => void
    const stuck = processBatch(
      {
        topic: 't.expire',
        handle: async () => {
          takenBy.push('first')
          await new Promise<void>((resolve) => (release = resolve))
        },
      },
      300,
    )
    const second: OutboxHandler = {
      topic: 't.expire',
      handle: async () => void takenBy.push('second'),
    }
    await expect.poll(() => takenBy).toEqual(['first'])
    expect(await processBatch(second)).toBe(0)
    // A worker that stopped mid-batch gives its events back when the lease runs out.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await processBatch(second)).toBe(1)
    release()
    await stuck
    expect(takenBy).toEqual(['first', 'second'])
  })

  test('backoff grows exponentially and is capped', () => {
    expect(backoffMs(1)).toBeGreaterThanOrEqual(750)
    expect(backoffMs(1)).toBeLessThanOrEqual(1250)
    expect(backoffMs(4)).toBeGreaterThanOrEqual(6000)
    expect(backoffMs(40)).toBeLessThanOrEqual(375_000)
  })
})

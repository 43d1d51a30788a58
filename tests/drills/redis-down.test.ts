import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { pageCacheStore, tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { consumeOrWait, createLimiter } from '~/infra/rate-limit.server.ts'
import { REDIS_COMMAND_TIMEOUT_MS, redis } from '~/infra/redis.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { notify } from '~/services/notifications/notify.server.ts'
import { notificationStream } from '~/services/notifications/stream.server.ts'
import { pageCacheLookup, pageCacheServe, pageCacheWrites } from '../../app/server/page-cache.ts'
import { createUser } from '../support/fixtures.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'

// Fault drill: Redis goes away and comes back (a Redis of this test's own, stopped and started
// on the same port; it comes back empty). What uses Redis must degrade as docs/operations.md
// says and recover by itself, without a restart of the app:
// - rate limits fail safe: they keep limiting, per process, in memory;
// - the page cache is skipped: every page is rendered, none is lost or wrong;
// - live notifications pause: the rows are stored, the push waits (its job retries) and arrives
//   once Redis is back, and a page that connects meanwhile catches up then.
// The figures are printed.
const server = await vi.hoisted(async () => {
  const { startRedisServer } = await import('../support/redis-server.ts')
  const started = await startRedisServer()
  process.env.REDIS_URL = started.url
  return started
})

const figures: Record<string, string> = {}
const ms = (start: number) => Math.round(performance.now() - start)
const sleep = (time: number) => new Promise((resolve) => setTimeout(resolve, time))

let renders = 0
const app = express()
app.use((_req, _res, next) => requestContext.run({ requestId: 'drill' }, next))
app.use(pageCacheLookup(pageCacheStore, 'drill-build'))
app.use(pageCacheServe(pageCacheStore))
app.get('/p/:slug', (req, res) => {
  renders++
  tagPage(`product:${req.params.slug}`)
  res.type('html').send(`<main>${req.params.slug}</main>`)
})
const http = app.listen(0)
const page = async (slug: string) => {
  const start = performance.now()
  const response = await fetch(
    `http://127.0.0.1:${(http.address() as AddressInfo).port}/p/${slug}`,
    { headers: { accept: 'text/html' } },
  )
  const body = await response.text()
  const took = ms(start)
  await pageCacheWrites()
  return { status: response.status, cache: response.headers.get('x-page-cache'), body, ms: took }
}

/** A live notification stream read as EventSource reads it. */
function openStream(userId: string, after = 0n) {
  const abort = new AbortController()
  const reader = notificationStream({ userId, after, signal: abort.signal }).getReader()
  const decoder = new TextDecoder()
  const ids: string[] = []
  let buffer = ''
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader
        .read()
        .catch(() => ({ value: undefined, done: true as const }))
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const id = /^id: (\d+)$/m.exec(buffer.slice(0, end))?.[1]
        if (id) ids.push(id)
        buffer = buffer.slice(end + 2)
      }
    }
  })()
  return {
    ids,
    close: async () => {
      abort.abort()
      await pump
    },
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, step = 50) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) return false
    await sleep(step)
  }
  return true
}

async function newNotification(userId: string) {
  const row = await prisma.$transaction((tx) =>
    notify(tx, { userId, kind: 'NEW_ORDER', data: { orderNumber: 'SP-DRILL', itemCount: 1 } }),
  )
  return row.id.toString()
}

beforeAll(async () => {
  if (!http.listening) await new Promise((resolve) => http.once('listening', resolve))
})
afterAll(async () => {
  http.close()
  console.info(
    `\nRedis-down drill:\n${Object.entries(figures)
      .map(([name, value]) => `  ${name.padEnd(58)} ${value}`)
      .join('\n')}\n`,
  )
  // The server is left running for the per-file cleanup; it stops with this process.
})

describe('Redis down and back', () => {
  test('rate limits keep limiting, pages are rendered instead of cached, live notifications wait and arrive once it is back', async () => {
    expect(redis).not.toBeNull()
    const limiter = createLimiter({ name: 'drill', points: 3, durationSeconds: 60 })
    const user = await createUser()

    // Up: the limiter counts in Redis, a page is stored then replayed, a notification is pushed.
    for (let i = 0; i < 3; i++) expect(await consumeOrWait(limiter, 'up')).toBe(0)
    expect(await consumeOrWait(limiter, 'up')).toBeGreaterThan(0)
    expect(await redis!.keys(`${process.env.REDIS_PREFIX}rl:drill*`)).toHaveLength(1)
    expect((await page('coat')).cache).toBe('MISS')
    expect((await page('coat')).cache).toBe('HIT')
    const live = openStream(user.id)
    await until(() => live.ids.length === 0, 100)
    const first = await newNotification(user.id)
    let start = performance.now()
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await until(() => live.ids.includes(first), 5_000)).toBe(true)
    figures['live notification, Redis up (job to page)'] = `${ms(start)} ms`

    // Down.
    await server.stop()
    const downAt = performance.now()

    // Rate limits fail safe: a fresh key still gets exactly 3 tries, from memory.
    const limitTimes: number[] = []
    const answers: number[] = []
    for (let i = 0; i < 5; i++) {
      start = performance.now()
      answers.push(await consumeOrWait(limiter, 'down'))
      limitTimes.push(ms(start))
    }
    expect(answers.slice(0, 3)).toEqual([0, 0, 0])
    expect(answers[3]).toBeGreaterThan(0)
    expect(answers[4]).toBeGreaterThan(0)
    // From memory at once once the client knows the connection is lost (the first check may
    // still be on its way over the dead connection), not after Redis' command timeout.
    expect(Math.max(...limitTimes.slice(1))).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS / 2)
    figures['rate limit, Redis down: tries allowed of 5 (limit 3)'] =
      `${answers.filter((wait) => wait === 0).length}`
    figures['rate limit, Redis down: ms per check (first … last)'] = limitTimes.join(', ')

    // The page cache is skipped: every request renders the page, each answers 200 and whole.
    const rendersBefore = renders
    const downPages = [await page('coat'), await page('coat'), await page('dress')]
    for (const answer of downPages) {
      expect(answer.ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS * 1.5)
      expect(answer.status).toBe(200)
      expect(answer.cache).toBe('MISS')
    }
    expect(downPages[2]!.body).toBe('<main>dress</main>')
    expect(renders - rendersBefore).toBe(3)
    figures['page, Redis down just now (ms each)'] = downPages.map((p) => p.ms).join(', ')

    // Live notifications: stored at once; the push's job fails and waits for its retry.
    const second = await newNotification(user.id)
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(2)
    await runDueJobs(tasksExceptMailAndSearch)
    const stillWaiting = await prisma.$queryRaw<Array<{ attempts: number }>>`
      SELECT attempts FROM graphile_worker.jobs WHERE task_identifier = 'notification.deliver'`
    expect(stillWaiting.map((job) => job.attempts)).toEqual([1])
    expect(live.ids).not.toContain(second)
    // A page opened now cannot subscribe yet: it catches up once Redis is back.
    const opened = openStream(user.id, BigInt(first))

    // A longer outage: ioredis waits longer between reconnections, and so do commands.
    await sleep(6_000)
    const late = [await page('coat'), await page('coat')]
    for (const answer of late) {
      expect(answer.status).toBe(200)
      expect(answer.ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS / 2)
    }
    figures['page, Redis down for 6 s (ms each)'] = late.map((p) => p.ms).join(', ')
    start = performance.now()
    expect(await consumeOrWait(limiter, 'down')).toBeGreaterThan(0)
    figures['rate limit, Redis down for 6 s (ms per check)'] = `${ms(start)}`

    // Back (empty).
    await server.start()
    const backAt = performance.now()
    figures['Redis down for'] = `${Math.round((backAt - downAt) / 1000)} s`

    // Pages are stored and replayed again.
    let firstHit = 0
    expect(
      await until(async () => {
        if ((await page('coat')).cache !== 'HIT') return false
        firstHit = ms(backAt)
        return true
      }, 15_000),
    ).toBe(true)
    figures['page cache replaying again after Redis returned'] = `${firstHit} ms`

    // The push's retry (graphile-worker's backoff) reaches both pages; the late one catches up.
    let delivered = 0
    expect(
      await until(
        async () => {
          await runDueJobs(tasksExceptMailAndSearch)
          if (!live.ids.includes(second) || !opened.ids.includes(second)) return false
          delivered = ms(backAt)
          return true
        },
        20_000,
        200,
      ),
      JSON.stringify({
        live: live.ids,
        opened: opened.ids,
        second,
        jobs: await prisma.$queryRaw`SELECT task_identifier, attempts, last_error, run_at FROM graphile_worker.jobs`,
      }),
    ).toBe(true)
    figures['missed live notification delivered after Redis returned'] = `${delivered} ms`
    expect(live.ids).toEqual([first, second])
    expect(opened.ids).toEqual([second])

    // And new ones are live again at once.
    const third = await newNotification(user.id)
    start = performance.now()
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await until(() => live.ids.includes(third) && opened.ids.includes(third), 5_000)).toBe(
      true,
    )
    figures['live notification, Redis back (job to page)'] = `${ms(start)} ms`
    await live.close()
    await opened.close()

    // The limits count in Redis again (it came back empty: counts restart from zero).
    expect(await consumeOrWait(limiter, 'back')).toBe(0)
    expect(await redis!.keys(`${process.env.REDIS_PREFIX}rl:drill*`)).toHaveLength(1)
  }, 90_000)
})

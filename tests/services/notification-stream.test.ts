import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { createRedisBus, type LiveBus } from '~/infra/live/bus.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { notify } from '~/services/notifications/notify.server.ts'
import {
  notificationStream,
  resumeId,
  SSE_HEADERS,
} from '~/services/notifications/stream.server.ts'
import { loader as streamLoader } from '~/routes/notifications.stream.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { routeRequest } from '../support/remix.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'

// Two app instances, each with its own Redis connections (as two processes have), serve the
// live stream; a notification committed and delivered elsewhere reaches a page connected to
// either. Events are read as a browser's EventSource reads them.

const product = { productSlug: 'wool-coat', productTitle: 'Wool coat' }

type Instance = { server: Server; bus: LiveBus; url: string }
const instances: Instance[] = []

async function startInstance(): Promise<Instance> {
  const env = getEnv()
  const bus = createRedisBus(env.REDIS_URL!, `${env.REDIS_PREFIX}live:`)
  const server = createServer((req, res) => {
    const userId = new URL(req.url!, 'http://x').searchParams.get('user')!
    const abort = new AbortController()
    res.on('close', () => abort.abort())
    const request = new Request(new URL(req.url!, 'http://x'), {
      headers: req.headers as Record<string, string>,
    })
    const body = notificationStream({ userId, after: resumeId(request), signal: abort.signal, bus })
    res.writeHead(200, SSE_HEADERS)
    Readable.fromWeb(body as never).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const instance = {
    server,
    bus,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  }
  instances.push(instance)
  return instance
}

afterAll(async () => {
  for (const { server, bus } of instances) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await bus.close()
  }
})

type Event = { id?: string; event?: string; data?: string }

/** An SSE connection read event by event, as EventSource parses the stream. */
async function connect(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController()
  const response = await fetch(url, { headers, signal: abort.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const next = async (): Promise<Event> => {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event: Event = {}
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':')
          if (colon === 0) continue
          const field = line.slice(0, colon) as keyof Event | 'retry'
          const value = line.slice(colon + 1).replace(/^ /, '')
          if (field === 'retry') event.event = 'retry'
          else event[field] = value
        }
        if (Object.keys(event).length) return event
        continue
      }
      const { value, done } = await reader.read()
      if (done) throw new Error('stream ended')
      buffer += value
    }
  }
  // The first event (the retry interval) is sent once the stream listens to the bus.
  expect(await next()).toEqual({ event: 'retry' })
  return { response, next, close: () => abort.abort() }
}

describe('live notifications across app instances', () => {
  it('delivers a notification to a page connected to another instance, in order, with its id', async () => {
    const [a, b] = [await startInstance(), await startInstance()]
    const seller = await createUser({ roles: ['SHOPPER', 'SELLER'] })
    const onB = await connect(`${b.url}/?user=${seller.id}&after=0`)
    const onA = await connect(`${a.url}/?user=${seller.id}&after=0`)
    expect(onB.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')

    const first = await prisma.$transaction((tx) =>
      notify(tx, {
        userId: seller.id,
        kind: 'NEW_ORDER',
        data: { orderNumber: 'SP-7', itemCount: 2 },
      }),
    )
    const second = await prisma.$transaction((tx) =>
      notify(tx, { userId: seller.id, kind: 'NEW_REVIEW', data: { ...product, rating: 5 } }),
    )
    // The delivery job publishes through this process's bus, like a third process.
    await runDueJobs(tasksExceptMailAndSearch)

    for (const page of [onB, onA]) {
      const one = await page.next()
      expect(one).toMatchObject({ id: first.id.toString(), event: 'notification' })
      expect(JSON.parse(one.data!)).toMatchObject({
        kind: 'NEW_ORDER',
        data: { orderNumber: 'SP-7', itemCount: 2 },
      })
      const two = await page.next()
      expect(two.id).toBe(second.id.toString())
      expect(JSON.parse(two.data!)).toMatchObject({ kind: 'NEW_REVIEW', unread: 2 })
      page.close()
    }
  })

  it('sends nobody else’s notifications', async () => {
    const [, b] = instances
    const mine = await createUser()
    const theirs = await createUser()
    const page = await connect(`${b!.url}/?user=${mine.id}&after=0`)
    await prisma.$transaction((tx) =>
      notify(tx, { userId: theirs.id, kind: 'REVIEW_APPROVED', data: product }),
    )
    const own = await prisma.$transaction((tx) =>
      notify(tx, { userId: mine.id, kind: 'REVIEW_APPROVED', data: product }),
    )
    await runDueJobs(tasksExceptMailAndSearch)
    expect((await page.next()).id).toBe(own.id.toString())
    page.close()
  })

  it('resumes after Last-Event-ID: a page that dropped its connection misses nothing and repeats nothing', async () => {
    const [a, b] = instances
    const user = await createUser()
    const page = await connect(`${a!.url}/?user=${user.id}&after=0`)
    const seen = await prisma.$transaction((tx) =>
      notify(tx, { userId: user.id, kind: 'REVIEW_APPROVED', data: product }),
    )
    await runDueJobs(tasksExceptMailAndSearch)
    expect((await page.next()).id).toBe(seen.id.toString())
    page.close()

    // While the page is away, two more happen; it comes back to the other instance.
    const missed = []
    for (const kind of ['REVIEW_REJECTED', 'BACK_IN_STOCK'] as const) {
      missed.push(
        await prisma.$transaction((tx) => notify(tx, { userId: user.id, kind, data: product })),
      )
    }
    await runDueJobs(tasksExceptMailAndSearch)
    // The browser reconnects to the URL it first opened and says where it was.
    const back = await connect(`${b!.url}/?user=${user.id}&after=0`, {
      'Last-Event-ID': seen.id.toString(),
    })
    expect((await back.next()).id).toBe(missed[0]!.id.toString())
    expect((await back.next()).id).toBe(missed[1]!.id.toString())
    // And it is live again.
    const later = await prisma.$transaction((tx) =>
      notify(tx, { userId: user.id, kind: 'PRICE_DROP', data: { ...product, price: 4500 } }),
    )
    await runDueJobs(tasksExceptMailAndSearch)
    expect((await back.next()).id).toBe(later.id.toString())
    back.close()
  })
})

describe('the stream route', () => {
  it('answers a visitor 401 and a signed-in person an uncompressed event stream', async () => {
    const anonymous = await streamLoader({
      request: routeRequest('/notifications/stream'),
      params: {},
      context: {} as never,
    })
    expect(anonymous.status).toBe(401)
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const abort = new AbortController()
    const request = new Request('http://localhost:3000/notifications/stream?after=0', {
      headers: { Cookie: cookie },
      signal: abort.signal,
    })
    const response = await streamLoader({ request, params: {}, context: {} as never })
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-cache, no-transform')
    abort.abort()
    await response.body?.cancel()
  })
})

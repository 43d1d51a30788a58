// `npm run soak`: the production build under a steady mix of browsing, search and checkout for a
// while, to see that memory stays flat, nothing fails and latencies hold. It prints one line per
// window (requests, errors, p50/p95/p99, the web process's RSS) and the drift: the last window
// against the first one after warm-up, as ratios (1.00 = no change). Exits 1 on any error.
//
// Options: --minutes 20  --rate 20 (requests/s)  --windows 10  --checkout-share 0.05
//          --no-build (use the existing build)
// Local traffic only (127.0.0.1). It uses a database of its own (`shikposh_soak`, or
// BENCH_DATABASE_URL) with the demo catalog, and indexes prefixed `soak_`.
import './env-file.ts'
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import {
  closeHttpAgent,
  ensureBuild,
  latencyStats,
  prepareBenchServices,
  processTree,
  rssKb,
  startBuiltApp,
} from './bench/environment.ts'

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '20' },
    rate: { type: 'string', default: '20' },
    windows: { type: 'string', default: '10' },
    'checkout-share': { type: 'string', default: '0.05' },
    'no-build': { type: 'boolean', default: false },
  },
})
const MINUTES = Number(args.minutes)
const RATE = Number(args.rate)
const WINDOWS = Math.max(2, Number(args.windows))
const CHECKOUT_SHARE = Number(args['checkout-share'])
const MAX_IN_FLIGHT = 64
const log = (message = '') => console.log(message)

const services = await prepareBenchServices({ database: 'shikposh_soak' })
const INDEX_PREFIX = 'soak_'
const sessionSecret = randomBytes(32).toString('hex')
const metricsToken = randomBytes(16).toString('hex')
process.env.MEILI_INDEX_PREFIX = INDEX_PREFIX
const { prisma } = await import('~/infra/db.server.ts')
const { seedDemoData } = await import('../../prisma/seed/index.ts')
const { reindexProducts } = await import('~/services/search/reindex.server.ts')
const { createSession } = await import('~/services/accounts/sessions.server.ts')
const { getCart } = await import('~/services/orders/cart.server.ts')
const { newCheckoutToken } = await import('~/services/orders/cart-owner.server.ts')
const { orderTotal } = await import('~/services/orders/shipping.ts')
const { closeSearchClient } = await import('~/infra/search/client.server.ts')

/** The web process's V8 heap in use, from its own /metrics (beside RSS: a leak grows both). */
async function heapUsedMb(base: string, token: string) {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })
  const text = await response.text()
  const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})?\s+(\S+)$/m.exec(text)
  if (!match) throw new Error(`${response.status}: ${text.slice(0, 200)}`)
  return Number(match[1]) / 1024 / 1024
}

/** The web process's RSS: the largest of the app's processes (a supervisor and its one web process). */
function rssMb(pid: number) {
  return Math.max(...processTree(pid).map(rssKb)) / 1024
}

const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT })
function request(
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<number>((resolve, reject) => {
    const outgoing = http.request(url, { method, agent, headers }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
      response.on('error', reject)
    })
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // An idle keep-alive connection the server closed just as this request took it: the
      // request never reached the app, and Node's documentation advises sending it again.
      if (outgoing.reusedSocket && error.code === 'ECONNRESET' && method === 'GET')
        request(url, { method, headers, body }).then(resolve, reject)
      else reject(error)
    })
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('timed out after 30 s')))
    outgoing.end(body)
  })
}

let app: Awaited<ReturnType<typeof startBuiltApp>> | undefined
let failed = false
try {
  log('Seeding the demo catalog (idempotent) and indexing it …')
  await seedDemoData()
  // Checkouts buy the demo's products for as long as the run lasts.
  await prisma.variant.updateMany({ data: { stock: 1_000_000 } })
  await reindexProducts()
  if (!args['no-build']) ensureBuild(process.cwd(), { log })

  const [products, categories, shoppers] = await Promise.all([
    prisma.product.findMany({
      where: { listed: true },
      select: { slug: true, variants: { select: { id: true }, take: 1 } },
      orderBy: { slug: 'asc' },
    }),
    prisma.category.findMany({ select: { slug: true }, take: 20, orderBy: { slug: 'asc' } }),
    Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const email = `soak-${index}@shikposh.test`
        const user = await prisma.user.upsert({
          where: { email },
          create: { email, name: `Soak Shopper ${index}` },
          update: {},
        })
        const { cookie } = await createSession(user.id, { userAgent: 'soak' })
        return { id: user.id, cookie: cookie.split(';')[0]! }
      }),
    ),
  ])
  if (!products.length) throw new Error('No listed products to browse')
  const searches = ['dress', 'shirt', 'linen', 'boots', 'scarf', 'jacket', 'blue', 'پیراهن']

  log('Starting the production build (one process) …')
  app = await startBuiltApp(services, {
    sessionSecret,
    env: { WEB_CONCURRENCY: '1', MEILI_INDEX_PREFIX: INDEX_PREFIX, METRICS_TOKEN: metricsToken },
  })
  const base = app.url
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!

  let nextShopper = 0
  async function checkout() {
    const shopper = shoppers[nextShopper++ % shoppers.length]!
    const product = pick(products.filter((item) => item.variants.length))
    const cart = await prisma.cart.upsert({
      where: { userId: shopper.id },
      update: { checkoutToken: newCheckoutToken() },
      create: { userId: shopper.id, checkoutToken: newCheckoutToken() },
    })
    await prisma.cartItem.deleteMany({ where: { cartId: cart.id } })
    const variant = await prisma.variant.findUniqueOrThrow({
      where: { id: product.variants[0]!.id },
      select: { id: true, price: true, product: { select: { price: true } } },
    })
    const price = variant.price ?? variant.product.price ?? 0
    await prisma.cartItem.create({
      data: { cartId: cart.id, variantId: variant.id, quantity: 1, seenPrice: price },
    })
    const current = await getCart({ userId: shopper.id })
    const form = new URLSearchParams({
      idempotencyKey: current.checkoutToken!,
      addressId: 'new',
      fullName: 'Soak Shopper',
      line1: '12 Market Street',
      city: 'Portland',
      region: 'OR',
      postalCode: '97205',
      country: 'US',
      phone: '+1 503 555 0100',
      shippingMethod: 'standard',
      paymentMethod: 'pay-on-delivery',
      expectedTotal: String(orderTotal(current.itemsTotal, 'standard', services.currency)),
    })
    const status = await request(`${base}/checkout`, {
      method: 'POST',
      headers: {
        cookie: shopper.cookie,
        origin: base,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
    })
    return status === 302 || status === 303 ? 200 : status
  }

  const kinds: Array<[string, number, () => Promise<number>]> = [
    ['home', 0.15, () => request(`${base}/`, { headers: { accept: 'text/html' } })],
    [
      'category',
      0.15,
      () => request(`${base}/c/${pick(categories).slug}`, { headers: { accept: 'text/html' } }),
    ],
    [
      'product',
      0.35,
      () => request(`${base}/p/${pick(products).slug}`, { headers: { accept: 'text/html' } }),
    ],
    [
      'product, signed in',
      0.1,
      () =>
        request(`${base}/p/${pick(products).slug}`, {
          headers: { accept: 'text/html', cookie: pick(shoppers).cookie },
        }),
    ],
    [
      'search',
      0.25 - CHECKOUT_SHARE,
      () =>
        request(`${base}/search?q=${encodeURIComponent(pick(searches))}`, {
          headers: { accept: 'text/html' },
        }),
    ],
    ['checkout', CHECKOUT_SHARE, checkout],
  ]
  const choose = () => {
    let roll = Math.random()
    for (const kind of kinds) if ((roll -= kind[1]) < 0) return kind
    return kinds[0]!
  }

  type Window = {
    latencies: number[]
    errors: string[]
    skipped: number
    rss: number[]
    heap: number[]
  }
  const windows: Window[] = []
  const windowMs = (MINUTES * 60_000) / WINDOWS
  const total = Math.round(MINUTES * 60 * RATE)
  log(
    `Soak: ${MINUTES} min at ${RATE} requests/s (${total} requests) in ${WINDOWS} windows of ${(windowMs / 1000).toFixed(0)} s; ` +
      `checkout ${(CHECKOUT_SHARE * 100).toFixed(0)} %, search ${((0.25 - CHECKOUT_SHARE) * 100).toFixed(0)} %, browsing the rest`,
  )
  log()
  log('window   requests  errors  skipped   p50 ms   p95 ms   p99 ms   RSS MB  heap MB')
  const started = performance.now()
  let inFlight = 0
  const pending = new Set<Promise<void>>()
  const pid = app.process.pid!
  for (let w = 0; w < WINDOWS; w++)
    windows.push({ latencies: [], errors: [], skipped: 0, rss: [], heap: [] })
  const windowNow = () =>
    windows[Math.min(WINDOWS - 1, Math.floor((performance.now() - started) / windowMs))]!
  let heapUnreadable = false
  const sampler = setInterval(() => {
    windowNow().rss.push(rssMb(pid))
    void heapUsedMb(base, metricsToken).then(
      (heap) => windowNow().heap.push(heap),
      (error: unknown) => {
        if (!heapUnreadable) log(`(heap not read from /metrics: ${String(error)})`)
        heapUnreadable = true
      },
    )
  }, 1000)
  let printed = 0
  const printWindow = (w: number) => {
    const window = windows[w]!
    const { p50, p95, p99 } = latencyStats(window.latencies)
    log(
      `${String(w + 1).padStart(6)} ${String(window.latencies.length).padStart(10)} ${String(window.errors.length).padStart(7)} ${String(window.skipped).padStart(8)} ` +
        `${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${p99.toFixed(1).padStart(8)} ` +
        `${Math.max(...window.rss)
          .toFixed(0)
          .padStart(8)} ${Math.max(...window.heap)
          .toFixed(0)
          .padStart(8)}`,
    )
  }
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const w = Math.min(WINDOWS - 1, Math.floor((performance.now() - started) / windowMs))
    while (printed < w) printWindow(printed++)
    const window = windows[w]!
    // A steady rate: when the server falls this far behind, the request is counted, not sent.
    if (inFlight >= MAX_IN_FLIGHT) {
      window.skipped++
      continue
    }
    const [name, , run] = choose()
    inFlight++
    const sent = performance.now()
    const done = run()
      .then(
        (status) => {
          if (status !== 200) window.errors.push(`${name}: ${status}`)
        },
        (error: unknown) => {
          window.errors.push(`${name}: ${String(error)}`)
        },
      )
      .finally(() => {
        window.latencies.push(performance.now() - sent)
        inFlight--
        pending.delete(done)
      })
    pending.add(done)
  }
  await Promise.all(pending)
  clearInterval(sampler)
  while (printed < WINDOWS) printWindow(printed++)

  // Drift: the last window against the first after warm-up (the second, when there are three or more).
  const first = windows[WINDOWS > 2 ? 1 : 0]!
  const last = windows[WINDOWS - 1]!
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a')
  const rssOf = (window: Window) => Math.max(...window.rss)
  const heapOf = (window: Window) => Math.max(...window.heap)
  const stats = (window: Window) => latencyStats(window.latencies)
  const errors = windows.flatMap((window) => window.errors)
  const skipped = windows.reduce((sum, window) => sum + window.skipped, 0)
  log()
  log(`Drift, last window / window ${WINDOWS > 2 ? 2 : 1}:`)
  log(
    `  RSS  ${ratio(rssOf(last), rssOf(first))}  (${rssOf(first).toFixed(0)} → ${rssOf(last).toFixed(0)} MB)`,
  )
  log(
    `  heap ${ratio(heapOf(last), heapOf(first))}  (${heapOf(first).toFixed(0)} → ${heapOf(last).toFixed(0)} MB in use)`,
  )
  log(`  p50  ${ratio(stats(last).p50, stats(first).p50)}`)
  log(`  p95  ${ratio(stats(last).p95, stats(first).p95)}`)
  log(`  p99  ${ratio(stats(last).p99, stats(first).p99)}`)
  log(
    `Errors: ${errors.length}; requests not sent because ${MAX_IN_FLIGHT} were in flight: ${skipped}`,
  )
  const byKind = new Map<string, number>()
  for (const error of errors) byKind.set(error, (byKind.get(error) ?? 0) + 1)
  for (const [error, count] of [...byKind].slice(0, 10)) log(`  ${count} × ${error}`)
  failed = errors.length > 0
} finally {
  agent.destroy()
  closeHttpAgent()
  await app?.stop()
  closeSearchClient()
  await prisma.$disconnect()
  await services.stop()
}
process.exit(failed ? 1 : 0)

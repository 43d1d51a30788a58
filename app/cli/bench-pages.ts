// Over 400 lines on purpose: one benchmark read top to bottom, not loaded by the app.
// `npm run bench:pages`: the storefront's pages under load on a synthetic catalog of 100k
// products, against the same HTML served as a static file by the same server, and against a
// build of an older checkout (the baseline) on the same database, in one interleaved run.
//
// For each page type (home, category, brand, shop, product) and each connection count it runs,
// one after another: the static copy, the page as an anonymous visitor gets it (page cache),
// the page as a signed-in shopper gets it (rendered for them), and the baseline's page for the
// same signed-in shopper; then the same for more processes (WEB_CONCURRENCY). It prints
// requests/s, p50 and p95, the ratios the performance goals name, database round trips per
// page, JavaScript and HTML bytes per page, and the peak RSS of a web process.
//
// Options: --products 100000  --duration 5 (seconds per run)  --rounds 2  --connections 1,16
//          --pages home,category,brand,shop,product  --baseline <dir of a built checkout>
//          --processes 2 (for the WEB_CONCURRENCY comparison)  --accept-encoding gzip
//          --no-build (use the existing build)  --regenerate (rebuild the catalog)
// A baseline is any checkout with `npm run build` done, e.g.
//   git worktree add ../shikposh-baseline cb39742 && (cd ../shikposh-baseline && npm install && npm run build)
// It uses a database of its own (`shikposh_bench`, or BENCH_DATABASE_URL) and indexes prefixed `bench_`.
import './env-file.ts'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import {
  closeHttpAgent,
  ensureBuild,
  httpGet,
  latencyStats,
  prepareBenchServices,
  processTree,
  rssKb,
  startBuiltApp,
  type RunningApp,
} from './bench/environment.ts'
import { generateCatalog, LISTED_SQL } from './bench/synthetic-catalog.ts'

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '1,16' },
    pages: { type: 'string', default: 'home,category,brand,shop,product' },
    baseline: { type: 'string', default: process.env.BENCH_BASELINE_DIR },
    processes: { type: 'string', default: String(availableParallelism()) },
    'accept-encoding': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    regenerate: { type: 'boolean', default: false },
  },
})
const PRODUCTS = Number(args.products)
const DURATION = Number(args.duration)
const ROUNDS = Number(args.rounds)
const CONNECTIONS = args.connections.split(',').map(Number)
const PROCESSES = Number(args.processes)
const PAGE_TYPES = ['home', 'category', 'brand', 'shop', 'product'] as const
type PageType = (typeof PAGE_TYPES)[number]
const pageTypes = args.pages
  .split(',')
  .filter((page): page is PageType => PAGE_TYPES.some((type) => type === page))
const baselineDir = args.baseline ? path.resolve(args.baseline) : undefined
const log = (message = '') => console.log(message)

// ---------------------------------------------------------------- services and catalog

const services = await prepareBenchServices()
const sessionSecret = randomBytes(32).toString('hex')
// This process reads pages through the build too (round trips): the same settings as the apps.
Object.assign(process.env, {
  NODE_ENV: 'production',
  APP_URL: process.env.APP_URL || 'http://127.0.0.1:3000',
  SESSION_SECRET: sessionSecret,
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `shikposh-bench-${randomBytes(3).toString('hex')}:`,
  SMTP_URL: 'smtp://127.0.0.1:9',
  S3_BUCKET: 'bench-unused',
  S3_ENDPOINT: 'http://127.0.0.1:9',
  S3_FORCE_PATH_STYLE: 'true',
  S3_ACCESS_KEY_ID: 'bench',
  S3_SECRET_ACCESS_KEY: 'bench',
})
const { prisma } = await import('~/infra/db.server.ts')
const { getSearchClient, closeSearchClient } = await import('~/infra/search/client.server.ts')
const { productIndexUid } = await import('~/services/search/settings.server.ts')
const { reindexProducts } = await import('~/services/search/reindex.server.ts')
const { createSession } = await import('~/services/accounts/sessions.server.ts')
const { requestContext } = await import('~/infra/request-context.server.ts')
const { redis } = await import('~/infra/redis.server.ts')

const apps: RunningApp[] = []
const staticDir = path.resolve('build/client/__bench')

try {
  const count = await prisma.product.count()
  if (count !== PRODUCTS || args.regenerate) {
    log(`Generating ${PRODUCTS} products into ${new URL(services.benchUrl).pathname.slice(1)} …`)
    await generateCatalog(services.benchUrl, {
      products: PRODUCTS,
      log: (message) => log(`  ${message}`),
    })
  } else {
    await prisma.$executeRawUnsafe(LISTED_SQL)
  }
  const listed = await prisma.product.count({ where: { listed: true } })
  const indexed = await getSearchClient()
    .index(productIndexUid())
    .getStats()
    .then(
      (stats) => stats.numberOfDocuments,
      () => 0,
    )
  if (indexed !== listed) {
    log(`Indexing ${listed} products (the index holds ${indexed}) …`)
    await reindexProducts()
  }

  if (!args['no-build']) ensureBuild(process.cwd(), { force: true, log })
  if (baselineDir) ensureBuild(baselineDir, { log })

  // ---------------------------------------------------------------- who and what

  const shopper = await prisma.user.upsert({
    where: { email: 'bench-shopper@shikposh.test' },
    create: { email: 'bench-shopper@shikposh.test', name: 'Bench Shopper' },
    update: {},
  })
  const { cookie: setCookie } = await createSession(shopper.id, { userAgent: 'bench:pages' })
  const signedIn = setCookie.split(';')[0]!

  const pick = <T>(rows: T[], n: number) =>
    rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / n)) === 0).slice(0, n)
  const [products, brands, shops] = await Promise.all([
    prisma.$queryRaw<Array<{ slug: string }>>`
      SELECT slug FROM "Product" WHERE listed ORDER BY id LIMIT 2000`,
    prisma.$queryRaw<Array<{ slug: string }>>`
      SELECT b.slug FROM "Brand" b JOIN "Product" p ON p."brandId" = b.id AND p.listed
      GROUP BY b.slug ORDER BY count(*) DESC, b.slug LIMIT 40`,
    prisma.$queryRaw<Array<{ slug: string }>>`
      SELECT s.slug FROM "Shop" s JOIN "Product" p ON p."shopId" = s.id AND p.listed
      WHERE s.status = 'ACTIVE' GROUP BY s.slug ORDER BY count(*) DESC, s.slug LIMIT 40`,
  ])
  const urls: Record<PageType, string[]> = {
    home: ['/'],
    category: ['/c/clothing', '/c/women', '/c/women-dresses', '/c/men', '/c/shoes'],
    brand: pick(brands, 10).map(({ slug }) => `/brands/${slug}`),
    shop: pick(shops, 10).map(({ slug }) => `/shops/${slug}`),
    product: pick(products, 20).map(({ slug }) => `/p/${slug}`),
  }

  // ---------------------------------------------------------------- the servers

  log('Starting the production build (one process) …')
  // One web process each: a baseline with the supervisor would otherwise run one per core.
  const oneProcess = { WEB_CONCURRENCY: '1' }
  const app = await startBuiltApp(services, { sessionSecret, env: oneProcess })
  apps.push(app)
  const baseline = baselineDir
    ? await startBuiltApp(services, { dir: baselineDir, sessionSecret, env: oneProcess })
    : undefined
  if (baseline) apps.push(baseline)
  log(
    baselineDir
      ? `Baseline: ${baselineDir} (${gitDescribe(baselineDir)})`
      : 'No baseline (--baseline <dir of a built checkout>): its columns stay empty.',
  )

  // The static copies: each page as an anonymous visitor gets it, served by express.static.
  await rm(staticDir, { recursive: true, force: true })
  await mkdir(staticDir, { recursive: true })
  const staticUrls: Record<PageType, string[]> = {
    home: [],
    category: [],
    brand: [],
    shop: [],
    product: [],
  }
  for (const type of pageTypes) {
    for (const [i, url] of urls[type].entries()) {
      const page = await httpGet(`${app.url}${url}`)
      if (page.status !== 200) throw new Error(`${url} answered ${page.status}`)
      await writeFile(path.join(staticDir, `${type}-${i}.html`), page.body)
      staticUrls[type].push(`/__bench/${type}-${i}.html`)
    }
  }

  // ---------------------------------------------------------------- load

  const encoding = args['accept-encoding']
  type Run = { rps: number; p50: number; p95: number; errors: number }
  async function load(target: RunningApp, paths: string[], connections: number, cookie?: string) {
    const headers: Record<string, string> = { accept: 'text/html' }
    if (cookie) headers.cookie = cookie
    if (encoding) headers['accept-encoding'] = encoding
    const latencies: number[] = []
    let bad = 0
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: target.url,
          connections,
          duration: DURATION,
          requests: paths.map((p) => ({ method: 'GET', path: p, headers })),
        },
        (error, outcome) => (error ? reject(error) : resolve(outcome)),
      )
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        latencies.push(responseTime)
        if (statusCode !== 200) bad++
      })
    })
    const { p50, p95 } = latencyStats(latencies)
    return {
      rps: latencies.length / DURATION,
      p50,
      p95,
      errors: bad + result.errors + result.timeouts,
    } satisfies Run
  }

  const rss = new Map<number, number>()
  const sampler = setInterval(() => {
    for (const pid of processTree(app.process.pid)) {
      const kb = rssKb(pid)
      if (kb) rss.set(pid, Math.max(rss.get(pid) ?? 0, kb))
    }
  }, 250)

  type Scenario = 'static' | 'cached' | 'uncached' | 'baseline'
  const results = new Map<string, Run[]>()
  const keyOf = (type: PageType, connections: number, scenario: string) =>
    `${type}|${connections}|${scenario}`
  const record = (key: string, run: Run) => results.set(key, [...(results.get(key) ?? []), run])

  log('Warming up …')
  for (const type of pageTypes) {
    await load(app, urls[type], 4)
    await load(app, urls[type], 4, signedIn)
    if (baseline) await load(baseline, urls[type], 4, signedIn)
  }
  for (let round = 1; round <= ROUNDS; round++) {
    log(`Round ${round} of ${ROUNDS} …`)
    for (const type of pageTypes) {
      for (const connections of CONNECTIONS) {
        const scenarios: Array<[Scenario, () => Promise<Run>]> = [
          ['static', () => load(app, staticUrls[type], connections)],
          ['cached', () => load(app, urls[type], connections)],
          ['uncached', () => load(app, urls[type], connections, signedIn)],
        ]
        if (baseline)
          scenarios.push(['baseline', () => load(baseline, urls[type], connections, signedIn)])
        for (const [scenario, run] of scenarios)
          record(keyOf(type, connections, scenario), await run())
      }
    }
  }
  clearInterval(sampler)
  const peakRssMb = Math.max(0, ...rss.values()) / 1024

  // One process per core: the same signed-in pages on one process and on PROCESSES.
  const clusterRuns = new Map<string, Run[]>()
  if (PROCESSES > 1) {
    log(`Starting the production build with WEB_CONCURRENCY=${PROCESSES} …`)
    const cluster = await startBuiltApp(services, {
      sessionSecret,
      env: { WEB_CONCURRENCY: String(PROCESSES) },
    })
    apps.push(cluster)
    const connections = Math.max(...CONNECTIONS)
    const clusterPages = pageTypes.filter((type) => type === 'product' || type === 'category')
    for (const type of clusterPages) await load(cluster, urls[type], 4, signedIn)
    for (let round = 1; round <= ROUNDS; round++) {
      for (const type of clusterPages) {
        for (const [label, target] of [
          ['one', app],
          ['many', cluster],
        ] as const) {
          const key = `${type}|${label}`
          clusterRuns.set(key, [
            ...(clusterRuns.get(key) ?? []),
            await load(target, urls[type], connections, signedIn),
          ])
        }
      }
    }
  }

  // ---------------------------------------------------------------- what a page costs

  log('Counting round trips and bytes …')
  const roundTrips = await countRoundTrips(urls, signedIn)
  const bytes = new Map<PageType, Awaited<ReturnType<typeof pageBytes>>>()
  for (const type of pageTypes) bytes.set(type, await pageBytes(app, urls[type][0] ?? '/'))

  // ---------------------------------------------------------------- report

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN
  }
  const cell = (runs: Run[] | undefined) => {
    if (!runs?.length) return '—'.padStart(22)
    const rps = median(runs.map((run) => run.rps))
    const p50 = median(runs.map((run) => run.p50))
    const p95 = median(runs.map((run) => run.p95))
    const errors = runs.reduce((sum, run) => sum + run.errors, 0)
    return `${rps.toFixed(0).padStart(7)} ${p50.toFixed(1).padStart(6)} ${p95.toFixed(1).padStart(6)}${errors ? '!' : ' '}`
  }
  const ratios = (a: Run[] | undefined, b: Run[] | undefined, field: keyof Run) =>
    a?.length && b?.length
      ? a.map((run, i) => (b[i] ? (run[field] / b[i]![field]).toFixed(2) : '?')).join(' / ')
      : '—'

  log('')
  log(
    `Catalog: ${PRODUCTS} products (${listed} listed). ${DURATION} s per run, ${ROUNDS} rounds, interleaved; medians of the rounds.`,
  )
  log(
    `Requests ${encoding ? `with Accept-Encoding: ${encoding}` : 'without Accept-Encoding'}; ` +
      `cached = anonymous visitor (page cache); uncached = signed-in shopper; baseline = the baseline build, signed in.`,
  )
  log('')
  log(
    `${'page'.padEnd(9)}${'conn'.padStart(5)} ${['static', 'cached', 'uncached', 'baseline']
      .map((name) => `${name.padEnd(8)}  rps    p50    p95 `)
      .join('')}`,
  )
  for (const type of pageTypes) {
    for (const connections of CONNECTIONS) {
      const get = (scenario: Scenario) => results.get(keyOf(type, connections, scenario))
      log(
        `${type.padEnd(9)}${String(connections).padStart(5)} ${(
          ['static', 'cached', 'uncached', 'baseline'] as const
        )
          .map((scenario) => cell(get(scenario)))
          .join('')}`,
      )
    }
  }
  log('')
  log(
    'Ratios per round (goal): cached/static rps (≥ 0.5), cached p95/static p95 (≤ 3), uncached/baseline rps (≥ 3)',
  )
  for (const type of pageTypes) {
    for (const connections of CONNECTIONS) {
      const get = (scenario: Scenario) => results.get(keyOf(type, connections, scenario))
      log(
        `  ${type.padEnd(9)}${String(connections).padStart(3)} conn: ` +
          `cached/static ${ratios(get('cached'), get('static'), 'rps')}; ` +
          `p95 ${ratios(get('cached'), get('static'), 'p95')}; ` +
          `uncached/baseline ${ratios(get('uncached'), get('baseline'), 'rps')}`,
      )
    }
  }
  if (clusterRuns.size) {
    log('')
    log(
      `One process per core: signed-in pages at ${Math.max(...CONNECTIONS)} connections, 1 process vs WEB_CONCURRENCY=${PROCESSES}`,
    )
    for (const type of ['product', 'category'] as const) {
      const one = clusterRuns.get(`${type}|one`)
      const many = clusterRuns.get(`${type}|many`)
      if (!one || !many) continue
      log(
        `  ${type.padEnd(9)} 1: ${cell(one)}   ${PROCESSES}: ${cell(many)}   ratio ${ratios(many, one, 'rps')}`,
      )
    }
  }
  log('')
  log('Per page: database round trips (anonymous / signed in), HTML, hydration data, JavaScript')
  for (const type of pageTypes) {
    const trips = roundTrips.get(type)
    const size = bytes.get(type)!
    log(
      `  ${type.padEnd(9)} round trips ${trips ? `${trips.anonymous} / ${trips.signedIn}` : '—'}; ` +
        `HTML ${kb(size.html)} (${kb(size.htmlGzip)} gzipped), hydration data ${kb(size.hydration)}; ` +
        `JavaScript ${kb(size.jsGzip)} gzipped in ${size.jsFiles} files${size.zod ? ', zod among it' : ', no zod'}`,
    )
  }
  log('')
  log(`Peak RSS of a web process under the page benchmark: ${peakRssMb.toFixed(0)} MB`)
} finally {
  await rm(staticDir, { recursive: true, force: true })
  for (const app of apps) await app.stop()
  closeHttpAgent()
  closeSearchClient()
  await Promise.allSettled([prisma.$disconnect(), redis?.quit()])
  await services.stop()
}
process.exit(0)

// ---------------------------------------------------------------- helpers

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`
}

function gitDescribe(dir: string) {
  const result = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : 'not a git checkout'
}

/**
 * Round trips per page, counted by the database client inside this process: the app's build
 * handles one request for each page, anonymous and signed in, and every query it sends (the
 * streamed parts too) counts.
 */
async function countRoundTrips(urls: Record<PageType, string[]>, cookie: string) {
  const counts = new Map<PageType, { anonymous: number; signedIn: number }>()
  const buildPath = path.resolve('build/server/index.js')
  if (!existsSync(buildPath)) return counts
  const { createRequestHandler } = await import('@remix-run/node')
  const build = (await import(pathToFileURL(buildPath).href)) as Parameters<
    typeof createRequestHandler
  >[0]
  const handle = createRequestHandler(build, 'production')
  const count = async (url: string, headers: Record<string, string>) => {
    const context = { requestId: 'bench', roundTrips: 0 }
    await requestContext.run(context, async () => {
      const response = await handle(new Request(`http://127.0.0.1${url}`, { headers }), {
        cspNonce: 'bench',
        requestId: 'bench',
        clientIp: '127.0.0.1',
      })
      await response.text()
    })
    return context.roundTrips
  }
  for (const type of pageTypes) {
    const url = urls[type][0]!
    // Twice: the first also fills the process's small caches (category tree, labels).
    await count(url, {})
    await count(url, { cookie })
    counts.set(type, { anonymous: await count(url, {}), signedIn: await count(url, { cookie }) })
  }
  return counts
}

/** HTML, hydration data and the JavaScript a page loads at start (gzipped as the server sends it). */
async function pageBytes(app: RunningApp, url: string) {
  const page = await httpGet(`${app.url}${url}`)
  const html = page.body.toString('utf8')
  const gzipped = await httpGet(`${app.url}${url}`, { 'accept-encoding': 'gzip' })
  const hydration = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1] ?? '')
    .filter((script) => script.includes('__remixContext'))
    .reduce((sum, script) => sum + Buffer.byteLength(script), 0)
  const scripts = [...new Set([...html.matchAll(/\/assets\/[\w.()-]+\.js/g)].map((m) => m[0]))]
  let jsGzip = 0
  let zod = false
  for (const script of scripts) {
    const response = await httpGet(`${app.url}${script}`, { 'accept-encoding': 'gzip' })
    jsGzip += response.body.length
    const source =
      response.headers['content-encoding'] === 'gzip'
        ? gunzipSync(response.body).toString('utf8')
        : response.body.toString('utf8')
    if (source.includes('ZodError')) zod = true
  }
  return {
    html: page.body.length,
    htmlGzip: gzipped.body.length,
    hydration,
    jsGzip,
    jsFiles: scripts.length,
    zod,
  }
}

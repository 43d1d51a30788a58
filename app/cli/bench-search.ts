// Over 400 lines on purpose: one benchmark read top to bottom, not loaded by the app.
// `npm run bench:search`: search on a synthetic catalog of 100k products. Prints indexing
// throughput (documents straight into Meilisearch, and from PostgreSQL the way
// `npm run search:reindex` does it) and search latency percentiles for typical result pages
// (2-3 filters, every facet) and for the category, brand and shop grids (the same engine with
// a scope), measured against Meilisearch directly and through the app's routes over HTTP, next
// to Meilisearch's own processingTimeMs.
//
// Options: --products 100000  --samples 40 (per query shape)  --regenerate (rebuild the catalog)
// It uses a database of its own (`shikposh_bench` on the configured or embedded PostgreSQL, or
// BENCH_DATABASE_URL) and indexes prefixed `bench_`, and needs `npm run build` (it runs it if missing).
import './env-file.ts'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { parseArgs } from 'node:util'
import { parseEnv } from '~/infra/env.server.ts'
import type { ProductDocument } from '~/services/search/document.ts'
import type { SearchScope, SearchState } from '~/services/search/state.ts'
import {
  BENCH_INDEX_PREFIX,
  ensureBuild,
  prepareBenchServices,
  startBuiltApp,
} from './bench/environment.ts'
import { COLORS, generateCatalog, LISTED_SQL, TREE } from './bench/synthetic-catalog.ts'

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '40' },
    regenerate: { type: 'boolean', default: false },
  },
})
const PRODUCTS = Number(args.products)
const SAMPLES = Number(args.samples)

const log = (message: string) => console.log(message)

// ---------------------------------------------------------------- services, before the app's modules read the configuration

const base = parseEnv(process.env)
const services = await prepareBenchServices()
const { benchUrl, meiliHost, meiliKey } = services

const { prisma } = await import('~/infra/db.server.ts')
const { getSearchClient, waitForTasks, closeSearchClient } =
  await import('~/infra/search/client.server.ts')
const { reindexProducts } = await import('~/services/search/reindex.server.ts')
const { applyProductIndexSettings } = await import('~/services/search/settings.server.ts')
const { planSearch } = await import('~/services/search/search.server.ts')
const { UNIVERSE_TTL_MS } = await import('~/services/search/universe-cache.server.ts')
const { getCatalogLabels } = await import('~/services/search/labels.server.ts')
const { EMPTY_STATE, searchPriceUnit, searchStateToParams } =
  await import('~/services/search/state.ts')

// ---------------------------------------------------------------- helpers

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    n: sorted.length,
  }
}
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1)).padStart(8)

/** A small seeded generator, so every run asks the same questions. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
const meiliAgent = new http.Agent({ keepAlive: true, maxSockets: 1 })

/** The baseline the issue names: Meilisearch's multi-search as raw HTTP, keep-alive, no client. */
function postMultiSearch(body: string) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const request = http.request(
      new URL('/multi-search', meiliHost),
      {
        method: 'POST',
        agent: meiliAgent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          ...(meiliKey ? { Authorization: `Bearer ${meiliKey}` } : {}),
        },
      },
      (response) => {
        let bytes = 0
        response.on('data', (chunk: Buffer) => (bytes += chunk.length))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }))
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

function get(url: string) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const request = http.get(url, { agent, headers: { Accept: 'text/html' } }, (response) => {
      let bytes = 0
      response.on('data', (chunk: Buffer) => (bytes += chunk.length))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }))
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

// ---------------------------------------------------------------- 1. the catalog in PostgreSQL

async function ensureCatalog() {
  const count = await prisma.product.count()
  if (count === PRODUCTS && !args.regenerate) {
    log(
      `Catalog: ${count} products already in ${new URL(benchUrl).pathname.slice(1)} (--regenerate to rebuild)`,
    )
    // Catalogs generated before the index followed Product.listed.
    await prisma.$executeRawUnsafe(LISTED_SQL)
    return
  }
  log(`Generating ${PRODUCTS} products into ${new URL(benchUrl).pathname.slice(1)} …`)
  await generateCatalog(benchUrl, { products: PRODUCTS, log: (message) => log(`  ${message}`) })
}

// ---------------------------------------------------------------- 2. indexing

function syntheticDocuments(count: number): ProductDocument[] {
  const next = random(7)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const leaves = TREE.flatMap((root) =>
    root.children.flatMap((child) => child.leaves.map((leaf) => ({ root, child, leaf }))),
  )
  const words = [
    'classic',
    'relaxed',
    'linen',
    'wool',
    'cotton',
    'denim',
    'silk',
    'organic',
    'vintage',
    'cropped',
  ]
  return Array.from({ length: count }, (_, i) => {
    const { root, child, leaf } = leaves[i % leaves.length]!
    const colors = [pick(COLORS), pick(COLORS)]
    const regular = 500 + Math.floor(next() * 30_000)
    const onSale = next() < 0.2
    const ratingCount = Math.floor(next() ** 4 * 300)
    const rating = ratingCount ? Math.round((2.5 + next() * 2.5) * 10) / 10 : 0
    const title = `${pick(words)} ${pick(words)} ${pick(leaf.nouns)}`
    return {
      id: `syn-${i}`,
      slug: `syn-${i}`,
      title,
      description: `${title}. Made in small batches by an independent shop; pairs well with everything in your wardrobe.`,
      locale: 'en' as const,
      translatedTitle: null,
      translatedDescription: null,
      tags: [pick(words)],
      price: onSale ? Math.round(regular * 0.8) : regular,
      regularPrice: regular,
      onSale,
      percentOff: onSale ? 20 : null,
      colors: colors.map(([slug]) => slug),
      colorNames: colors.map(([, name]) => name),
      swatches: colors.map(([slug, name, hex]) => ({ slug, name, nameFa: null, hex })),
      sizes:
        leaf.scale === 'letter'
          ? ['S', 'M', 'L']
          : leaf.scale === 'eu-shoe'
            ? ['40', '41', '42']
            : ['One size'],
      inStock: next() > 0.15,
      categories: [root.slug, child.slug, leaf.slug],
      categoryLvl0: root.slug,
      categoryLvl1: child.slug,
      categoryLvl2: leaf.slug,
      categoryNames: [root.name, child.name, leaf.name],
      categoryPath: [root, child, leaf].map(({ slug, name }) => ({ slug, name, nameFa: null })),
      brand: `brand-${i % 300}`,
      brandName: `Brand ${i % 300}`,
      brandNameFa: null,
      shop: `shop-${i % 600}`,
      shopName: `Shop ${i % 600}`,
      rating,
      ratingBucket: Math.floor(rating),
      ratingCount,
      salesCount: Math.floor(next() ** 3 * 2000),
      featured: i % 97 === 0,
      publishedAt: Date.now() - Math.floor(next() * 365 * 86_400_000),
      images: [],
    }
  })
}

async function benchIndexing() {
  const client = getSearchClient()
  const uid = `${BENCH_INDEX_PREFIX}synthetic_products`
  await waitForTasks([await client.deleteIndex(uid)]).catch(() => {})
  await applyProductIndexSettings(uid)
  const documents = syntheticDocuments(PRODUCTS)
  const started = performance.now()
  const tasks = []
  for (let i = 0; i < documents.length; i += 10_000)
    tasks.push(
      await client.index(uid).addDocuments(documents.slice(i, i + 10_000), { primaryKey: 'id' }),
    )
  await waitForTasks(tasks, { timeoutMs: 60 * 60_000 })
  const direct = (performance.now() - started) / 1000
  await waitForTasks([await client.deleteIndex(uid)])

  log('Rebuilding the product index from PostgreSQL (what npm run search:reindex does) …')
  const rebuilt = await reindexProducts()
  return { direct, directDocs: documents.length, rebuilt }
}

// ---------------------------------------------------------------- 3. searching

type Sample = { path: string; state: SearchState; scope: SearchScope }

async function samples(): Promise<{ search: Sample[]; grids: Sample[] }> {
  const [brands, shops] = await Promise.all([
    prisma.$queryRaw<
      Array<{ slug: string }>
    >`SELECT b.slug FROM "Brand" b JOIN "Product" p ON p."brandId" = b.id GROUP BY b.slug ORDER BY count(*) DESC LIMIT 20`,
    prisma.$queryRaw<
      Array<{ slug: string }>
    >`SELECT s.slug FROM "Shop" s JOIN "Product" p ON p."shopId" = s.id WHERE s.status = 'ACTIVE' GROUP BY s.slug ORDER BY count(*) DESC LIMIT 20`,
  ])
  const next = random(42)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const colors = COLORS.map(([slug]) => slug)
  const shapes: Array<() => Partial<SearchState>> = [
    () => ({ q: 'dress', category: 'women', color: [pick(colors)] }),
    () => ({ category: 'sneakers', size: [pick(['40', '41', '42', '43'])], sort: 'price-asc' }),
    () => ({ q: 'linen shirt', minPrice: 2000, maxPrice: 8000, onSale: true }),
    () => ({
      q: 'sneakers',
      brand: [pick(brands).slug, pick(brands).slug],
      inStock: true,
      rating: 4,
    }),
    () => ({ color: [pick(colors), pick(colors)], size: ['M'], sort: 'newest' }),
    () => ({ q: 'wool sweater', category: 'clothing', brand: [pick(brands).slug], page: 2 }),
    () => ({ q: 'jacket', shop: [pick(shops).slug], inStock: true, sort: 'rating' }),
    () => ({
      q: pick(['tote', 'bag', 'beanie', 'scarf']),
      color: [pick(colors)],
      maxPrice: 10000,
      sort: 'best-selling',
    }),
  ]
  // Category, brand and shop grids: the same engine with the page's scope, browsed and refined.
  const gridShapes: Array<() => { path: string; scope: SearchScope; state: Partial<SearchState> }> =
    [
      () => ({ path: '/c/clothing', scope: { category: 'clothing' }, state: {} }),
      () => ({
        path: '/c/women',
        scope: { category: 'women' },
        state: { color: [pick(colors)], sort: 'price-asc' },
      }),
      () => ({
        path: '/c/women-dresses',
        scope: { category: 'women-dresses' },
        state: { size: ['M'], inStock: true, page: 3 },
      }),
      () => ({
        path: '/c/sneakers',
        scope: { category: 'sneakers' },
        state: { brand: [pick(brands).slug], maxPrice: 12000, sort: 'newest' },
      }),
      () => {
        const brand = pick(brands).slug
        return {
          path: `/brands/${brand}`,
          scope: { brand },
          state: { category: 'women', onSale: true },
        }
      },
      () => {
        const shop = pick(shops).slug
        return {
          path: `/shops/${shop}`,
          scope: { shop },
          state: { color: [pick(colors)], sort: 'rating', page: 2 },
        }
      },
    ]
  const search: Sample[] = []
  const grids: Sample[] = []
  for (let i = 0; i < SAMPLES; i++) {
    for (const shape of shapes)
      search.push({ path: '/search', scope: {}, state: { ...EMPTY_STATE, ...shape() } })
    for (const shape of gridShapes) {
      const { path, scope, state } = shape()
      grids.push({ path, scope, state: { ...EMPTY_STATE, ...state } })
    }
  }
  return { search, grids }
}

/** The route module of a results page, as Remix names it in `_routes`. */
function routeIdOf(path: string) {
  if (path === '/search') return 'routes/($locale).search'
  const kind = path.split('/')[1]
  return `routes/($locale).${kind}.$slug`
}

type Timings = {
  raw: number[]
  direct: number[]
  directFetch: number[]
  processing: number[]
  html: number[]
  loaderOnly: number[]
  pageLoader: number[]
  queries: number
  hits: number
  htmlBytes: number
}

function summary(timings: Timings, pages: number) {
  return {
    raw: stats(timings.raw),
    direct: stats(timings.direct),
    directFetch: stats(timings.directFetch),
    processing: stats(timings.processing),
    html: stats(timings.html),
    loaderOnly: stats(timings.loaderOnly),
    pageLoader: stats(timings.pageLoader),
    queriesPerPage: timings.queries / pages,
    hitsPerPage: timings.hits / pages,
    htmlKb: timings.htmlBytes / pages / 1024,
  }
}

async function benchSearch() {
  const labels = await getCatalogLabels()
  const client = getSearchClient()
  const { Meilisearch } = await import('meilisearch')
  const fetchClient = new Meilisearch({ host: meiliHost, apiKey: meiliKey })
  const sets = await samples()
  ensureBuild(process.cwd(), { log })
  const app = await startBuiltApp(services, { sessionSecret: randomBytes(32).toString('hex') })
  log(`Started the production build on port ${app.port}`)
  const { port } = app
  const priceUnit = searchPriceUnit(base.STORE_CURRENCY, base.STORE_PRICE_DISPLAY)

  const empty = (): Timings => ({
    raw: [],
    direct: [],
    directFetch: [],
    processing: [],
    html: [],
    loaderOnly: [],
    pageLoader: [],
    queries: 0,
    hits: 0,
    htmlBytes: 0,
  })
  // The app remembers for a minute which facet values exist for a query and scope; ask exactly what it asks.
  const universeAsked = new Map<string, number>()
  const run = async (
    { path, state, scope }: Sample,
    timings: Timings | null,
    withFetch: boolean,
  ) => {
    const key = JSON.stringify([state.q, scope])
    const asked = universeAsked.get(key)
    const universe = asked === undefined || Date.now() - asked > UNIVERSE_TTL_MS
    if (universe) universeAsked.set(key, Date.now())
    const plan = planSearch(state, labels, { universe, scope })
    const body = JSON.stringify({ queries: plan.queries })
    let started = performance.now()
    const raw = await postMultiSearch(body)
    const rawMs = performance.now() - started
    if (raw.status !== 200) throw new Error(`Meilisearch answered ${raw.status} to a multi-search`)
    started = performance.now()
    const response = await client.multiSearch({ queries: plan.queries })
    const directMs = performance.now() - started
    if (withFetch) {
      started = performance.now()
      await fetchClient.multiSearch({ queries: plan.queries })
      if (timings) timings.directFetch.push(performance.now() - started)
    }
    const query = searchStateToParams(state, priceUnit).toString()
    started = performance.now()
    const page = await get(`http://127.0.0.1:${port}${path}?${query}`)
    const htmlMs = performance.now() - started
    started = performance.now()
    const data = await get(`http://127.0.0.1:${port}${path}.data?${query}`)
    const dataMs = performance.now() - started
    // What the browser asks on a filter or sort click: the page's loader alone (root.tsx's
    // shouldRevalidate keeps the header's data).
    started = performance.now()
    const own = await get(
      `http://127.0.0.1:${port}${path}.data?${query}&_routes=${encodeURIComponent(routeIdOf(path))}`,
    )
    const ownMs = performance.now() - started
    if (page.status !== 200 || data.status !== 200 || own.status !== 200)
      throw new Error(
        `${path} answered ${page.status} / ${data.status} / ${own.status} for ?${query}`,
      )
    if (!timings) return
    timings.raw.push(rawMs)
    timings.direct.push(directMs)
    timings.html.push(htmlMs)
    timings.loaderOnly.push(dataMs)
    timings.pageLoader.push(ownMs)
    timings.processing.push(
      response.results.reduce((sum, result) => sum + result.processingTimeMs, 0),
    )
    timings.queries += plan.queries.length
    timings.hits += response.results[0]?.hits.length ?? 0
    timings.htmlBytes += page.bytes
  }
  const search = empty()
  const grids = empty()
  try {
    log('Warming up …')
    for (const sample of [...sets.search.slice(0, 16), ...sets.grids.slice(0, 12)])
      await run(sample, null, true)
    log(
      `Measuring ${sets.search.length} search pages and ${sets.grids.length} grid pages (one at a time) …`,
    )
    for (const [i, sample] of sets.search.entries()) await run(sample, search, i % 4 === 0)
    for (const [i, sample] of sets.grids.entries()) await run(sample, grids, i % 4 === 0)
  } finally {
    await app.stop()
  }
  return { search: summary(search, sets.search.length), grids: summary(grids, sets.grids.length) }
}

// ---------------------------------------------------------------- run

try {
  await ensureCatalog()
  const [products, variants, visible] = await Promise.all([
    prisma.product.count(),
    prisma.variant.count(),
    prisma.product.count({ where: { listed: true } }),
  ])
  log('Indexing synthetic documents straight into Meilisearch …')
  const indexing = await benchIndexing()
  const measured = await benchSearch()

  log('')
  log(
    `Catalog: ${products} products, ${variants} variants; ${visible} listed (published in open shops)`,
  )
  log('Indexing')
  log(
    `  documents straight into Meilisearch (10k per request): ${indexing.directDocs} in ${indexing.direct.toFixed(1)} s = ${Math.round(indexing.directDocs / indexing.direct)} documents/s`,
  )
  log(
    `  from PostgreSQL (search:reindex: build documents, index, swap): ${indexing.rebuilt.documents} in ${(indexing.rebuilt.ms / 1000).toFixed(1)} s = ${Math.round((indexing.rebuilt.documents / indexing.rebuilt.ms) * 1000)} documents/s`,
  )
  const report = (
    title: string,
    route: string,
    result: Awaited<ReturnType<typeof benchSearch>>['search'],
  ) => {
    const line = (label: string, value: { p50: number; p95: number; p99: number; n: number }) =>
      log(`  ${label.padEnd(46)}${ms(value.p50)}${ms(value.p95)}${ms(value.p99)}   (n=${value.n})`)
    log(
      `${title}; ${result.queriesPerPage.toFixed(1)} Meilisearch queries per page (one multi-search), ${result.hitsPerPage.toFixed(1)} hits, ${result.htmlKb.toFixed(0)} KB of HTML`,
    )
    log(
      `  ${'milliseconds'.padEnd(46)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}`,
    )
    line("Meilisearch's own processingTimeMs (sum)", result.processing)
    line('raw: POST /multi-search, keep-alive node:http', result.raw)
    line('direct: meilisearch client, keep-alive node:http', result.direct)
    line('direct: meilisearch client on Node fetch', result.directFetch)
    line(`app: ${route}.data (loader only, JSON)`, result.loaderOnly)
    line(`app: ${route}.data, page loader (filter click)`, result.pageLoader)
    line(`app: ${route} (whole HTML page)`, result.html)
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`
    log(
      `  against raw HTTP (the issue's goals: data p50 <= 1.3x, HTML p50 <= 2x): data p50 ${ratio(result.loaderOnly.p50, result.raw.p50)} (a filter click's ${ratio(result.pageLoader.p50, result.raw.p50)}), HTML p50 ${ratio(result.html.p50, result.raw.p50)}`,
    )
    log(
      `  overhead, app page / direct: p50 ${ratio(result.html.p50, result.direct.p50)}, p95 ${ratio(result.html.p95, result.direct.p95)}; loader / direct: p50 ${ratio(result.loaderOnly.p50, result.direct.p50)}, p95 ${ratio(result.loaderOnly.p95, result.direct.p95)}`,
    )
  }
  report(
    `Search: ${SAMPLES * 8} result pages of 8 shapes (2-3 filters, every facet)`,
    '/search',
    measured.search,
  )
  report(
    `Grids: ${SAMPLES * 6} category, brand and shop pages of 6 shapes (a scope, 0-3 filters, every facet)`,
    '/<grid>',
    measured.grids,
  )
} finally {
  closeSearchClient()
  agent.destroy()
  meiliAgent.destroy()
  await prisma.$disconnect()
  await services.stop()
}
process.exit(0)

// `npm run catalog:explain`: prints the query plans (EXPLAIN ANALYZE, BUFFERS) of the
// storefront queries that still read PostgreSQL (the home page's rows, cards, the product page;
// the category, brand and shop grids page through search, see `npm run bench:search`) against
// the configured database, and how long the home page's collections take through the service.
// Run it after `npm run seed:bulk` to see them at scale.
import './env-file.ts'
import { prisma, Prisma } from '~/infra/db.server.ts'
import { getHomeCollections, homeQueries } from '~/services/catalog/storefront.server.ts'
import { runTask } from './run.ts'

async function explain(title: string, query: Prisma.Sql) {
  const rows = await prisma.$queryRaw<Array<{ 'QUERY PLAN': string }>>(
    Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`,
  )
  console.log(`\n### ${title}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`)
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

await runTask(async () => {
  const [products, listed] = await Promise.all([
    prisma.product.count(),
    prisma.product.count({ where: { listed: true } }),
  ])
  console.log(
    `Catalog: ${products.toLocaleString('en-US')} products, ${listed.toLocaleString('en-US')} in the store`,
  )
  const [one] = await prisma.$queryRaw<
    Array<{ slug: string; id: string; shopId: string }>
  >`SELECT slug, id, "shopId" FROM "Product" WHERE listed LIMIT 1`
  if (!one) throw new Error('Seed the catalog first (npm run db:seed or npm run seed:bulk).')

  const home = homeQueries(new Date())
  await explain('Home: featured', home.featured)
  await explain('Home: new arrivals (30 days)', home.newArrivals)
  await explain('Home: on sale now', home.onSale)

  const ids = (await prisma.$queryRaw<Array<{ id: string }>>(home.newArrivals)).map((row) => row.id)
  await explain(
    'Cards for a row: products',
    Prisma.sql`SELECT id, slug, title, "minPrice", "discountPercent", "shopId", "brandId" FROM "Product" WHERE id = ANY(${ids}::text[]) AND listed`,
  )
  await explain(
    'Cards for a row: their variants',
    Prisma.sql`SELECT "productId", stock, price, "colorId" FROM "Variant" WHERE "productId" = ANY(${ids}::text[])`,
  )
  await explain(
    'Product page by slug',
    Prisma.sql`SELECT * FROM "Product" WHERE slug = ${one.slug}`,
  )
  await explain(
    'Product page variants',
    Prisma.sql`SELECT * FROM "Variant" WHERE "productId" = ${one.id}`,
  )
  await explain(
    'Product page: more from the shop',
    Prisma.sql`SELECT id FROM "Product" WHERE "shopId" = ${one.shopId} AND listed AND id <> ${one.id} ORDER BY "publishedAt" DESC, id DESC LIMIT 4`,
  )

  console.log(
    '\n### The home page through getHomeCollections (three rows + cards), 30 runs after a warm-up',
  )
  await getHomeCollections()
  const times: number[] = []
  for (let run = 0; run < 30; run++) {
    const started = performance.now()
    await getHomeCollections()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  console.log(
    `Home collections: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
  )
})

// `npm run catalog:explain`: prints the query plans (EXPLAIN ANALYZE, BUFFERS) of the
// storefront's listing queries against the configured database, and how long whole grid pages
// take through the service. Run it after `npm run seed:bulk` to see them at scale.
import './env-file.ts'
import { prisma, Prisma } from '~/infra/db.server.ts'
import type { Sort } from '~/services/catalog/schemas.ts'
import { cappedCountQuery, homeQueries, listProducts, pageIdsQuery, type ListingScope } from '~/services/catalog/storefront.server.ts'
import { getCategoryTree, subtreeIds } from '~/services/catalog/taxonomy.server.ts'
import { runTask } from './run.ts'

async function explain(title: string, query: Prisma.Sql) {
  const rows = await prisma.$queryRaw<Array<{ 'QUERY PLAN': string }>>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`)
  console.log(`\n### ${title}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`)
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

await runTask(async () => {
  const [products, listed] = await Promise.all([prisma.product.count(), prisma.product.count({ where: { listed: true } })])
  console.log(`Catalog: ${products.toLocaleString('en-US')} products, ${listed.toLocaleString('en-US')} in the store`)
  const tree = await getCategoryTree()
  const top = tree.bySlug.get('clothing') ?? tree.roots[0]
  const leaf = tree.bySlug.get('dresses') ?? [...tree.byId.values()].find((node) => !node.children.length)
  const [brand] = await prisma.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT b.id, b.name FROM "Brand" b ORDER BY (SELECT count(*) FROM "Product" p WHERE p."brandId" = b.id) DESC LIMIT 1`
  const [shop] = await prisma.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT s.id, s.name FROM "Shop" s ORDER BY (SELECT count(*) FROM "Product" p WHERE p."shopId" = s.id) DESC LIMIT 1`
  if (!top || !leaf || !brand || !shop) throw new Error('Seed the catalog first (npm run db:seed or npm run seed:bulk).')

  const clothing: ListingScope = { kind: 'categories', categoryIds: subtreeIds(tree, top.id) }
  const scenarios: Array<[string, ListingScope, Sort, number]> = [
    [`Category "${top.name}" with its ${clothing.categoryIds.length - 1} sub-categories, newest, page 1`, clothing, 'newest', 1],
    [`Category "${top.name}" sub-tree, price low to high, page 1`, clothing, 'price_asc', 1],
    [`Category "${top.name}" sub-tree, newest, page 20`, clothing, 'newest', 20],
    [`Leaf category "${leaf.name}", price high to low, page 1`, { kind: 'categories', categoryIds: [leaf.id] }, 'price_desc', 1],
    [`Brand "${brand.name}", newest, page 1`, { kind: 'brand', brandId: brand.id }, 'newest', 1],
    [`Shop "${shop.name}", price low to high, page 1`, { kind: 'shop', shopId: shop.id }, 'price_asc', 1],
  ]
  for (const [title, scope, sort, page] of scenarios) await explain(title, pageIdsQuery(scope, sort, page))
  await explain(`Capped count of the "${top.name}" sub-tree (stops at the last page offered)`, cappedCountQuery(clothing))
  const home = homeQueries(new Date())
  await explain('Home: featured', home.featured)
  await explain('Home: new arrivals (30 days)', home.newArrivals)
  await explain('Home: on sale now', home.onSale)

  const ids = (await prisma.$queryRaw<Array<{ id: string }>>(pageIdsQuery(clothing, 'newest', 1))).map((row) => row.id)
  await explain('Cards for a page of 24: products', Prisma.sql`SELECT id, slug, title, "minPrice", "discountPercent", "shopId", "brandId" FROM "Product" WHERE id = ANY(${ids}::text[]) AND listed`)
  await explain('Cards for a page of 24: their variants', Prisma.sql`SELECT "productId", stock, price, "colorId" FROM "Variant" WHERE "productId" = ANY(${ids}::text[])`)
  const [one] = await prisma.$queryRaw<Array<{ slug: string; id: string }>>`SELECT slug, id FROM "Product" WHERE listed LIMIT 1`
  await explain('Product page by slug', Prisma.sql`SELECT * FROM "Product" WHERE slug = ${one!.slug}`)
  await explain('Product page variants', Prisma.sql`SELECT * FROM "Variant" WHERE "productId" = ${one!.id}`)

  console.log('\n### Whole grid pages through listProducts (ids + capped count + cards), 30 runs each after a warm-up')
  for (const [title, scope, sort, page] of scenarios) {
    await listProducts(scope, { sort, page })
    const times: number[] = []
    for (let run = 0; run < 30; run++) {
      const started = performance.now()
      await listProducts(scope, { sort, page })
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    console.log(`${title}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`)
  }
})

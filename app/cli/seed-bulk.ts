// `npm run seed:bulk -- --products 100000 [--shops 200] [--batch 5000] [--seed 7] [--photos]`:
// adds a large synthetic catalog for benchmarks, in batches of multi-row INSERTs (one statement
// per table per batch, columns passed as arrays through unnest). With `--photos` every product
// gets photos borrowed from a small pool uploaded through the media service (`--photo-pool`,
// `--photos-per-product`; see bench/bulk-photos.ts). It queues no search jobs: rebuild the
// search index afterwards with `npm run search:reindex`.
import './env-file.ts'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { derivePricing, isListed } from '~/services/catalog/derived.ts'
import { slugify } from '~/services/catalog/schemas.ts'
import { generateProduct, seedTaxonomy } from '../../prisma/seed/catalog.ts'
import { DEMO_PASSWORD } from '../../prisma/seed/index.ts'
import { createRandom } from '../../prisma/seed/random.ts'
import { hashPassword } from '~/services/accounts/passwords.server.ts'
import { attachBulkPhotos } from './bench/bulk-photos.ts'
import { runTask } from './run.ts'

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '100000' },
    shops: { type: 'string' },
    batch: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '7' },
    photos: { type: 'boolean', default: false },
    'photo-pool': { type: 'string', default: '24' },
    'photos-per-product': { type: 'string', default: '2' },
  },
})

function positive(name: string, text: string | undefined, max: number) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}`)
    process.exit(64)
  }
  return value
}

const PRODUCTS = positive('products', values.products, 10_000_000)
const BATCH = positive('batch', values.batch, 50_000)
const SHOPS = positive(
  'shops',
  values.shops ?? String(Math.min(1000, Math.max(10, Math.ceil(PRODUCTS / 500)))),
  100_000,
)
const SEED = positive('seed', values.seed, 2 ** 31)
const PHOTO_POOL = positive('photo-pool', values['photo-pool'], 500)
const PHOTOS_PER_PRODUCT = positive('photos-per-product', values['photos-per-product'], 4)
const PARALLEL = 2

type Column = readonly [name: string, arrayType: string, select?: string]

const PRODUCT_COLUMNS: Column[] = [
  ['id', 'text'],
  ['shopId', 'text'],
  ['title', 'text'],
  ['slug', 'text'],
  ['description', 'text'],
  ['categoryId', 'text'],
  ['brandId', 'text'],
  ['sizeScaleId', 'text'],
  // unnest cannot take a two-dimensional array of uneven rows: each row's tags travel as an array literal.
  ['tags', 'text', '"tags"::text[]'],
  ['status', 'text', '"status"::"ProductStatus"'],
  ['publishedAt', 'timestamptz'],
  ['featured', 'bool'],
  ['price', 'int4'],
  ['minPrice', 'int4'],
  ['effectivePrice', 'int4'],
  ['onSale', 'bool'],
  ['listed', 'bool'],
  ['discountPercent', 'int4'],
  ['discountStartsAt', 'timestamptz'],
  ['discountEndsAt', 'timestamptz'],
]

const VARIANT_COLUMNS: Column[] = [
  ['id', 'text'],
  ['productId', 'text'],
  ['colorId', 'text'],
  ['sizeId', 'text'],
  ['sku', 'text'],
  ['stock', 'int4'],
  ['price', 'int4'],
]

/** INSERT … SELECT FROM unnest($1::text[], $2::int4[], …): one round trip for a whole batch. */
function bulkInsert(table: string, columns: Column[]) {
  const names = columns.map(([name]) => `"${name}"`).join(', ')
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')
  const select = columns.map(([name, , expression]) => expression ?? `"${name}"`).join(', ')
  return `INSERT INTO "${table}" (${names}, "createdAt", "updatedAt") SELECT ${select}, now(), now() FROM unnest(${arrays}) AS t(${names})`
}

const PRODUCT_SQL = bulkInsert('Product', PRODUCT_COLUMNS)
const VARIANT_SQL = bulkInsert('Variant', VARIANT_COLUMNS)

const pgArray = (items: string[]) =>
  `{${items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`

await runTask(async (env) => {
  const started = performance.now()
  const vocabulary = await seedTaxonomy()
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: PARALLEL })
  const run = randomBytes(3).toString('hex')
  const random = createRandom(SEED)
  const now = new Date()

  // Shops for the synthetic products, with owners who can sign in with the demo password.
  const hash = await hashPassword(DEMO_PASSWORD)
  const shopIds: string[] = []
  {
    const ids = Array.from(
      { length: SHOPS },
      (_, index) => `bs${run}${index.toString(36).padStart(5, '0')}`,
    )
    const users = ids.map((id) => `bu${id.slice(2)}`)
    await pool.query(
      `INSERT INTO "User" (id, email, name, roles, "createdAt", "updatedAt")
       SELECT id, email, name, ARRAY['SHOPPER','SELLER']::"Role"[], now(), now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, email, name)`,
      [
        users,
        users.map((id) => `${id}@bulk.shikposh.test`),
        users.map((_, index) => `Bulk Seller ${run}-${index + 1}`),
      ],
    )
    await pool.query(
      `INSERT INTO "Password" ("userId", hash) SELECT id, $2 FROM unnest($1::text[]) AS t(id)`,
      [users, hash],
    )
    await pool.query(
      `INSERT INTO "Shop" (id, "ownerId", name, slug, description, "createdAt", "updatedAt")
       SELECT id, owner, name, slug, '', now(), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, owner, name, slug)`,
      [
        ids,
        users,
        ids.map((_, index) => `Bulk Boutique ${run}-${index + 1}`),
        ids.map((_, index) => `bulk-boutique-${run}-${index + 1}`),
      ],
    )
    shopIds.push(...ids)
  }

  let products = 0
  let variants = 0
  let lastReport = performance.now()
  const inFlight = new Set<Promise<void>>()
  const insertBatch = async (productRows: unknown[][], variantRows: unknown[][]) => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query(PRODUCT_SQL, productRows)
      await client.query(VARIANT_SQL, variantRows)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
  for (let offset = 0; offset < PRODUCTS; offset += BATCH) {
    const size = Math.min(BATCH, PRODUCTS - offset)
    const productRows: unknown[][] = PRODUCT_COLUMNS.map(() => [])
    const variantRows: unknown[][] = VARIANT_COLUMNS.map(() => [])
    for (let index = offset; index < offset + size; index++) {
      const tag = `${run}${index.toString(36).padStart(6, '0')}`
      const id = `bp${tag}`
      const generated = generateProduct(random, vocabulary, vocabulary.leaves, tag, now)
      const derived = derivePricing(generated, generated.variants, now)
      const row = [
        id,
        shopIds[index % shopIds.length]!,
        generated.title,
        `${slugify(generated.title)}-${tag}`,
        generated.description,
        generated.categoryId,
        generated.brandId,
        generated.sizeScaleId,
        pgArray(generated.tags),
        generated.status,
        generated.publishedAt,
        generated.featured && random.chance(0.05),
        generated.price,
        derived.minPrice,
        derived.effectivePrice,
        derived.onSale,
        isListed(generated.status, 'ACTIVE'),
        generated.discountPercent,
        generated.discountStartsAt,
        generated.discountEndsAt,
      ]
      row.forEach((value, column) => productRows[column]!.push(value))
      generated.variants.forEach((variant, position) => {
        ;[
          `bv${tag}${position.toString(36)}`,
          id,
          variant.colorId,
          variant.sizeId,
          variant.sku,
          variant.stock,
          variant.price,
        ].forEach((value, column) => variantRows[column]!.push(value))
      })
    }
    // Two batches in flight: PostgreSQL maintains the indexes of one while it receives the next.
    if (inFlight.size >= PARALLEL) await Promise.race(inFlight)
    const job = insertBatch(productRows, variantRows).then(() => {
      inFlight.delete(job)
      products += size
      variants += variantRows[0]!.length
      if (performance.now() - lastReport > 5000 || products === PRODUCTS) {
        lastReport = performance.now()
        const seconds = (performance.now() - started) / 1000
        console.log(
          `  ${products.toLocaleString('en-US')} products, ${variants.toLocaleString('en-US')} variants · ${Math.round(products / seconds).toLocaleString('en-US')} products/s`,
        )
      }
    })
    inFlight.add(job)
  }
  await Promise.all(inFlight)
  const photos = values.photos
    ? await attachBulkPhotos({
        where: { id: { startsWith: `bp${run}` } },
        poolSize: PHOTO_POOL,
        perProduct: PHOTOS_PER_PRODUCT,
        cacheDir: path.join(env.dataDir, 'demo-photos'),
        log: console.log,
      })
    : null
  // Fresh statistics and visibility map, so the planner and index-only scans see the new rows at once.
  await pool.query(
    'VACUUM (ANALYZE) "Product", "Variant", "MediaAsset", "MediaVariant", "ProductImage"',
  )
  await pool.end()

  const seconds = (performance.now() - started) / 1000
  console.log(
    [
      `Added ${products.toLocaleString('en-US')} products with ${variants.toLocaleString('en-US')} variants in ${SHOPS} new shops in ${seconds.toFixed(1)} s`,
      `  ${Math.round(products / seconds).toLocaleString('en-US')} products/s and ${Math.round(variants / seconds).toLocaleString('en-US')} variants/s (batches of ${BATCH.toLocaleString('en-US')}, ${PARALLEL} at a time).`,
      ...(photos
        ? [
            `  Photos: ${photos.images.toLocaleString('en-US')} on ${photos.products.toLocaleString('en-US')} products, from ${photos.pooled} products' uploaded photos, in ${photos.seconds.toFixed(1)} s (included above).`,
          ]
        : []),
      'No search jobs were queued: rebuild the search index with `npm run search:reindex`.',
    ].join('\n'),
  )
})

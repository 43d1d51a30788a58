// Over 400 lines on purpose: mostly the SQL that builds the catalog, one table after another.
import pg from 'pg'

// A compact generator of large synthetic catalogs for the search benchmark: categories, brands,
// shops, colours, sizes, and N products with 2-9 variants each, written with set-based SQL
// (generate_series) so 100k products take seconds. Deterministic for a given size (setseed).
// It empties the catalog tables of the database it is given: use it on a benchmark database.

type CategorySpec = {
  slug: string
  name: string
  scale: 'letter' | 'eu-shoe' | 'one-size'
  nouns: string[]
}
type Branch = {
  slug: string
  name: string
  children: Array<{ slug: string; name: string; leaves: CategorySpec[] }>
}

export const TREE: Branch[] = [
  {
    slug: 'clothing',
    name: 'Clothing',
    children: [
      {
        slug: 'women',
        name: 'Women',
        leaves: [
          {
            slug: 'women-dresses',
            name: 'Dresses',
            scale: 'letter',
            nouns: ['dress', 'maxi dress', 'midi dress', 'wrap dress', 'shirt dress'],
          },
          {
            slug: 'women-tops',
            name: 'Tops',
            scale: 'letter',
            nouns: ['blouse', 'tee', 'tank top', 'shirt', 'camisole'],
          },
          {
            slug: 'women-knitwear',
            name: 'Knitwear',
            scale: 'letter',
            nouns: ['sweater', 'cardigan', 'jumper', 'turtleneck'],
          },
          {
            slug: 'women-jeans',
            name: 'Jeans',
            scale: 'letter',
            nouns: ['jeans', 'skinny jeans', 'wide-leg jeans', 'mom jeans'],
          },
          {
            slug: 'women-coats',
            name: 'Coats & jackets',
            scale: 'letter',
            nouns: ['coat', 'trench coat', 'puffer jacket', 'blazer', 'parka'],
          },
        ],
      },
      {
        slug: 'men',
        name: 'Men',
        leaves: [
          {
            slug: 'men-t-shirts',
            name: 'T-shirts',
            scale: 'letter',
            nouns: ['t-shirt', 'tee', 'polo shirt', 'henley'],
          },
          {
            slug: 'men-shirts',
            name: 'Shirts',
            scale: 'letter',
            nouns: ['shirt', 'oxford shirt', 'flannel shirt', 'linen shirt'],
          },
          {
            slug: 'men-hoodies',
            name: 'Hoodies & sweatshirts',
            scale: 'letter',
            nouns: ['hoodie', 'sweatshirt', 'zip hoodie'],
          },
          {
            slug: 'men-trousers',
            name: 'Trousers',
            scale: 'letter',
            nouns: ['trousers', 'chinos', 'joggers', 'cargo pants'],
          },
          {
            slug: 'men-jackets',
            name: 'Jackets',
            scale: 'letter',
            nouns: ['jacket', 'bomber jacket', 'denim jacket', 'rain jacket'],
          },
        ],
      },
      {
        slug: 'kids',
        name: 'Kids',
        leaves: [
          {
            slug: 'kids-clothing',
            name: 'Kids’ clothing',
            scale: 'letter',
            nouns: ['romper', 'kids tee', 'dungarees', 'kids hoodie'],
          },
        ],
      },
    ],
  },
  {
    slug: 'shoes',
    name: 'Shoes',
    children: [
      {
        slug: 'shoes-all',
        name: 'All shoes',
        leaves: [
          {
            slug: 'sneakers',
            name: 'Sneakers',
            scale: 'eu-shoe',
            nouns: ['sneakers', 'running shoes', 'high-top sneakers', 'trainers'],
          },
          {
            slug: 'boots',
            name: 'Boots',
            scale: 'eu-shoe',
            nouns: ['boots', 'chelsea boots', 'ankle boots', 'hiking boots'],
          },
          {
            slug: 'sandals',
            name: 'Sandals',
            scale: 'eu-shoe',
            nouns: ['sandals', 'slides', 'espadrilles'],
          },
          { slug: 'heels', name: 'Heels', scale: 'eu-shoe', nouns: ['heels', 'pumps', 'mules'] },
        ],
      },
    ],
  },
  {
    slug: 'accessories',
    name: 'Accessories',
    children: [
      {
        slug: 'accessories-all',
        name: 'All accessories',
        leaves: [
          {
            slug: 'bags',
            name: 'Bags',
            scale: 'one-size',
            nouns: ['tote bag', 'backpack', 'crossbody bag', 'handbag'],
          },
          {
            slug: 'hats',
            name: 'Hats',
            scale: 'one-size',
            nouns: ['beanie', 'bucket hat', 'cap', 'sun hat'],
          },
          {
            slug: 'scarves',
            name: 'Scarves',
            scale: 'one-size',
            nouns: ['scarf', 'shawl', 'bandana'],
          },
          {
            slug: 'jewellery',
            name: 'Jewellery',
            scale: 'one-size',
            nouns: ['necklace', 'earrings', 'bracelet', 'ring'],
          },
        ],
      },
    ],
  },
]

export const COLORS: Array<[string, string, string]> = [
  ['black', 'Black', '#111111'],
  ['white', 'White', '#ffffff'],
  ['grey', 'Grey', '#8a8a8a'],
  ['navy', 'Navy', '#1f2a44'],
  ['blue', 'Blue', '#2e5fa8'],
  ['green', 'Green', '#2f8f4e'],
  ['olive', 'Olive', '#6b6b2a'],
  ['red', 'Red', '#c0392b'],
  ['pink', 'Pink', '#e89bb5'],
  ['purple', 'Purple', '#6d3f9c'],
  ['yellow', 'Yellow', '#e9c46a'],
  ['orange', 'Orange', '#e07a2f'],
  ['brown', 'Brown', '#7a4a2a'],
  ['beige', 'Beige', '#d8c7a6'],
  ['cream', 'Cream', '#f3ead8'],
  ['multi', 'Multicolour', '#b5838d'],
]

const SCALES: Record<CategorySpec['scale'], string[]> = {
  letter: ['XS', 'S', 'M', 'L', 'XL', 'XXL'],
  'eu-shoe': ['36', '37', '38', '39', '40', '41', '42', '43', '44', '45'],
  'one-size': ['One size'],
}

const ADJECTIVES = [
  'classic',
  'relaxed',
  'cropped',
  'oversized',
  'slim',
  'vintage',
  'essential',
  'everyday',
  'organic',
  'recycled',
  'soft',
  'structured',
  'lightweight',
  'cosy',
  'tailored',
  'striped',
  'printed',
  'ribbed',
  'washed',
  'quilted',
]
const MATERIALS = [
  'cotton',
  'linen',
  'wool',
  'denim',
  'silk',
  'leather',
  'suede',
  'cashmere',
  'jersey',
  'corduroy',
  'canvas',
  'velvet',
  'fleece',
  'satin',
  'merino',
  'twill',
]
const BRAND_WORDS = [
  'North',
  'Atlas',
  'Kumo',
  'Lumen',
  'Vela',
  'Ostra',
  'Birch',
  'Cobalt',
  'Dune',
  'Ember',
  'Fjord',
  'Gale',
  'Harbor',
  'Iris',
  'Juniper',
  'Kite',
  'Loom',
  'Moss',
  'Nova',
  'Orchid',
]
const BRAND_SUFFIXES = [
  'wind',
  'works',
  'studio',
  'supply',
  'atelier',
  'goods',
  'label',
  'club',
  'co',
  'house',
]

export type GenerateOptions = {
  products: number
  brands?: number
  shops?: number
  log?: (message: string) => void
}

function literal(values: string[]) {
  return `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]::text[]`
}

/** Empties the catalog tables and fills them with a synthetic catalog. */
export async function generateCatalog(
  databaseUrl: string,
  { products, brands = 300, shops = 600, log = () => {} }: GenerateOptions,
) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const started = Date.now()
    await client.query('BEGIN')
    await client.query(
      `TRUNCATE "Variant", "Product", "Shop", "Brand", "Category", "Size", "SizeScale", "Color", "OutboxEvent" RESTART IDENTITY CASCADE`,
    )
    await client.query(`DELETE FROM "User" WHERE email LIKE 'bench-seller-%'`)
    await client.query('SELECT setseed(0.42)')

    for (const [position, [slug, name, hex]] of COLORS.entries()) {
      await client.query(
        `INSERT INTO "Color" (id, name, slug, hex, position) VALUES ($1, $2, $3, $4, $5)`,
        [`color-${slug}`, name, slug, hex, position],
      )
    }
    for (const [code, labels] of Object.entries(SCALES)) {
      await client.query(`INSERT INTO "SizeScale" (id, code, name) VALUES ($1, $2, $3)`, [
        `scale-${code}`,
        code,
        code,
      ])
      for (const [position, label] of labels.entries()) {
        await client.query(
          `INSERT INTO "Size" (id, "scaleId", label, position) VALUES ($1, $2, $3, $4)`,
          [`size-${code}-${position}`, `scale-${code}`, label, position],
        )
      }
    }
    const leaves: CategorySpec[] = []
    let position = 0
    const category = (slug: string, name: string, parent: string | null) =>
      client.query(
        `INSERT INTO "Category" (id, name, slug, "parentId", position, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
        [`cat-${slug}`, name, slug, parent ? `cat-${parent}` : null, position++],
      )
    for (const root of TREE) {
      await category(root.slug, root.name, null)
      for (const child of root.children) {
        await category(child.slug, child.name, root.slug)
        for (const leaf of child.leaves) {
          await category(leaf.slug, leaf.name, child.slug)
          leaves.push(leaf)
        }
      }
    }
    await client.query(
      `CREATE TEMP TABLE bench_leaf (n int, id text, scale text, nouns text[], size_count int) ON COMMIT DROP`,
    )
    for (const [n, leaf] of leaves.entries()) {
      await client.query(`INSERT INTO bench_leaf VALUES ($1, $2, $3, $4, $5)`, [
        n,
        `cat-${leaf.slug}`,
        `scale-${leaf.scale}`,
        leaf.nouns,
        SCALES[leaf.scale].length,
      ])
    }

    await client.query(`
      INSERT INTO "Brand" (id, name, slug, "updatedAt")
      SELECT 'brand-' || i, name, lower(replace(name, ' ', '-')) , now()
      FROM (
        SELECT i, (${literal(BRAND_WORDS)})[1 + (i % ${BRAND_WORDS.length})] || (${literal(BRAND_SUFFIXES)})[1 + ((i / ${BRAND_WORDS.length}) % ${BRAND_SUFFIXES.length})]
          || CASE WHEN i >= ${BRAND_WORDS.length * BRAND_SUFFIXES.length} THEN ' ' || (i / ${BRAND_WORDS.length * BRAND_SUFFIXES.length} + 1) ELSE '' END AS name
        FROM generate_series(0, ${brands - 1}) AS i
      ) AS b`)
    await client.query(`
      INSERT INTO "User" (id, email, name, roles, "updatedAt")
      SELECT 'bench-seller-' || i, 'bench-seller-' || i || '@example.test', 'Seller ' || i, ARRAY['SHOPPER','SELLER']::"Role"[], now()
      FROM generate_series(0, ${shops - 1}) AS i`)
    await client.query(`
      INSERT INTO "Shop" (id, "ownerId", name, slug, status, "updatedAt")
      SELECT 'shop-' || i, 'bench-seller-' || i, initcap(w) || ' ' || initcap(m) || ' ' || i, 'shop-' || w || '-' || i,
             (CASE WHEN i % 50 = 49 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"ShopStatus", now()
      FROM (SELECT i, (${literal(ADJECTIVES)})[1 + (i % ${ADJECTIVES.length})] AS w, (${literal(MATERIALS)})[1 + (i % ${MATERIALS.length})] AS m FROM generate_series(0, ${shops - 1}) AS i) AS s`)
    log(
      `Catalog skeleton: ${leaves.length} leaf categories, ${brands} brands, ${shops} shops, ${COLORS.length} colours`,
    )

    // Products: a random leaf, a title from its nouns, a price, sometimes a discount (some
    // scheduled), ratings and sales skewed towards small numbers, and a status mix.
    await client.query(`
      INSERT INTO "Product" (id, "shopId", title, slug, description, "categoryId", "brandId", "sizeScaleId", tags, status, "publishedAt",
                             featured, price, "minPrice", "discountPercent", "discountStartsAt", "discountEndsAt",
                             "ratingCount", "ratingSum", "rating1", "rating2", "rating3", "rating4", "rating5", "salesCount", "createdAt", "updatedAt")
      SELECT 'bench-p' || i, 'shop-' || (i % ${shops}), title, slugify || '-' || i,
             initcap(adj) || ' ' || noun || ' in ' || material || '. Made in small batches by an independent shop; ' ||
               'pairs well with everything in your wardrobe. Care: gentle wash, dry flat.',
             leaf_id, CASE WHEN i % 11 = 0 THEN NULL ELSE 'brand-' || (i * 7 % ${brands}) END, leaf_scale,
             ARRAY[material, adj], (CASE WHEN i % 40 = 0 THEN 'DRAFT' WHEN i % 53 = 0 THEN 'ARCHIVED' ELSE 'ACTIVE' END)::"ProductStatus",
             now() - (random() * interval '365 days'), i % 97 = 0,
             price, price,
             CASE WHEN i % 5 = 0 THEN (ARRAY[10, 15, 20, 25, 30, 40, 50])[1 + (i % 7)] END,
             CASE WHEN i % 5 = 0 AND i % 3 = 0 THEN now() + (random() * interval '20 days') END,
             CASE WHEN i % 5 = 0 AND i % 4 = 0 THEN now() + interval '21 days' + (random() * interval '20 days') END,
             -- A star distribution that adds up to the count and sum (Product_rating_distribution):
             -- as many fives as the sum allows, one review in between, ones for the rest.
             rc, rsum, rc - (rsum - rc) / 4 - (CASE WHEN (rsum - rc) % 4 > 0 THEN 1 ELSE 0 END),
             (CASE WHEN (rsum - rc) % 4 = 1 THEN 1 ELSE 0 END), (CASE WHEN (rsum - rc) % 4 = 2 THEN 1 ELSE 0 END),
             (CASE WHEN (rsum - rc) % 4 = 3 THEN 1 ELSE 0 END), (rsum - rc) / 4,
             floor(power(random(), 3) * 2000)::int,
             now() - interval '400 days', now()
      FROM (SELECT *, CASE WHEN rc = 0 THEN 0 ELSE least(rc * 5, greatest(rc, round(rc * (2.5 + random() * 2.5))::int)) END AS rsum FROM (
        SELECT i, leaf_id, leaf_scale, adj, material, noun,
               initcap(adj) || ' ' || material || ' ' || noun AS title,
               regexp_replace(lower(adj || ' ' || material || ' ' || noun), '[^a-z0-9]+', '-', 'g') AS slugify,
               (500 + floor(power(random(), 2) * 30000)::int / 100 * 100 + 99) AS price,
               floor(power(random(), 4) * 300)::int AS rc
        FROM (
          SELECT i, leaf.id AS leaf_id, leaf.scale AS leaf_scale,
                 (${literal(ADJECTIVES)})[1 + floor(random() * ${ADJECTIVES.length})::int] AS adj,
                 (${literal(MATERIALS)})[1 + floor(random() * ${MATERIALS.length})::int] AS material,
                 leaf.nouns[1 + floor(random() * array_length(leaf.nouns, 1))::int] AS noun
          FROM generate_series(0, ${products - 1}) AS i
          JOIN bench_leaf AS leaf ON leaf.n = i % ${leaves.length}
        ) AS picked
      ) AS rated) AS p`)
    log(`Inserted ${products} products`)
    await client.query(LISTED_SQL)

    // Variants: 1-3 colours x 1-3 consecutive sizes of the product's scale, some out of stock,
    // a few with their own price.
    await client.query(`
      INSERT INTO "Variant" (id, "productId", "colorId", "sizeId", sku, stock, price, "updatedAt")
      SELECT p.id || '-' || c.n || '-' || s.n, p.id, 'color-' || (${literal(COLORS.map(([slug]) => slug))})[1 + ((p.k * 3 + c.n * 5) % ${COLORS.length})],
             'size-' || p.code || '-' || ((p.k + s.n) % p.size_count),
             'SKU-' || p.id || '-' || c.n || '-' || s.n,
             CASE WHEN (p.k + c.n + s.n) % 6 = 0 THEN 0 ELSE 1 + (p.k * 13 + s.n) % 40 END,
             CASE WHEN s.n = 2 AND p.k % 4 = 0 THEN p.price + 500 END,
             now()
      FROM (
        SELECT pr.id, pr.price, substr(pr.id, 8)::int AS k, replace(pr."sizeScaleId", 'scale-', '') AS code, leaf.size_count
        FROM "Product" pr JOIN bench_leaf leaf ON leaf.id = pr."categoryId"
      ) AS p
      CROSS JOIN LATERAL generate_series(0, p.k % 3) AS c(n)
      CROSS JOIN LATERAL generate_series(0, least(p.size_count - 1, (p.k / 3) % 3)) AS s(n)`)
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Variant"`)
    log(`Inserted ${rows[0]?.count} variants`)
    await client.query('COMMIT')
    await client.query('ANALYZE')
    log(`Generated the catalog in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await client.end()
  }
}

/** Product.listed as the catalog keeps it (ACTIVE in an open shop): the search index holds exactly these. */
export const LISTED_SQL = `
  UPDATE "Product" p SET listed = (p.status = 'ACTIVE' AND s.status = 'ACTIVE')
  FROM "Shop" s WHERE s.id = p."shopId" AND p.listed IS DISTINCT FROM (p.status = 'ACTIVE' AND s.status = 'ACTIVE')`

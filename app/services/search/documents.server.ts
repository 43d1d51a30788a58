import { prisma, type Prisma } from '~/infra/db.server.ts'
import { lowestQuote, nextPriceChange } from '~/services/catalog/pricing.ts'
import { IMAGE_ASSET_SELECT } from '~/services/media/assets.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import { SEARCH_PRODUCT_TASK } from '~/services/events/product-changes.server.ts'
import { CARD_IMAGES, CATEGORY_LEVELS, type ProductDocument } from './document.ts'
import { normalizeDocumentText, normalizePersian } from './normalize.ts'

// Builds search documents from the database, a batch at a time (a fixed number of queries per
// batch, whatever its size), and decides which products the index must not hold at all.

const DESCRIPTION_EXCERPT = 300

const PRODUCT_FOR_SEARCH = {
  id: true,
  slug: true,
  title: true,
  description: true,
  locale: true,
  translatedTitle: true,
  translatedDescription: true,
  tags: true,
  listed: true,
  publishedAt: true,
  createdAt: true,
  featured: true,
  price: true,
  discountPercent: true,
  discountStartsAt: true,
  discountEndsAt: true,
  ratingCount: true,
  ratingSum: true,
  salesCount: true,
  categoryId: true,
  shop: { select: { slug: true, name: true } },
  brand: { select: { slug: true, name: true, nameFa: true } },
  // The card's photos, as the catalog's cards read them (listCardImages): the first ones by position.
  images: {
    where: { position: { lt: CARD_IMAGES } },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      position: true,
      alt: true,
      colorId: true,
      asset: { select: IMAGE_ASSET_SELECT },
    },
  },
  variants: {
    select: {
      stock: true,
      price: true,
      color: { select: { slug: true, name: true, nameFa: true, hex: true, position: true } },
      size: { select: { label: true, position: true } },
    },
  },
} satisfies Prisma.ProductSelect

export type ProductForSearch = Prisma.ProductGetPayload<{ select: typeof PRODUCT_FOR_SEARCH }>
export type CategoryNode = {
  id: string
  slug: string
  name: string
  nameFa: string | null
  parentId: string | null
}

/** The whole category tree by id (it is small; one query per batch beats one per product). */
export async function loadCategoryTree() {
  const rows = await prisma.category.findMany({
    select: { id: true, slug: true, name: true, nameFa: true, parentId: true },
  })
  return new Map(rows.map((row) => [row.id, row]))
}

function categoryPath(categoryId: string, tree: Map<string, CategoryNode>) {
  const path: CategoryNode[] = []
  const seen = new Set<string>()
  for (
    let node = tree.get(categoryId);
    node && !seen.has(node.id);
    node = node.parentId ? tree.get(node.parentId) : undefined
  ) {
    seen.add(node.id)
    path.unshift(node)
  }
  return path
}

export function excerpt(text: string, length = DESCRIPTION_EXCERPT) {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const cut = flat.slice(0, length)
  const space = cut.lastIndexOf(' ')
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`
}

/**
 * True when the product belongs in the index at `now`: listed (ACTIVE in an open shop, the
 * column every storefront query uses, kept by the catalog service) and published by then.
 */
export function isSearchable(product: Pick<ProductForSearch, 'listed' | 'publishedAt'>, now: Date) {
  return product.listed && (!product.publishedAt || product.publishedAt <= now)
}

/**
 * The next moment this product's document changes by itself (a discount starts or ends, a
 * scheduled publication), for products that could be in the index; null when there is none.
 */
export function nextDocumentChange(product: ProductForSearch, now: Date): Date | null {
  if (!product.listed) return null
  const moments = [
    nextPriceChange(product, now),
    product.publishedAt && product.publishedAt > now ? product.publishedAt : null,
  ]
  const times = moments
    .filter((moment): moment is Date => moment !== null)
    .map((moment) => moment.getTime())
  return times.length ? new Date(Math.min(...times)) : null
}

/** The document for a product, or null when it must not be in the index (hidden or unpriced). */
export function toProductDocument(
  product: ProductForSearch,
  tree: Map<string, CategoryNode>,
  now: Date,
): ProductDocument | null {
  if (!isSearchable(product, now)) return null
  const quote = lowestQuote(product, product.variants, now)
  if (!quote) return null

  const colors = new Map<
    string,
    { slug: string; name: string; nameFa: string | null; hex: string; position: number }
  >()
  const sizes = new Map<string, number>()
  for (const variant of product.variants) {
    colors.set(variant.color.slug, variant.color)
    sizes.set(
      variant.size.label,
      Math.min(sizes.get(variant.size.label) ?? Infinity, variant.size.position),
    )
  }
  const swatches = [...colors.values()].sort(
    (a, b) => a.position - b.position || a.name.localeCompare(b.name),
  )
  const path = categoryPath(product.categoryId, tree)
  const average = product.ratingCount > 0 ? product.ratingSum / product.ratingCount : 0
  const rating = Math.min(5, Math.max(0, Math.round(average * 10) / 10))
  // The hierarchical facet's levels (JSON leaves out the ones the path does not reach).
  const [categoryLvl0, categoryLvl1, categoryLvl2, categoryLvl3, categoryLvl4] = path
    .slice(0, CATEGORY_LEVELS)
    .map((node) => node.slug)

  // Names in both languages, for matching only (cards pick one through localized.ts).
  const bothNames = (rows: Array<{ name: string; nameFa: string | null }>) => [
    ...new Set(rows.flatMap(({ name, nameFa }) => (nameFa ? [name, nameFa] : [name]))),
  ]
  const translatedDescription = product.translatedDescription
    ? normalizePersian(excerpt(product.translatedDescription))
    : null

  return {
    id: product.id,
    slug: product.slug,
    title: normalizePersian(product.title),
    description: normalizePersian(excerpt(product.description)),
    locale: product.locale === 'fa' ? 'fa' : 'en',
    translatedTitle: normalizeDocumentText(product.translatedTitle || null),
    translatedDescription: translatedDescription || null,
    tags: [...new Set(product.tags.map(normalizePersian))],
    price: quote.effective,
    regularPrice: quote.regular,
    onSale: quote.onSale,
    percentOff: quote.percentOff,
    colors: swatches.map((swatch) => swatch.slug),
    colorNames: bothNames(swatches).map(normalizePersian),
    swatches: swatches.map(({ slug, name, nameFa, hex }) => ({ slug, name, nameFa, hex })),
    sizes: [...sizes.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .map(([label]) => label),
    inStock: product.variants.some((variant) => variant.stock > 0),
    categories: path.map((node) => node.slug),
    categoryLvl0,
    categoryLvl1,
    categoryLvl2,
    categoryLvl3,
    categoryLvl4,
    categoryNames: bothNames(path).map(normalizePersian),
    categoryPath: path.map(({ slug, name, nameFa }) => ({ slug, name, nameFa })),
    brand: product.brand?.slug ?? null,
    brandName: normalizeDocumentText(product.brand?.name ?? null),
    brandNameFa: normalizeDocumentText(product.brand?.nameFa ?? null),
    shop: product.shop.slug,
    shopName: normalizePersian(product.shop.name),
    rating,
    ratingBucket: Math.floor(rating),
    ratingCount: product.ratingCount,
    salesCount: product.salesCount,
    featured: product.featured,
    publishedAt: (product.publishedAt ?? product.createdAt).getTime(),
    images: product.images.slice(0, CARD_IMAGES),
  }
}

export type BuiltDocuments = {
  /** Documents to put in the index (replacing what it has). */
  documents: ProductDocument[]
  /** Ids the index must not hold: drafts, archived, suspended shops, unpriced, deleted. */
  hidden: string[]
  /** How many future re-indexings (discount boundaries, publications) were newly scheduled. */
  scheduled: number
}

type BuildOptions = { now?: Date }

async function build(
  products: ProductForSearch[],
  requestedIds: string[],
  { now = new Date() }: BuildOptions,
): Promise<BuiltDocuments> {
  const tree = products.length ? await loadCategoryTree() : new Map<string, CategoryNode>()
  const documents: ProductDocument[] = []
  const boundaries: Array<{ key: string; at: Date }> = []
  for (const product of products) {
    const document = toProductDocument(product, tree, now)
    if (document) documents.push(document)
    const next = nextDocumentChange(product, now)
    if (next) boundaries.push({ key: product.id, at: next })
  }
  const indexed = new Set(documents.map((document) => document.id))
  const hidden = requestedIds.filter((id) => !indexed.has(id))
  const scheduled = await scheduleReindexing(boundaries)
  return { documents, hidden, scheduled }
}

/**
 * The current documents of these products. Also schedules each one's next self-change (a
 * discount starting or ending, a publication date) as a job, so prices in the index
 * change on time even if whoever set the discount did not schedule it.
 */
export async function buildProductDocuments(
  productIds: Iterable<string>,
  options: BuildOptions = {},
): Promise<BuiltDocuments> {
  const ids = [...new Set(productIds)]
  if (!ids.length) return { documents: [], hidden: [], scheduled: 0 }
  const products = await prisma.product.findMany({
    where: { id: { in: ids } },
    select: PRODUCT_FOR_SEARCH,
  })
  return build(products, ids, options)
}

/**
 * One page of the products that could be in the index, in id order (for rebuilding it).
 * Returns the documents and the last id seen, or null at the end.
 */
export async function buildCandidateDocumentsPage(
  afterId: string | null,
  take: number,
  options: BuildOptions = {},
) {
  const products = await prisma.product.findMany({
    where: { listed: true, ...(afterId ? { id: { gt: afterId } } : {}) },
    select: PRODUCT_FOR_SEARCH,
    orderBy: { id: 'asc' },
    take,
  })
  const built = await build(
    products,
    products.map((product) => product.id),
    options,
  )
  return { ...built, lastId: products.at(-1)?.id ?? null }
}

/**
 * Queues a `search.product` job per product at each given moment, unless one is already waiting
 * for that product and moment (its job key). Returns how many it added.
 */
export async function scheduleReindexing(items: Array<{ key: string; at: Date }>) {
  if (!items.length) return 0
  const jobs = items.map((item) => ({
    task: SEARCH_PRODUCT_TASK,
    payload: { productIds: [item.key] },
    runAt: item.at,
    jobKey: `${SEARCH_PRODUCT_TASK}:${item.key}@${item.at.toISOString()}`,
    preserveRunAt: true,
  }))
  const [waiting] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs
    WHERE key = ANY(${jobs.map((job) => job.jobKey)}::text[]) AND locked_at IS NULL`
  await prisma.$transaction((tx) => enqueueJobs(tx, ...jobs))
  return jobs.length - (waiting?.n ?? 0)
}

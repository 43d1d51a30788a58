import type { Locale } from '~/i18n/locales.ts'
import { logger } from '~/infra/logger.server.ts'
import { multiSearch } from '~/infra/search/client.server.ts'
import type { ProductCardData } from '~/services/catalog/storefront.server.ts'
import { CARD_FIELDS, HitSchema, toProductCard } from './hits.server.ts'
import { ProductDocumentSchema } from './document.ts'
import { quoteFilterValue } from './filters.ts'
import { productIndexUid } from './settings.server.ts'

// "You may also like" on the product page: products of the same category (its parent, so a
// small category still fills the row, with the product's own category ranked first) that look
// like it: same brand, shared colours and tags, a similar price. One Meilisearch query whose
// documents carry whole cards (docs/decisions/011), so the page runs no database query for them.

export const SIMILAR_COUNT = 4
const CANDIDATES = 48

const SimilarHitSchema = HitSchema.omit({ _formatted: true }).extend(
  ProductDocumentSchema.pick({ colors: true, tags: true, categories: true }).shape,
)

export type SimilarTo = {
  id: string
  /** The product's category path, root first (slugs). */
  categories: string[]
  brand: string | null
  shop: string
  colors: string[]
  tags: string[]
  /** What the cheapest variant costs now (minor units); null if unpriced. */
  price: number | null
}

/** How alike a candidate is to the product: higher is more alike (ties keep Meilisearch's order). */
export function similarity(product: SimilarTo, candidate: SimilarToCandidate) {
  let score = 0
  const leaf = product.categories.at(-1)
  if (leaf && candidate.categories.includes(leaf)) score += 4
  if (product.brand && candidate.brand === product.brand) score += 2
  const colors = new Set(product.colors)
  score += Math.min(2, candidate.colors.filter((color) => colors.has(color)).length)
  const tags = new Set(product.tags.map((tag) => tag.toLowerCase()))
  score += Math.min(2, candidate.tags.filter((tag) => tags.has(tag.toLowerCase())).length)
  if (product.price && product.price > 0) {
    const ratio = candidate.price / product.price
    if (ratio >= 0.7 && ratio <= 1.3) score += 2
    else if (ratio >= 0.4 && ratio <= 1.6) score += 1
  }
  if (candidate.inStock) score += 1
  // Other shops a little first: the page already shows more from this one.
  if (candidate.shop !== product.shop) score += 0.5
  return score
}

type SimilarToCandidate = {
  categories: string[]
  brand: string | null
  shop: string
  colors: string[]
  tags: string[]
  price: number
  inStock: boolean
}

/**
 * Up to SIMILAR_COUNT cards like `product`, leaving out the ids in `except` (the product itself is
 * always left out). An empty row when search cannot answer: the page does not depend on it.
 */
export async function listSimilarProducts(
  product: SimilarTo,
  {
    except = [],
    locale = 'en',
    now = new Date(),
  }: { except?: string[]; locale?: Locale; now?: Date } = {},
): Promise<ProductCardData[]> {
  const scope = similarScope(product.categories)
  if (!scope) return []
  try {
    const [response] = await multiSearch(
      [
        {
          indexUid: productIndexUid(),
          q: '',
          filter: `categories = ${quoteFilterValue(scope)}`,
          page: 1,
          hitsPerPage: CANDIDATES,
          attributesToRetrieve: [...CARD_FIELDS, 'colors', 'tags', 'categories'],
        },
      ],
      SimilarHitSchema,
    )
    const skip = new Set([product.id, ...except])
    const hits = (response?.hits ?? [])
      .filter((hit) => !skip.has(hit.id))
      .map((hit, order) => ({ hit, order, score: similarity(product, hit) }))
    hits.sort((a, b) => b.score - a.score || a.order - b.order)
    return hits.slice(0, SIMILAR_COUNT).map(({ hit }) => toProductCard(hit, now, locale))
  } catch (error) {
    logger.warn({ err: error, productId: product.id }, 'similar products unavailable')
    return []
  }
}

/** The category the candidates come from: the product's category's parent, or itself at the top. */
export function similarScope(categories: string[]) {
  return categories.length > 1 ? categories.at(-2)! : (categories[0] ?? null)
}

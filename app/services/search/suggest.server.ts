import { getStorage } from '~/infra/storage/storage.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { localName, localTitle } from '~/services/catalog/localized.ts'
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './highlight.ts'
import { CARD_FIELDS, highlightedTitle, type RawHit } from './hits.server.ts'
import { getCatalogLabels } from './labels.server.ts'
import { normalizeSearchQuery } from './normalize.ts'
import { runQueries } from './search.server.ts'
import { productIndexUid } from './settings.server.ts'

// Instant search: what the header search box offers while the shopper types.

export type ProductSuggestion = Pick<
  RawHit,
  'id' | 'slug' | 'title' | 'brandName' | 'price' | 'regularPrice' | 'onSale'
> & {
  highlightedTitle: string
  /** The smallest JPEG of the first photo, for a thumbnail. */
  image: { url: string; alt: string } | null
}

function thumbnail(hit: RawHit): ProductSuggestion['image'] {
  const first = hit.images[0]
  const jpeg = first?.asset.variants
    .filter((variant) => variant.format === 'JPEG')
    .sort((a, b) => a.width - b.width)[0]
  return first && jpeg
    ? { url: getStorage().publicUrl(jpeg.key), alt: first.alt || hit.title }
    : null
}

export type CategorySuggestion = {
  slug: string
  name: string
  parentName: string | null
  count: number
}
export type Suggestions = {
  query: string
  products: ProductSuggestion[]
  categories: CategorySuggestion[]
}

const SUGGESTED_PRODUCTS = 6
const SUGGESTED_CATEGORIES = 4

function words(text: string) {
  return text
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/**
 * What the header search box offers while the shopper types: the best matching products and
 * the categories most of the matches are in (categories whose name matches come first).
 */
export async function suggest(query: string, locale: Locale = 'en'): Promise<Suggestions> {
  const q = query.trim()
  if (!q) return { query: q, products: [], categories: [] }
  const [response] = await runQueries([
    {
      indexUid: productIndexUid(),
      q: normalizeSearchQuery(q),
      page: 1,
      hitsPerPage: SUGGESTED_PRODUCTS,
      facets: ['categories'],
      attributesToRetrieve: [...CARD_FIELDS],
      attributesToHighlight: ['title', 'translatedTitle'],
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    },
  ])
  const labels = await getCatalogLabels()
  const typed = words(normalizeSearchQuery(q))
  const matchesName = (label: { name: string; nameFa: string | null }) =>
    words(normalizeSearchQuery(`${label.name} ${label.nameFa ?? ''}`)).some((word) =>
      typed.some((t) => word.startsWith(t) || t.startsWith(word)),
    )
  const candidates = Object.entries(response?.facetDistribution?.categories ?? {})
    .map(([slug, count]) => ({ label: labels.categories.get(slug), count }))
    .filter(
      (entry): entry is { label: NonNullable<typeof entry.label>; count: number } =>
        entry.label !== undefined,
    )
    // Categories named like the query first, then the ones holding most matches, deeper first.
    .sort(
      (a, b) =>
        Number(matchesName(b.label)) - Number(matchesName(a.label)) ||
        b.count - a.count ||
        b.label.depth - a.label.depth,
    )
  const chosen: typeof candidates = []
  const ancestors = (slug: string) => {
    const list: string[] = []
    for (
      let parent = labels.categories.get(slug)?.parentSlug;
      parent;
      parent = labels.categories.get(parent)?.parentSlug
    )
      list.push(parent)
    return list
  }
  for (const candidate of candidates) {
    if (chosen.length >= SUGGESTED_CATEGORIES) break
    // "Women" adds nothing next to "Dresses in Women" when it holds the same matches.
    const redundant = chosen.some(
      (other) =>
        ancestors(other.label.slug).includes(candidate.label.slug) &&
        other.count === candidate.count,
    )
    if (!redundant) chosen.push(candidate)
  }
  const categories = chosen.map(({ label, count }) => {
    const parent = label.parentSlug ? labels.categories.get(label.parentSlug) : undefined
    return {
      slug: label.slug,
      name: localName(locale, label),
      parentName: parent ? localName(locale, parent) : null,
      count,
    }
  })
  return {
    query: q,
    products: (response?.hits ?? []).map((hit) => ({
      id: hit.id,
      slug: hit.slug,
      title: localTitle(locale, hit),
      highlightedTitle: highlightedTitle(hit, locale),
      brandName:
        hit.brandName && localName(locale, { name: hit.brandName, nameFa: hit.brandNameFa }),
      price: hit.price,
      regularPrice: hit.regularPrice,
      onSale: hit.onSale,
      image: thumbnail(hit),
    })),
    categories,
  }
}

import { z } from 'zod'
import type { Locale } from '~/i18n/locales.ts'
import { localName, localTitle } from '~/services/catalog/localized.ts'
import { NEW_ARRIVAL_DAYS, type ProductCardData } from '~/services/catalog/storefront.server.ts'
import { toImageView } from '~/services/media/assets.server.ts'
import { ProductDocumentSchema } from './document.ts'
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, hasHighlight } from './highlight.ts'

// Search hits as the storefront shows them: the fields a card needs, validated, turned into the
// catalog's product card in the page's language, with the matches marked.

export const CARD_FIELDS = [
  'id',
  'slug',
  'title',
  'locale',
  'translatedTitle',
  'brand',
  'brandName',
  'brandNameFa',
  'shop',
  'shopName',
  'price',
  'regularPrice',
  'onSale',
  'percentOff',
  'swatches',
  'inStock',
  'publishedAt',
  'images',
] as const

export const HitSchema = ProductDocumentSchema.pick({
  id: true,
  slug: true,
  title: true,
  locale: true,
  translatedTitle: true,
  brand: true,
  brandName: true,
  brandNameFa: true,
  shop: true,
  shopName: true,
  price: true,
  regularPrice: true,
  onSale: true,
  percentOff: true,
  swatches: true,
  inStock: true,
  publishedAt: true,
  images: true,
} satisfies Record<(typeof CARD_FIELDS)[number], true>).extend({
  _formatted: z
    .object({
      title: z.string().optional(),
      translatedTitle: z.string().nullish(),
      description: z.string().optional(),
      translatedDescription: z.string().nullish(),
    })
    .optional(),
})

export type RawHit = z.infer<typeof HitSchema>

export type ProductHit = {
  /** The catalog's card for the product, built from the document alone. */
  card: ProductCardData
  /** The title with matches marked (see highlight.ts). */
  highlightedTitle: string
  /** A cropped, marked piece of the description when the query matched there. */
  snippet: string | null
}

/**
 * The catalog's product card from a search document: the data `getProductCards` reads from
 * PostgreSQL, with prices as of the last indexing (a job re-indexes at every discount
 * boundary) and photo URLs made from the stored keys now.
 */
export function toProductCard(
  hit: Omit<RawHit, '_formatted'>,
  now: Date = new Date(),
  locale: Locale = 'en',
): ProductCardData {
  return {
    id: hit.id,
    slug: hit.slug,
    title: localTitle(locale, hit),
    brand:
      hit.brand && hit.brandName
        ? {
            name: localName(locale, { name: hit.brandName, nameFa: hit.brandNameFa }),
            slug: hit.brand,
          }
        : null,
    shop: { name: hit.shopName, slug: hit.shop },
    price: {
      regular: hit.regularPrice,
      effective: hit.price,
      onSale: hit.onSale,
      percentOff: hit.percentOff,
    },
    colors: hit.swatches.map((swatch) => ({ name: localName(locale, swatch), hex: swatch.hex })),
    inStock: hit.inStock,
    isNew: hit.publishedAt >= now.getTime() - NEW_ARRIVAL_DAYS * 86_400_000,
    images: hit.images.map(({ asset, ...image }) => ({ ...image, image: toImageView(asset) })),
  }
}

/** Whether the page shows the hit's translation rather than its own text (localized.ts). */
function showsTranslation(hit: Pick<RawHit, 'locale' | 'translatedTitle'>, locale: Locale) {
  return hit.locale !== locale && Boolean(hit.translatedTitle)
}

/** The title in the page's language with matches marked. */
export function highlightedTitle(hit: RawHit, locale: Locale) {
  const formatted = hit._formatted
  return showsTranslation(hit, locale)
    ? (formatted?.translatedTitle ?? hit.translatedTitle ?? hit.title)
    : (formatted?.title ?? hit.title)
}

export function toHit(hit: RawHit, now: Date, locale: Locale): ProductHit {
  const { _formatted: formatted, ...document } = hit
  // The description the match is in, the page's language first.
  const snippets = [formatted?.description, formatted?.translatedDescription]
  if (showsTranslation(hit, locale)) snippets.reverse()
  const snippet = snippets.find((text) => hasHighlight(text ?? undefined))
  return {
    card: toProductCard(document, now, locale),
    highlightedTitle: highlightedTitle(hit, locale),
    snippet: snippet ?? null,
  }
}

export const HIT_DISPLAY = {
  attributesToRetrieve: [...CARD_FIELDS],
  attributesToHighlight: ['title', 'translatedTitle', 'description', 'translatedDescription'],
  attributesToCrop: ['description', 'translatedDescription'],
  cropLength: 18,
  highlightPreTag: HIGHLIGHT_PRE,
  highlightPostTag: HIGHLIGHT_POST,
}

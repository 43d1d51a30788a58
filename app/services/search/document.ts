import { z } from 'zod'

// The search document of one published, visible product: everything search, facets, sorting
// and a product card need, so a results page never goes back to PostgreSQL for its hits.
// Prices are integers in the store currency's minor unit; facet values are slugs (sizes: labels).

// Text comes in both languages (docs/decisions/018): the product's own title and description
// and their translations, and names with their Persian forms, so a query in either language
// finds the product and a card shows the page's language. Fields added with the second
// language default, so documents indexed before them still parse until they are re-indexed.

/** A colour on a card; nameFa is its Persian name, when it has one. */
export const SwatchSchema = z.object({
  slug: z.string(),
  name: z.string(),
  nameFa: z.string().nullable().default(null),
  hex: z.string(),
})

/**
 * A card photo as stored rows (the asset's size, placeholder and variant keys), not URLs: the
 * page turns keys into URLs with the storage adapter at request time, as the catalog does, so
 * moving images behind a CDN needs no re-indexing.
 */
export const CardImageSchema = z.object({
  id: z.string(),
  position: z.number().int().nonnegative(),
  alt: z.string(),
  colorId: z.string().nullable(),
  asset: z.object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    placeholder: z.string(),
    variants: z.array(
      z.object({
        format: z.enum(['AVIF', 'WEBP', 'JPEG']),
        width: z.number().int().positive(),
        key: z.string(),
      }),
    ),
  }),
})

/** How many photos a document carries: a card shows the first and, on hover, the second. */
export const CARD_IMAGES = 2

/** How many category levels the hierarchical facet covers (categoryLvl0 … categoryLvl4). */
export const CATEGORY_LEVELS = 5

export const ProductDocumentSchema = z.object({
  id: z.string(),
  slug: z.string(),
  /** The title and description (a plain-text excerpt) in the product's own language. */
  title: z.string(),
  description: z.string(),
  locale: z.enum(['en', 'fa']).default('en'),
  /** The same in the other language, when the seller gave it. */
  translatedTitle: z.string().nullable().default(null),
  translatedDescription: z.string().nullable().default(null),
  tags: z.array(z.string()),

  /** What the cheapest variant costs now (after any discount running at indexing time). */
  price: z.number().int().nonnegative(),
  /** That variant's price before the discount. */
  regularPrice: z.number().int().nonnegative(),
  onSale: z.boolean(),
  percentOff: z.number().int().min(1).max(100).nullable(),

  /** Colour slugs (facet), their names in both languages (searchable) and swatches (cards). */
  colors: z.array(z.string()),
  colorNames: z.array(z.string()),
  swatches: z.array(SwatchSchema),
  /** Size labels offered, in their scale's order. */
  sizes: z.array(z.string()),
  inStock: z.boolean(),

  /** Slugs of the product's category and all its ancestors, root first (the category filter). */
  categories: z.array(z.string()),
  /** The hierarchical facet: the slug of the category at each depth of the product's path. */
  categoryLvl0: z.string().optional(),
  categoryLvl1: z.string().optional(),
  categoryLvl2: z.string().optional(),
  categoryLvl3: z.string().optional(),
  categoryLvl4: z.string().optional(),
  /** Names along the path in both languages (searchable: "dresses" and "پیراهن" find Dresses). */
  categoryNames: z.array(z.string()),
  categoryPath: z.array(
    z.object({ slug: z.string(), name: z.string(), nameFa: z.string().nullable().default(null) }),
  ),

  brand: z.string().nullable(),
  brandName: z.string().nullable(),
  brandNameFa: z.string().nullable().default(null),
  shop: z.string(),
  shopName: z.string(),

  /** Average rating rounded to one decimal (0 without reviews), its floor for the facet, and how many. */
  rating: z.number().min(0).max(5),
  ratingBucket: z.number().int().min(0).max(5),
  ratingCount: z.number().int().nonnegative(),
  salesCount: z.number().int().nonnegative(),
  featured: z.boolean(),
  /** Milliseconds since the epoch (Meilisearch sorts numbers, not dates). */
  publishedAt: z.number().int(),
  /** The product's first photos in the seller's order (at most CARD_IMAGES). */
  images: z.array(CardImageSchema).max(CARD_IMAGES),
})

export type ProductDocument = z.infer<typeof ProductDocumentSchema>
export type Swatch = z.infer<typeof SwatchSchema>
export type CardImage = z.infer<typeof CardImageSchema>

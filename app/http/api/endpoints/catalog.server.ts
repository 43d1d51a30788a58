import { z } from 'zod'
import {
  getCategoryNav,
  listBrands,
  type CategoryLink,
} from '~/services/catalog/taxonomy.server.ts'
import { searchProducts } from '~/services/search/search.server.ts'
import { EMPTY_STATE, MAX_VALUES_PER_FILTER, SORTS } from '~/services/search/state.ts'
import { defineEndpoint } from '../endpoint.server.ts'
import { pageFromCursor, pageNumbered } from '../paging.server.ts'
import { LimitSchema, pageOf } from '../schemas.ts'

// The public catalog: the storefront search (same filters, facets and sorts, through the same
// search service) and the taxonomy. No token needed. `lang` picks the language of names.

export const LangSchema = z
  .enum(['en', 'fa'])
  .default('en')
  .meta({ description: 'Language of names' })
const Slugs = z.array(z.string().min(1).max(120)).max(MAX_VALUES_PER_FILTER).default([])

export const PriceSchema = z
  .object({
    regular: z.number().int().meta({ description: 'Minor units, before any discount' }),
    effective: z.number().int().meta({ description: 'Minor units, what a shopper pays now' }),
    onSale: z.boolean(),
    percentOff: z.number().int().nullable(),
  })
  .meta({ id: 'Price' })

const ProductSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    brand: z.object({ name: z.string(), slug: z.string() }).nullable(),
    shop: z.object({ name: z.string(), slug: z.string() }),
    price: PriceSchema.nullable(),
    colors: z.array(z.object({ name: z.string(), hex: z.string() })),
    inStock: z.boolean(),
    images: z.array(z.object({ url: z.string(), alt: z.string() })),
  })
  .meta({ id: 'ProductSummary' })

const FacetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() })

const ProductListSchema = pageOf(ProductSummarySchema, 'ProductPage').extend({
  total: z.number().int(),
  facets: z.object({
    category: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
    brand: z.array(FacetValueSchema),
    color: z.array(FacetValueSchema.extend({ hex: z.string().optional() })),
    size: z.array(FacetValueSchema),
    shop: z.array(FacetValueSchema),
    price: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
    rating: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
    onSale: z.number().int(),
    inStock: z.number().int(),
  }),
})

const PRODUCTS_PER_PAGE_MAX = 100
export const listProducts = defineEndpoint({
  method: 'get',
  path: '/products',
  operationId: 'listProducts',
  summary: 'Search the catalog: the storefront’s filters, facets and sorts',
  tags: ['Catalog'],
  access: 'public',
  query: z.object({
    q: z.string().max(200).default(''),
    category: z
      .string()
      .max(120)
      .optional()
      .meta({ description: 'Category slug (with its sub-categories)' }),
    brand: Slugs,
    color: Slugs,
    size: Slugs,
    shop: Slugs,
    minPrice: z.coerce.number().int().min(0).optional().meta({ description: 'Minor units' }),
    maxPrice: z.coerce.number().int().min(0).optional().meta({ description: 'Minor units' }),
    rating: z.coerce.number().int().min(1).max(4).optional(),
    onSale: z.enum(['true', 'false']).optional(),
    inStock: z.enum(['true', 'false']).optional(),
    sort: z.enum(SORTS).default('relevance'),
    limit: LimitSchema(PRODUCTS_PER_PAGE_MAX, 24),
    cursor: z.string().max(40).optional(),
    lang: LangSchema,
  }),
  response: {
    status: 200,
    description: 'A page of products with facet counts',
    schema: ProductListSchema,
  },
  errors: [503],
  async handle({ query, request }) {
    const page = pageFromCursor(query.cursor)
    const result = await searchProducts(
      {
        ...EMPTY_STATE,
        q: query.q,
        category: query.category ?? null,
        brand: query.brand,
        color: query.color,
        size: query.size,
        shop: query.shop,
        minPrice: query.minPrice ?? null,
        maxPrice: query.maxPrice ?? null,
        rating: query.rating ?? null,
        onSale: query.onSale === 'true',
        inStock: query.inStock === 'true',
        sort: query.sort,
        page,
      },
      { hitsPerPage: query.limit, locale: query.lang },
    )
    const { next, headers } = pageNumbered(request, result.page, result.totalPages)
    const values = (list: Array<{ value: string; label: string; count: number; hex?: string }>) =>
      list.map(({ value, label, count, hex }) => ({ value, label, count, ...(hex ? { hex } : {}) }))
    return {
      headers,
      body: {
        items: result.hits.map(({ card }) => ({
          id: card.id,
          slug: card.slug,
          title: card.title,
          brand: card.brand,
          shop: card.shop,
          price: card.price,
          colors: card.colors,
          inStock: card.inStock,
          images: card.images.map((image) => ({ url: image.image.src, alt: image.alt })),
        })),
        next,
        total: result.totalHits,
        facets: {
          category: result.facets.category.options.map(({ slug, name, count }) => ({
            slug,
            name,
            count,
          })),
          brand: values(result.facets.brand),
          color: values(result.facets.color),
          size: values(result.facets.size),
          shop: values(result.facets.shop),
          price: result.facets.price,
          rating: result.facets.rating.map(({ value, count }) => ({ value, count })),
          onSale: result.facets.onSale.count,
          inStock: result.facets.inStock.count,
        },
      },
    }
  },
})

type CategoryJson = { slug: string; name: string; children: CategoryJson[] }
const CategorySchema: z.ZodType<CategoryJson> = z
  .object({
    slug: z.string(),
    name: z.string(),
    get children() {
      return z.array(CategorySchema)
    },
  })
  .meta({ id: 'Category' })

export const listCategories = defineEndpoint({
  method: 'get',
  path: '/categories',
  operationId: 'listCategories',
  summary: 'The category tree',
  tags: ['Catalog'],
  access: 'public',
  query: z.object({ lang: LangSchema }),
  response: {
    status: 200,
    description: 'Top categories with their children',
    schema: z.object({ items: z.array(CategorySchema) }),
  },
  async handle({ query }) {
    const toJson = (link: CategoryLink): CategoryJson => ({
      slug: link.slug,
      name: link.name,
      children: link.children.map(toJson),
    })
    return { body: { items: (await getCategoryNav(query.lang)).map(toJson) } }
  },
})

const BrandSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: 'Brand' })

export const listBrandsEndpoint = defineEndpoint({
  method: 'get',
  path: '/brands',
  operationId: 'listBrands',
  summary: 'Every brand',
  tags: ['Catalog'],
  access: 'public',
  query: z.object({ lang: LangSchema }),
  response: {
    status: 200,
    description: 'Brands by name',
    schema: z.object({ items: z.array(BrandSchema) }),
  },
  async handle({ query }) {
    const brands = await listBrands(query.lang)
    return { body: { items: brands.map(({ id, slug, name }) => ({ id, slug, name })) } }
  },
})

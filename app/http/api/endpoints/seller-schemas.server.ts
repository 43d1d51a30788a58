import { z } from 'zod'
import { CatalogValidationError } from '~/services/catalog/errors.ts'
import type { EditableProduct } from '~/services/catalog/products.server.ts'
import {
  MAX_PRICE,
  MAX_STOCK,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  variantKey,
  type ProductInput,
} from '~/services/catalog/schemas.ts'
import { noControlCharacters } from '~/utils/text.ts'

// The request and response schemas of the seller's endpoints (products with their variants), as
// the OpenAPI document shows them, and the product's JSON.

const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine(...noControlCharacters)
const Id = z.string().min(1).max(64)
export const Price = z.number().int().min(1).max(MAX_PRICE).meta({ description: 'Minor units' })

const VariantBodySchema = z.object({
  colorId: Id,
  sizeId: Id,
  sku: Text(64).meta({ description: 'Letters, digits, dots, dashes, underscores; unique' }),
  stock: z.number().int().min(0).max(MAX_STOCK),
  price: Price.nullable().default(null).meta({ description: 'Null: the product’s price' }),
})

export const ProductBodySchema = z
  .object({
    title: Text(120),
    description: Text(5000).default(''),
    locale: z
      .enum(['en', 'fa'])
      .optional()
      .meta({ description: 'Language of title and description' }),
    translatedTitle: Text(120).nullable().optional(),
    translatedDescription: Text(5000).nullable().optional(),
    categoryId: Id,
    brandId: Id.nullable().default(null),
    sizeScaleId: Id,
    tags: z.array(Text(MAX_TAG_LENGTH)).max(MAX_TAGS).default([]),
    price: Price.nullable(),
    discountPercent: z.number().int().nullable().default(null),
    discountStartsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    discountEndsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    variants: z.array(VariantBodySchema).min(1).max(300),
    publish: z.boolean().default(false).meta({
      description: 'Publish it (it needs a price); otherwise its status is kept (a draft when new)',
    }),
  })
  .meta({ id: 'ProductWrite' })
type ProductBody = z.infer<typeof ProductBodySchema>

export const SellerProductSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']),
    listed: z.boolean().meta({ description: 'Shown in the store (published, shop open)' }),
    version: z.number().int().meta({ description: 'Send it back in `If-Match` to update' }),
    title: z.string(),
    description: z.string(),
    locale: z.string(),
    translatedTitle: z.string().nullable(),
    translatedDescription: z.string().nullable(),
    categoryId: z.string(),
    brandId: z.string().nullable(),
    sizeScaleId: z.string(),
    tags: z.array(z.string()),
    price: z.number().int().nullable(),
    discountPercent: z.number().int().nullable(),
    discountStartsAt: z.string().nullable(),
    discountEndsAt: z.string().nullable(),
    variants: z.array(
      z.object({
        id: z.string(),
        colorId: z.string(),
        sizeId: z.string(),
        sku: z.string(),
        stock: z.number().int(),
        price: z.number().int().nullable(),
      }),
    ),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SellerProduct' })

export function sellerProductJson(product: EditableProduct): z.infer<typeof SellerProductSchema> {
  return {
    id: product.id,
    slug: product.slug,
    status: product.status,
    listed: product.listed,
    version: product.version,
    title: product.title,
    description: product.description,
    locale: product.locale,
    translatedTitle: product.translatedTitle,
    translatedDescription: product.translatedDescription,
    categoryId: product.categoryId,
    brandId: product.brandId,
    sizeScaleId: product.sizeScaleId,
    tags: product.tags,
    price: product.price,
    discountPercent: product.discountPercent,
    discountStartsAt: product.discountStartsAt?.toISOString() ?? null,
    discountEndsAt: product.discountEndsAt?.toISOString() ?? null,
    variants: product.variants,
    updatedAt: product.updatedAt.toISOString(),
  }
}

export function productInput(body: ProductBody): ProductInput {
  return {
    ...(body.locale ? { locale: body.locale } : {}),
    title: body.title,
    description: body.description,
    ...(body.translatedTitle !== undefined ? { translatedTitle: body.translatedTitle } : {}),
    ...(body.translatedDescription !== undefined
      ? { translatedDescription: body.translatedDescription }
      : {}),
    categoryId: body.categoryId,
    brandId: body.brandId,
    sizeScaleId: body.sizeScaleId,
    tags: body.tags,
    price: body.price,
    discountPercent: body.discountPercent,
    discountStartsAt: body.discountStartsAt ? new Date(body.discountStartsAt) : null,
    discountEndsAt: body.discountEndsAt ? new Date(body.discountEndsAt) : null,
    variants: body.variants,
  }
}

/**
 * The catalog names a variant's field by the form's cell (`variants.<colour>_<size>.sku`); in a
 * JSON body it is the array's index (`/variants/3/sku`), and the form's colour and size pickers
 * are the variants list itself.
 */
export async function inBodyTerms<T>(body: ProductBody, command: Promise<T>): Promise<T> {
  try {
    return await command
  } catch (error) {
    if (!(error instanceof CatalogValidationError)) throw error
    const index = new Map(
      body.variants.map((variant, i) => [variantKey(variant.colorId, variant.sizeId), i]),
    )
    const fields: Record<string, string[]> = {}
    for (const [field, messages] of Object.entries(error.fieldErrors)) {
      const cell = /^variants\.([^.]+)\.(\w+)$/.exec(field)
      const name =
        cell && index.has(cell[1]!)
          ? `variants.${index.get(cell[1]!)}.${cell[2]}`
          : field === 'colorIds' || field === 'sizeIds'
            ? 'variants'
            : field
      ;(fields[name] ??= []).push(...messages)
    }
    throw new CatalogValidationError(fields)
  }
}

export const SellerProductSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']),
    listed: z.boolean(),
    price: z.number().int().nullable(),
    minPrice: z.number().int().nullable(),
    stock: z.number().int().meta({ description: 'Units over all variants' }),
    variantCount: z.number().int(),
    lowStockVariants: z.number().int(),
    photoCount: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SellerProductSummary' })

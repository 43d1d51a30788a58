import { z } from 'zod'
import { noControlCharacters } from '~/utils/text.ts'
import { parseMoney } from '~/utils/money.ts'
import { zonedLocalToUtc } from '~/utils/zoned-time.ts'

// Form schemas and small rules of the catalog domain, shared by the server (which enforces
// them) and the browser (which checks as you type). No server code here.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const MAX_TAGS = 12
export const MAX_TAG_LENGTH = 30
/** Price ceiling in minor units (a million in the major unit for two-decimal currencies). */
export const MAX_PRICE = 100_000_000
export const MAX_STOCK = 1_000_000
export const MAX_DISCOUNT_PERCENT = 90
/** A variant with this many or fewer items left counts as low on stock. */
export const LOW_STOCK_THRESHOLD = 5
/** Rows per page of the sellers' and admins' lists (the storefront's grids page through search). */
export const PAGE_SIZE = 24

/** "Floral Midi Dress — Été" → "floral-midi-dress-ete". */
export function slugify(text: string, maxLength = 60) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '')
}

/** The form key of one cell of the variant matrix (ids are cuids: no underscores). */
export function variantKey(colorId: string, sizeId: string) {
  return `${colorId}_${sizeId}`
}

export function splitVariantKey(key: string): { colorId: string; sizeId: string } | null {
  const [colorId, sizeId, ...rest] = key.split('_')
  if (!colorId || !sizeId || rest.length) return null
  return { colorId, sizeId }
}

/** A suggested SKU for a new cell: the product's initials, the colour and the size. */
export function suggestSku(title: string, colorName: string, sizeLabel: string) {
  const stem =
    slugify(title)
      .split('-')
      .filter(Boolean)
      .slice(0, 3)
      .map((word) => word.slice(0, 3))
      .join('-') || 'item'
  const part = (text: string) => slugify(text).replace(/-/g, '').slice(0, 6) || 'x'
  return `${stem}-${part(colorName)}-${part(sizeLabel)}`.toUpperCase()
}

/** Tags as typed ("Summer, linen ,summer") → ["summer", "linen"]. */
export function parseTags(text: string) {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ]
}

const trimmed = (field: string, max: number) =>
  z
    .string({ error: `Enter ${field}` })
    .trim()
    .max(max, `Use at most ${max} characters`)
    .refine(...noControlCharacters)

export const SlugSchema = z
  .string({ error: 'Enter a web address name' })
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters')
  .max(60, 'Use at most 60 characters')
  .regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens (like my-shop)')

// ---------------------------------------------------------------- shops

export const ShopSchema = z.object({
  name: trimmed('your shop name', 60).min(2, 'Use at least 2 characters'),
  slug: SlugSchema,
  description: trimmed('a description', 1000).optional().default(''),
})

export const ShopProfileSchema = ShopSchema.omit({ slug: true })

// ---------------------------------------------------------------- admin catalog

/** A platform name's Persian form: optional (Persian pages then show the English name). */
const NameFaSchema = trimmed('a Persian name', 60).optional().default('')

export const CategoryFormSchema = z.object({
  name: trimmed('a name', 60).min(2, 'Use at least 2 characters'),
  nameFa: NameFaSchema,
  slug: SlugSchema.optional(),
  parentId: z.string().max(64).optional(),
  description: trimmed('a description', 500).optional().default(''),
})

export const BrandFormSchema = z.object({
  name: trimmed('a name', 60).min(2, 'Use at least 2 characters'),
  nameFa: NameFaSchema,
  slug: SlugSchema.optional(),
  description: trimmed('a description', 500).optional().default(''),
})

export const SuspendShopSchema = z.object({
  shopId: z.string().min(1).max(64),
  reason: trimmed('a reason the seller will see', 300).min(
    3,
    'Tell the seller why (at least 3 characters)',
  ),
})

// ---------------------------------------------------------------- products

export type ProductFormOptions = { currency: string; timeZone: string }

function moneySchema(currency: string, missing = 'Enter a price') {
  return z
    .string({ error: missing })
    .trim()
    .transform((text, ctx) => {
      const amount = parseMoney(text, currency)
      if (amount === null) {
        ctx.addIssue({ code: 'custom', message: 'Enter an amount like 19.99' })
        return z.NEVER
      }
      if (amount <= 0) {
        ctx.addIssue({ code: 'custom', message: 'The price must be more than zero' })
        return z.NEVER
      }
      if (amount > MAX_PRICE) {
        ctx.addIssue({ code: 'custom', message: 'That price is too high' })
        return z.NEVER
      }
      return amount
    })
}

function dateTimeSchema(timeZone: string) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const at = zonedLocalToUtc(text, timeZone)
      if (!at) {
        ctx.addIssue({ code: 'custom', message: 'Enter a date and time' })
        return z.NEVER
      }
      return at
    })
}

// Cells sit under a record the form library cannot see into, so they coerce their own text.
const blank = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value
const numberFromText = (value: unknown) => {
  const text = blank(value)
  return typeof text === 'string' ? Number(text.trim()) : text
}

export function variantCellSchema(currency: string) {
  return z.object({
    sku: z.preprocess(
      blank,
      z
        .string({ error: 'Enter a SKU' })
        .trim()
        .max(64, 'Use at most 64 characters')
        .regex(SKU_PATTERN, 'Use letters, digits, dots, dashes and underscores'),
    ),
    stock: z.preprocess(
      numberFromText,
      z
        .number({ error: 'Enter the stock (0 or more)' })
        .int('Use a whole number')
        .min(0, 'Stock cannot be negative')
        .max(MAX_STOCK, 'That is more than we can track'),
    ),
    /** The stock the seller saw when the form loaded; equal to stock means "leave it alone". */
    stockWas: z.preprocess(numberFromText, z.number().int().min(0).optional()).catch(undefined),
    price: z.preprocess(blank, moneySchema(currency).optional()),
  })
}

export type VariantInput = {
  colorId: string
  sizeId: string
  sku: string
  stock: number
  /** The stock the form showed: the save applies the seller's change (stock − stockWas) to the current stock, so a sale meanwhile is not undone. */
  stockWas?: number
  /** Overrides the product's price; null means the product's price. */
  price: number | null
}

export type ProductInput = {
  title: string
  description: string
  categoryId: string
  brandId: string | null
  sizeScaleId: string
  tags: string[]
  price: number | null
  discountPercent: number | null
  discountStartsAt: Date | null
  discountEndsAt: Date | null
  variants: VariantInput[]
}

export const PRODUCT_INTENTS = ['save', 'publish', 'update-matrix'] as const

/**
 * The product form. Cells of the variant matrix are named `variants.<colorId>_<sizeId>.<field>`
 * so an error stays with its cell however the matrix changes; only cells of checked colours and
 * sizes count, so a form posted without JavaScript after unticking a colour drops its cells.
 */
export function productFormSchema({ currency, timeZone }: ProductFormOptions) {
  const cellSchema = variantCellSchema(currency)
  return (
    z
      .object({
        intent: z.enum(PRODUCT_INTENTS).default('save'),
        version: z.number().int().positive().optional(),
        title: trimmed('a title', 120).min(3, 'Use at least 3 characters'),
        description: trimmed('a description', 5000).optional().default(''),
        categoryId: z.string({ error: 'Choose a category' }).max(64),
        brandId: z.string().max(64).optional(),
        sizeScaleId: z.string({ error: 'Choose a size scale' }).max(64),
        tags: z
          .string()
          .max(1000, 'That is too many tags')
          .optional()
          .transform((text, ctx) => {
            const tags = parseTags(text ?? '')
            if (tags.length > MAX_TAGS)
              ctx.addIssue({ code: 'custom', message: `Use at most ${MAX_TAGS} tags` })
            const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH)
            if (long)
              ctx.addIssue({
                code: 'custom',
                message: `Keep each tag under ${MAX_TAG_LENGTH} characters ("${long.slice(0, 20)}…" is longer)`,
              })
            return tags
          }),
        price: moneySchema(currency).optional(),
        discountPercent: z
          .number({ error: 'Enter a whole percentage' })
          .int('Enter a whole percentage')
          .min(1, 'Use at least 1%')
          .max(MAX_DISCOUNT_PERCENT, `Use at most ${MAX_DISCOUNT_PERCENT}%`)
          .optional(),
        discountStartsAt: dateTimeSchema(timeZone).optional(),
        discountEndsAt: dateTimeSchema(timeZone).optional(),
        colorIds: z.array(z.string().max(64)).max(40).optional().default([]),
        sizeIds: z.array(z.string().max(64)).max(60).optional().default([]),
        variants: z.record(z.string().max(140), z.unknown()).optional().default({}),
      })
      // These run even when other fields failed, so every error shows at once; so they read
      // the values defensively (a field that failed holds whatever was posted).
      .superRefine(
        (value, ctx) => {
          const startsAt = value.discountStartsAt instanceof Date ? value.discountStartsAt : null
          const endsAt = value.discountEndsAt instanceof Date ? value.discountEndsAt : null
          if ((startsAt || endsAt) && value.discountPercent === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['discountPercent'],
              message: 'Enter the percentage off for this schedule',
            })
          }
          if (startsAt && endsAt && endsAt <= startsAt) {
            ctx.addIssue({
              code: 'custom',
              path: ['discountEndsAt'],
              message: 'The discount must end after it starts',
            })
          }
          const ids = (list: unknown) =>
            Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []
          const variants =
            typeof value.variants === 'object' && value.variants !== null
              ? (value.variants as Record<string, unknown>)
              : {}
          const skus = new Map<string, string[]>()
          for (const colorId of ids(value.colorIds)) {
            for (const sizeId of ids(value.sizeIds)) {
              const key = variantKey(colorId, sizeId)
              const cell = cellSchema.safeParse(variants[key] ?? {})
              if (!cell.success) {
                for (const issue of cell.error.issues) {
                  ctx.addIssue({
                    code: 'custom',
                    path: ['variants', key, ...issue.path.map(String)],
                    message: issue.message,
                  })
                }
                continue
              }
              const sku = cell.data.sku.toUpperCase()
              skus.set(sku, [...(skus.get(sku) ?? []), key])
            }
          }
          for (const keys of skus.values()) {
            if (keys.length < 2) continue
            for (const key of keys)
              ctx.addIssue({
                code: 'custom',
                path: ['variants', key, 'sku'],
                message: 'Each variant needs its own SKU',
              })
          }
        },
        { when: () => true },
      )
      .transform(({ intent, version, variants, colorIds, sizeIds, ...rest }) => {
        const cells: VariantInput[] = []
        for (const colorId of colorIds) {
          for (const sizeId of sizeIds) {
            const cell = cellSchema.parse(variants[variantKey(colorId, sizeId)])
            cells.push({
              colorId,
              sizeId,
              sku: cell.sku,
              stock: cell.stock,
              stockWas: cell.stockWas,
              price: cell.price ?? null,
            })
          }
        }
        const product: ProductInput = {
          title: rest.title,
          description: rest.description,
          categoryId: rest.categoryId,
          brandId: rest.brandId ?? null,
          sizeScaleId: rest.sizeScaleId,
          tags: rest.tags,
          price: rest.price ?? null,
          discountPercent: rest.discountPercent ?? null,
          discountStartsAt: rest.discountStartsAt ?? null,
          discountEndsAt: rest.discountEndsAt ?? null,
          variants: cells,
        }
        return { intent, version, product }
      })
  )
}

export const ProductStatusIntentSchema = z.object({
  intent: z.enum(['publish', 'unpublish', 'archive', 'restore']),
  productId: z.string().min(1).max(64),
})

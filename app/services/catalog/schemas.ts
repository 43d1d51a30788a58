// Over 400 lines on purpose: the catalog forms' schemas side by side, each short, shared with the browser.
import { z } from 'zod'
import { parseDateTimeInput } from '~/i18n/date-input.ts'
import { numberInput, type PriceDisplay } from '~/i18n/format.ts'
import { LOCALES, type Locale } from '~/i18n/locales.ts'
import { moneyInputUnit, parseMoneyInput, type MoneyInputUnit } from '~/i18n/money-input.ts'
import { message, type ValidationKey } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'

// Form schemas and small rules of the catalog domain, shared by the server (which enforces
// them) and the browser (which checks as you type). No server code here.

export * from './limits.ts'
import {
  SLUG_PATTERN,
  SKU_PATTERN,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  MAX_PRICE,
  MAX_STOCK,
  MAX_DISCOUNT_PERCENT,
} from './limits.ts'

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

// The catalog forms' messages are `validation` catalogue keys (app/i18n/validation.ts), shown in
// the page's language whichever side validated.
const text = (missing: ValidationKey, max: number) =>
  z
    .string({ error: message(missing) })
    .trim()
    .max(max, message('text.tooLong', { max }))
    .refine(...noControlCharacters)

const atLeast = (min: number) => message('text.tooShort', { min })

export const SlugSchema = z
  .string({ error: message('catalog.slug') })
  .trim()
  .toLowerCase()
  .min(3, atLeast(3))
  .max(60, message('text.tooLong', { max: 60 }))
  .regex(SLUG_PATTERN, message('catalog.slugFormat'))

// ---------------------------------------------------------------- shops

export const ShopSchema = z.object({
  name: text('catalog.shopName', 60).min(2, atLeast(2)),
  slug: SlugSchema,
  description: text('catalog.description', 1000).optional().default(''),
})

export const ShopProfileSchema = ShopSchema.omit({ slug: true })

// ---------------------------------------------------------------- admin catalog

/** A platform name's Persian form: optional (Persian pages then show the English name). */
const NameFaSchema = text('catalog.name', 60).optional().default('')
/** Its description's Persian form: optional (Persian pages then show the English one). */
const DescriptionFaSchema = text('catalog.description', 500).optional().default('')

export const CategoryFormSchema = z.object({
  name: text('catalog.name', 60).min(2, atLeast(2)),
  nameFa: NameFaSchema,
  slug: SlugSchema.optional(),
  parentId: z.string().max(64).optional(),
  description: text('catalog.description', 500).optional().default(''),
  descriptionFa: DescriptionFaSchema,
})

export const BrandFormSchema = z.object({
  name: text('catalog.name', 60).min(2, atLeast(2)),
  nameFa: NameFaSchema,
  slug: SlugSchema.optional(),
  description: text('catalog.description', 500).optional().default(''),
  descriptionFa: DescriptionFaSchema,
})

export const SuspendShopSchema = z.object({
  shopId: z.string().min(1).max(64),
  reason: text('catalog.suspendReason', 300).min(
    3,
    message('catalog.suspendReasonMin', { min: 3 }),
  ),
})

// ---------------------------------------------------------------- products

export type ProductFormOptions = {
  currency: string
  timeZone: string
  /** Prices are typed in the unit shoppers see: Toman for an IRR store that shows Toman. */
  priceDisplay: PriceDisplay
}

/** An amount like the ones a seller reads in the form: 19.99 dollars, 120000 Toman. */
function amountExample(unit: MoneyInputUnit) {
  return unit.factor === 10 && unit.fractionDigits === 1
    ? 120_000
    : unit.fractionDigits
      ? 19.99
      : 4500
}

function moneySchema(unit: MoneyInputUnit) {
  return z
    .string({ error: message('catalog.price') })
    .trim()
    .transform((typed, ctx) => {
      const amount = parseMoneyInput(typed, unit)
      if (amount === null) {
        ctx.addIssue({
          code: 'custom',
          message: message('catalog.amount', { example: amountExample(unit) }),
        })
        return z.NEVER
      }
      if (amount <= 0) {
        ctx.addIssue({ code: 'custom', message: message('catalog.pricePositive') })
        return z.NEVER
      }
      if (amount > MAX_PRICE) {
        ctx.addIssue({ code: 'custom', message: message('catalog.priceTooHigh') })
        return z.NEVER
      }
      return amount
    })
}

function dateTimeSchema(timeZone: string) {
  return z
    .string()
    .trim()
    .transform((typed, ctx) => {
      const at = parseDateTimeInput(typed, timeZone)
      if (!at) {
        ctx.addIssue({ code: 'custom', message: message('catalog.dateTime') })
        return z.NEVER
      }
      return at
    })
}

// Cells sit under a record the form library cannot see into, so they coerce their own text.
const blank = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value
/** Whole numbers as typed, in any digits ("۱۲" is 12); empty is missing. */
const numberFromText = (value: unknown) => {
  const typed = blank(value)
  return typeof typed === 'string' ? Number(numberInput(typed)) : typed
}

export function variantCellSchema(unit: MoneyInputUnit) {
  return z.object({
    sku: z.preprocess(
      blank,
      z
        .string({ error: message('catalog.sku') })
        .trim()
        .max(64, message('text.tooLong', { max: 64 }))
        .regex(SKU_PATTERN, message('catalog.skuFormat')),
    ),
    stock: z.preprocess(
      numberFromText,
      z
        .number({ error: message('catalog.stock') })
        .int(message('number.whole'))
        .min(0, message('catalog.stockNegative'))
        .max(MAX_STOCK, message('catalog.stockTooHigh')),
    ),
    /** The stock the seller saw when the form loaded; equal to stock means "leave it alone". */
    stockWas: z.preprocess(numberFromText, z.number().int().min(0).optional()).catch(undefined),
    price: z.preprocess(blank, moneySchema(unit).optional()),
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
  /** The language of title and description; the translated ones are in the other language. Left out: English on create, unchanged on update. */
  locale?: Locale
  title: string
  description: string
  translatedTitle?: string | null
  translatedDescription?: string | null
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
export function productFormSchema({ currency, timeZone, priceDisplay }: ProductFormOptions) {
  const unit = moneyInputUnit(currency, priceDisplay)
  const cellSchema = variantCellSchema(unit)
  return (
    z
      .object({
        intent: z.enum(PRODUCT_INTENTS).default('save'),
        version: z.number().int().positive().optional(),
        locale: z.enum(LOCALES, { error: message('catalog.locale') }).default('en'),
        title: text('catalog.title', 120).min(3, message('text.tooShort', { min: 3 })),
        description: text('catalog.description', 5000).optional().default(''),
        // The other language's title and description: optional, and checked like the main ones.
        translatedTitle: text('catalog.title', 120)
          .min(3, message('text.tooShort', { min: 3 }))
          .optional(),
        translatedDescription: text('catalog.description', 5000).optional(),
        categoryId: z.string({ error: message('catalog.category') }).max(64),
        brandId: z.string().max(64).optional(),
        sizeScaleId: z.string({ error: message('catalog.sizeScale') }).max(64),
        tags: z
          .string()
          .max(1000, message('catalog.tagsTooLong'))
          .optional()
          .transform((typed, ctx) => {
            const tags = parseTags(typed ?? '')
            if (tags.length > MAX_TAGS)
              ctx.addIssue({
                code: 'custom',
                message: message('catalog.tagsMax', { max: MAX_TAGS }),
              })
            const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH)
            if (long)
              ctx.addIssue({
                code: 'custom',
                message: message('catalog.tagTooLong', {
                  max: MAX_TAG_LENGTH,
                  tag: long.slice(0, 20),
                }),
              })
            return tags
          }),
        price: moneySchema(unit).optional(),
        discountPercent: z.preprocess(
          numberFromText,
          z
            .number({ error: message('catalog.discount') })
            .int(message('catalog.discount'))
            .min(1, message('catalog.discountMin', { min: 1 }))
            .max(
              MAX_DISCOUNT_PERCENT,
              message('catalog.discountMax', { max: MAX_DISCOUNT_PERCENT }),
            )
            .optional(),
        ),
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
              message: message('catalog.discountNeeded'),
            })
          }
          if (startsAt && endsAt && endsAt <= startsAt) {
            ctx.addIssue({
              code: 'custom',
              path: ['discountEndsAt'],
              message: message('catalog.discountOrder'),
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
                message: message('catalog.skuUnique'),
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
          locale: rest.locale,
          title: rest.title,
          description: rest.description,
          translatedTitle: rest.translatedTitle || null,
          translatedDescription: rest.translatedDescription || null,
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

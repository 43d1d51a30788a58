import type { PriceDisplay } from '~/i18n/format.ts'
import { isLocale, type Locale } from '~/i18n/locales.ts'
import { formatMoneyInput, formatWholeInput, moneyInputUnit } from '~/i18n/money-input.ts'
import { utcToZonedLocal } from '~/utils/zoned-time.ts'
import { formatDateTimeInput } from '~/i18n/date-input.ts'
import { splitVariantKey, suggestSku, variantKey } from './schemas.ts'

// The product form's values as text, the way the form holds them: from a saved product (edit),
// empty (new), or from a posted form coming back (errors, or the no-JavaScript "update the
// variant grid" round trip). Shared by the loaders and the form component.

export type CellValue = { sku: string; stock: string; price: string; stockWas?: string }

export type ProductFormValues = {
  /** The language title and description are written in; the translated ones are in the other. */
  locale: Locale
  title: string
  description: string
  translatedTitle: string
  translatedDescription: string
  categoryId: string
  brandId: string
  sizeScaleId: string
  tags: string
  price: string
  discountPercent: string
  discountStartsAt: string
  discountEndsAt: string
  colorIds: string[]
  sizeIds: string[]
  variants: Record<string, CellValue>
  version?: string
}

type SavedProduct = {
  locale: string
  title: string
  description: string
  translatedTitle: string | null
  translatedDescription: string | null
  categoryId: string
  brandId: string | null
  sizeScaleId: string
  tags: string[]
  price: number | null
  discountPercent: number | null
  discountStartsAt: Date | string | null
  discountEndsAt: Date | string | null
  version: number
  variants: Array<{
    colorId: string
    sizeId: string
    sku: string
    stock: number
    price: number | null
  }>
}

/** A new product's form; its language is the page's until the seller picks another. */
export function emptyProductValues(sizeScaleId = '', locale: Locale = 'en'): ProductFormValues {
  return {
    locale,
    title: '',
    description: '',
    translatedTitle: '',
    translatedDescription: '',
    categoryId: '',
    brandId: '',
    sizeScaleId,
    tags: '',
    price: '',
    discountPercent: '',
    discountStartsAt: '',
    discountEndsAt: '',
    colorIds: [],
    sizeIds: [],
    variants: {},
  }
}

/**
 * A saved product's form. Prices are shown in the unit shoppers see, and numbers in the page's
 * digits (`pageLocale`), the way the seller types them back.
 */
export function valuesFromProduct(
  product: SavedProduct,
  {
    currency,
    timeZone,
    priceDisplay,
    pageLocale,
  }: { currency: string; timeZone: string; priceDisplay: PriceDisplay; pageLocale: Locale },
): ProductFormValues {
  const unit = moneyInputUnit(currency, priceDisplay)
  const money = (minor: number | null) =>
    minor == null ? '' : formatMoneyInput(minor, unit, pageLocale)
  const unique = (ids: string[]) => [...new Set(ids)]
  const dateTime = (at: Date | string | null) =>
    at ? formatDateTimeInput(utcToZonedLocal(at, timeZone), pageLocale) : ''
  return {
    locale: isLocale(product.locale) ? product.locale : 'en',
    title: product.title,
    description: product.description,
    translatedTitle: product.translatedTitle ?? '',
    translatedDescription: product.translatedDescription ?? '',
    categoryId: product.categoryId,
    brandId: product.brandId ?? '',
    sizeScaleId: product.sizeScaleId,
    tags: product.tags.join(', '),
    price: money(product.price),
    discountPercent:
      product.discountPercent == null ? '' : formatWholeInput(product.discountPercent, pageLocale),
    discountStartsAt: dateTime(product.discountStartsAt),
    discountEndsAt: dateTime(product.discountEndsAt),
    colorIds: unique(product.variants.map((variant) => variant.colorId)),
    sizeIds: unique(product.variants.map((variant) => variant.sizeId)),
    variants: Object.fromEntries(
      product.variants.map((variant) => [
        variantKey(variant.colorId, variant.sizeId),
        {
          sku: variant.sku,
          stock: formatWholeInput(variant.stock, pageLocale),
          // Hidden, read back by the server only.
          stockWas: String(variant.stock),
          price: money(variant.price),
        },
      ]),
    ),
    version: String(product.version),
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const list = (value: unknown) =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string' && value
      ? [value]
      : []

/** What a posted form said, as form values (anything malformed becomes empty). */
export function valuesFromPayload(payload: unknown): ProductFormValues {
  const record = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
    string,
    unknown
  >
  const cells = (
    typeof record.variants === 'object' && record.variants !== null ? record.variants : {}
  ) as Record<string, unknown>
  const variants: Record<string, CellValue> = {}
  for (const [key, raw] of Object.entries(cells)) {
    if (!splitVariantKey(key) || typeof raw !== 'object' || raw === null) continue
    const cell = raw as Record<string, unknown>
    variants[key] = {
      sku: text(cell.sku),
      stock: text(cell.stock),
      price: text(cell.price),
      ...(typeof cell.stockWas === 'string' ? { stockWas: cell.stockWas } : {}),
    }
  }
  return {
    locale: isLocale(record.locale) ? record.locale : 'en',
    title: text(record.title),
    description: text(record.description),
    translatedTitle: text(record.translatedTitle),
    translatedDescription: text(record.translatedDescription),
    categoryId: text(record.categoryId),
    brandId: text(record.brandId),
    sizeScaleId: text(record.sizeScaleId),
    tags: text(record.tags),
    price: text(record.price),
    discountPercent: text(record.discountPercent),
    discountStartsAt: text(record.discountStartsAt),
    discountEndsAt: text(record.discountEndsAt),
    colorIds: list(record.colorIds),
    sizeIds: list(record.sizeIds),
    variants,
    ...(typeof record.version === 'string' ? { version: record.version } : {}),
  }
}

/** A new cell for a colour and size, with a suggested SKU and no stock. */
export function newCell(
  title: string,
  colorName: string,
  sizeLabel: string,
  pageLocale: Locale = 'en',
): CellValue {
  return {
    sku: suggestSku(title, colorName, sizeLabel),
    stock: formatWholeInput(0, pageLocale),
    price: '',
  }
}

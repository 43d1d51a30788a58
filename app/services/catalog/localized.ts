import type { Locale } from '~/i18n/locales.ts'

// Catalog text in two languages (docs/decisions/018). Platform names (categories, brands,
// colours, size scales and size labels) have an English name and an optional Persian one;
// a product has its title and description in its own language and optionally in the other.
// A page shows its language's text and falls back to the other. No server code here.

/** A category, brand, colour or size scale name in the page's language. */
export function localName(locale: Locale, row: { name: string; nameFa?: string | null }) {
  return (locale === 'fa' && row.nameFa) || row.name
}

/** A category's or brand's description in the page's language (the English one when untranslated). */
export function localDescription(
  locale: Locale,
  row: { description: string; descriptionFa?: string | null },
) {
  return (locale === 'fa' && row.descriptionFa) || row.description
}

/** A size label in the page's language ("One size" / "تک‌سایز"; "M" has no Persian label). */
export function localLabel(locale: Locale, row: { label: string; labelFa?: string | null }) {
  return (locale === 'fa' && row.labelFa) || row.label
}

export type ProductText = {
  locale: string
  title: string
  description: string
  translatedTitle?: string | null
  translatedDescription?: string | null
}

/** A product's title in the page's language, or in its own when untranslated. */
export function localTitle(
  locale: Locale,
  product: Pick<ProductText, 'locale' | 'title' | 'translatedTitle'>,
) {
  return (product.locale !== locale && product.translatedTitle) || product.title
}

/** A product's title and description in the page's language, each in its own when untranslated. */
export function localProductText(locale: Locale, product: ProductText) {
  return {
    title: localTitle(locale, product),
    description:
      (product.locale !== locale && product.translatedDescription) || product.description,
  }
}

import { LOCALES, localePath, splitLocale, type Locale } from './locales.ts'

/**
 * The query a page's canonical address keeps: a grid's plain page number (`?page=2` is its own
 * indexable page); anything else (a search, filters, a sort, tracking) is a permutation of the
 * plain page, which is canonical for it.
 */
export function canonicalQuery(search: string) {
  const params = new URLSearchParams(search)
  const keys = new Set(params.keys())
  const page = Number(params.get('page'))
  const plainPage = keys.size === 1 && keys.has('page') && Number.isInteger(page) && page > 1
  return plainPage ? `?page=${page}` : ''
}

export type PageAlternates = {
  canonical: string
  alternates: { hrefLang: Locale | 'x-default'; href: string }[]
}

/**
 * The page's absolute address in its own language (canonical) and in each of the store's
 * languages (`hreflang`), on the store's public origin; x-default is the unprefixed one.
 */
export function pageAlternates({
  origin,
  locale,
  defaultLocale,
  pathname,
  search,
}: {
  origin: string
  locale: Locale
  defaultLocale: Locale
  pathname: string
  search: string
}): PageAlternates {
  const path = `${splitLocale(pathname).rest}${canonicalQuery(search)}`
  const base = origin.replace(/\/+$/, '')
  const href = (lang: Locale) => `${base}${localePath(lang, defaultLocale, path)}`
  return {
    canonical: href(locale),
    alternates: [
      ...LOCALES.map((lang) => ({ hrefLang: lang, href: href(lang) })),
      { hrefLang: 'x-default' as const, href: href(defaultLocale) },
    ],
  }
}

/** The store's languages. Page routes carry an optional `($locale)` segment for them. */
export const LOCALES = ['en', 'fa'] as const
export type Locale = (typeof LOCALES)[number]

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Writing direction of each language. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'fa' ? 'rtl' : 'ltr'
}

/** The BCP 47 tag `Intl` formats each language with (Persian digits and the Solar Hijri calendar for fa). */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', fa: 'fa-IR' }

/** Each language's own name, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fa: 'فارسی' }

/**
 * The store's default language is served without a prefix (`/c/dresses`); the other one under
 * its prefix (`/fa/c/dresses`). `path` is an app path starting with `/`, with or without query.
 */
export function localePath(locale: Locale, defaultLocale: Locale, path: string) {
  if (!path.startsWith('/') || path.startsWith('//')) return path
  if (locale === defaultLocale) return path
  return path === '/' ? `/${locale}` : `/${locale}${path}`
}

/** Splits `/fa/c/dresses` into its language (when the first segment names one) and the rest. */
export function splitLocale(pathname: string): { locale: Locale | null; rest: string } {
  const first = pathname.split('/')[1]
  if (!isLocale(first)) return { locale: null, rest: pathname }
  const rest = pathname.slice(first.length + 1)
  return { locale: first, rest: rest === '' ? '/' : rest }
}

/** The store's languages. Page routes carry an optional `($locale)` segment for them. */
export const LOCALES = ['en', 'fa'] as const
export type Locale = (typeof LOCALES)[number]

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

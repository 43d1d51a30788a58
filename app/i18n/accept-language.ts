import { isLocale, type Locale } from './locales.ts'

/**
 * The store language an `Accept-Language` header ranks highest (by its q weights, then its
 * order), or null when it names none of them: `fa-IR,fa;q=0.9,en;q=0.8` is fa.
 */
export function preferredLocale(header: string | null): Locale | null {
  if (!header) return null
  let best: { locale: Locale; quality: number } | null = null
  // A real header is short; a huge one is not worth reading to the end.
  for (const part of header.slice(0, 512).split(',')) {
    const [tag = '', ...params] = part.split(';').map((piece) => piece.trim())
    const language = tag.toLowerCase().split('-')[0]
    if (!isLocale(language)) continue
    const weight = params.find((param) => param.startsWith('q='))
    const quality = weight === undefined ? 1 : Number(weight.slice(2))
    if (!(quality > 0)) continue
    if (!best || quality > best.quality) best = { locale: language, quality }
  }
  return best?.locale ?? null
}

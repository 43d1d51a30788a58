import { useLocation } from '@remix-run/react'
import { pageAlternates } from '~/i18n/alternates.ts'
import { usePageLocale } from '~/i18n/use-locale.ts'
import { useRootData } from '~/utils/root-data.ts'

/**
 * The canonical address of the page in its language and its `hreflang` alternates, from the
 * current location (so they follow client-side navigations) and the store's public origin.
 */
export function PageAlternates() {
  const root = useRootData()
  const { locale, defaultLocale } = usePageLocale()
  const { pathname, search } = useLocation()
  if (!root?.origin) return null
  const { canonical, alternates } = pageAlternates({
    origin: root.origin,
    locale,
    defaultLocale,
    pathname,
    search,
  })
  return (
    <>
      <link rel="canonical" href={canonical} />
      {alternates.map(({ hrefLang, href }) => (
        <link key={hrefLang} rel="alternate" hrefLang={hrefLang} href={href} />
      ))}
    </>
  )
}

import { useLocation, useMatches } from '@remix-run/react'
import { pageAlternates } from '~/i18n/alternates.ts'
import { usePageLocale } from '~/i18n/use-locale.ts'
import { useRootData } from '~/utils/root-data.ts'
import { socialInputOf, socialMeta } from '~/utils/seo.ts'

/**
 * Open Graph and Twitter card tags for every page (app/utils/seo.ts): the deepest route that
 * describes itself (`social`, else `meta` in its loader data) wins, else the store's defaults.
 */
export function SocialMeta() {
  const root = useRootData()
  const matches = useMatches()
  const { locale, defaultLocale } = usePageLocale()
  const { pathname, search } = useLocation()
  if (!root?.origin) return null
  const own = matches
    .slice(1)
    .reverse()
    .map((match) => socialInputOf(match.data))
    .find(Boolean)
  const page = own ?? { title: root.meta.title, description: root.meta.description }
  const { canonical } = pageAlternates({
    origin: root.origin,
    locale,
    defaultLocale,
    pathname,
    search,
  })
  const tags = socialMeta({
    siteName: root.store.name,
    locale,
    url: canonical,
    origin: root.origin,
    page,
  })
  return (
    <>
      {tags.map((tag) =>
        'property' in tag ? (
          <meta
            key={`${tag.property}:${tag.content}`}
            property={tag.property}
            content={tag.content}
          />
        ) : 'name' in tag ? (
          <meta key={`${tag.name}:${tag.content}`} name={tag.name} content={tag.content} />
        ) : null,
      )}
    </>
  )
}

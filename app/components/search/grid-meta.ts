import type { MetaDescriptor } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { hasFilters, type SearchState } from '~/services/search/state.ts'

/** What a grid's loader returns for its meta tags, already in the page's language. */
export type GridMetaText = { name: string; title: string; description: string }

/** A grid's title and description in the page's language, for its loader to return. */
export function gridMetaText(
  t: TFunction<'shop'>,
  { name, description, page }: { name: string; description: string; page: { state: SearchState } },
): GridMetaText {
  const title =
    page.state.page > 1
      ? t('pageTitleNumbered', { name, page: page.state.page })
      : t('pageTitle', { name })
  return { name, title, description }
}

/**
 * The meta tags of a category, brand or shop grid. Its plain pages (page 2, 3 …) are indexable;
 * a query, a filter or another sort is a permutation search engines should not index (the same
 * rule as /search). The canonical address (the plain page) comes from the root (PageAlternates);
 * the link-preview tags from `text` (SocialMeta, app/utils/seo.ts).
 */
export function gridMeta({
  text,
  page,
}: {
  text: GridMetaText
  page: { state: SearchState }
}): MetaDescriptor[] {
  const { state } = page
  const permutation = Boolean(state.q) || hasFilters(state) || state.sort !== 'relevance'
  return [
    { title: text.title },
    { name: 'description', content: text.description },
    ...(permutation ? [{ name: 'robots', content: 'noindex, follow' }] : []),
  ]
}

/** A page whose loader failed (404) keeps the root's title and description, in its language. */
export function rootMeta(matches: ReadonlyArray<{ id: string; meta: MetaDescriptor[] }>) {
  return matches.find((match) => match.id === 'root')?.meta ?? []
}

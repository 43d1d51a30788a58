import type { MetaDescriptor } from '@remix-run/node'
import { hasFilters, type SearchState } from '~/services/search/state.ts'

/**
 * The meta tags of a category, brand or shop grid. Its plain pages (page 2, 3 …) are canonical
 * and indexable; a query, a filter or another sort is a permutation search engines should not
 * index (the same rule as /search), pointing at the plain page instead.
 */
export function gridMeta({
  name,
  description,
  page,
  location,
}: {
  name: string
  description: string
  page: { state: SearchState }
  location: { pathname: string }
}): MetaDescriptor[] {
  const { state } = page
  const permutation = Boolean(state.q) || hasFilters(state) || state.sort !== 'relevance'
  const pageSuffix = state.page > 1 && !permutation ? `?page=${state.page}` : ''
  return [
    { title: `${name}${state.page > 1 ? ` (page ${state.page})` : ''} · Shikposh` },
    { name: 'description', content: description },
    { property: 'og:title', content: name },
    { property: 'og:description', content: description },
    { tagName: 'link', rel: 'canonical', href: `${location.pathname}${pageSuffix}` },
    ...(permutation ? [{ name: 'robots', content: 'noindex, follow' }] : []),
  ]
}

import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SearchResults } from '~/components/search/search-results.tsx'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { loadSearchPage, searchPageInit } from '~/services/search/page.server.ts'
import { rootMeta } from '~/components/search/grid-meta.ts'

// /search?q=…&brand=…&sort=…&page=…: product search with facets. Everything is in the URL.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return rootMeta(matches)
  return [
    { title: data.meta.title },
    { name: 'description', content: data.meta.description },
    // Result pages are endless permutations of one catalog: keep them out of search engines' indexes.
    { name: 'robots', content: 'noindex, follow' },
  ]
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const t = getT(request, 'search')
  const page = await loadSearchPage(request)
  const q = page.state.q
  const meta = {
    title: q ? t('meta.titleQuery', { q }) : t('meta.titleAll'),
    description: q ? t('meta.descriptionQuery', { q }) : t('meta.description'),
  }
  // When search is down, a page in the site's layout that says so, with the status saying so too.
  return data({ ...page, meta }, searchPageInit(page))
}

export default function SearchPage() {
  const page = useLoaderData<typeof loader>()
  const { t } = useTranslation('search')
  const lp = useLocalePath()
  const q = page.state.q
  return (
    <SearchResults
      data={page}
      action={lp('/search')}
      heading={
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
          {q ? (
            <Trans
              t={t}
              i18nKey="heading.results"
              values={{ q }}
              components={{ q: <bdi className="text-brand-700" /> }}
            />
          ) : (
            t('heading.all')
          )}
        </h1>
      }
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

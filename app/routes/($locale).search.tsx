import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SearchResults } from '~/components/search/search-results.tsx'
import { loadSearchPage, searchPageInit } from '~/services/search/page.server.ts'

// /search?q=…&brand=…&sort=…&page=…: product search with facets. Everything is in the URL.

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const q = data?.state.q
  return [
    { title: q ? `“${q}” · Search · Shikposh` : 'All products · Search · Shikposh' },
    // Result pages are endless permutations of one catalog: keep them out of search engines' indexes.
    { name: 'robots', content: 'noindex, follow' },
  ]
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadSearchPage(request)
  // When search is down, a page in the site's layout that says so, with the status saying so too.
  return data(page, searchPageInit(page))
}

export default function SearchPage() {
  const page = useLoaderData<typeof loader>()
  const q = page.state.q
  return (
    <SearchResults
      data={page}
      action="/search"
      heading={
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
          {q ? (
            <>
              Results for <span className="text-brand-700">“{q}”</span>
            </>
          ) : (
            'All products'
          )}
        </h1>
      }
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SearchResults } from '~/components/search/search-results.tsx'
import { getCategoryHeading } from '~/services/catalog/storefront.server.ts'
import { loadSearchPage, searchPageInit } from '~/services/search/page.server.ts'
import { invariantResponse } from '~/utils/http.ts'
import { gridMeta } from '~/utils/grid-meta.ts'

// /c/<slug>?q=…&brand=…&sort=…&page=…: a category and everything below it, through search
// (the category is the page's scope), with the same facets and URL state as /search.

export async function loader({ params, request }: LoaderFunctionArgs) {
  const heading = await getCategoryHeading(params.slug ?? '')
  invariantResponse(heading, 'There is no such category. It may have been renamed or removed.')
  const page = await loadSearchPage(request, { scope: { category: heading.category.slug } })
  return data({ ...heading, page }, searchPageInit(page))
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return [{ title: 'Category not found · Shikposh' }]
  const description =
    data.category.description ||
    `Shop ${data.category.name.toLowerCase()} from independent shops on Shikposh.`
  return gridMeta({ name: data.category.name, description, page: data.page, location })
}

export default function CategoryPage() {
  const { category, breadcrumbs, children, siblings, page } = useLoaderData<typeof loader>()
  const links = children.length ? children : siblings
  return (
    <SearchResults
      data={page}
      action={`/c/${category.slug}`}
      intro={
        <>
          <Breadcrumbs
            crumbs={[
              { name: 'Home', to: '/' },
              ...breadcrumbs.map((crumb) => ({ name: crumb.name, to: `/c/${crumb.slug}` })),
            ]}
          />
          <header className="mt-4">
            <h1 className="text-3xl font-bold tracking-tight">{category.name}</h1>
            {category.description ? (
              <p className="mt-2 max-w-2xl text-stone-600">{category.description}</p>
            ) : null}
          </header>
          {links.length ? (
            <nav
              aria-label={children.length ? `Inside ${category.name}` : 'Related categories'}
              className="mt-6"
            >
              <ul className="flex flex-wrap gap-2">
                {links.map((link) => (
                  <li key={link.slug}>
                    <Link
                      to={`/c/${link.slug}`}
                      aria-current={link.slug === category.slug ? 'page' : undefined}
                      className="inline-block rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium text-stone-700 hover:border-brand-500 hover:text-brand-700 aria-[current=page]:border-ink aria-[current=page]:bg-ink aria-[current=page]:text-white"
                    >
                      {link.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </>
      }
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

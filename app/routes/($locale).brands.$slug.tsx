import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SearchResults } from '~/components/search/search-results.tsx'
import { getBrandBySlug } from '~/services/catalog/taxonomy.server.ts'
import { loadSearchPage, searchPageInit } from '~/services/search/page.server.ts'
import { invariantResponse } from '~/utils/http.ts'
import { gridMeta } from '~/utils/grid-meta.ts'

// /brands/<slug>?…: a brand's products through search (the brand is the page's scope).

export async function loader({ params, request }: LoaderFunctionArgs) {
  const brand = await getBrandBySlug(params.slug ?? '')
  invariantResponse(brand, 'There is no such brand on Shikposh.')
  const page = await loadSearchPage(request, { scope: { brand: brand.slug } })
  return data({ brand, page }, searchPageInit(page))
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return [{ title: 'Brand not found · Shikposh' }]
  const description =
    data.brand.description || `Shop ${data.brand.name} from independent shops on Shikposh.`
  return gridMeta({ name: data.brand.name, description, page: data.page, location })
}

export default function BrandPage() {
  const { brand, page } = useLoaderData<typeof loader>()
  return (
    <SearchResults
      data={page}
      action={`/brands/${brand.slug}`}
      intro={
        <>
          <Breadcrumbs
            crumbs={[
              { name: 'Home', to: '/' },
              { name: 'Brands', to: '/brands' },
              { name: brand.name, to: `/brands/${brand.slug}` },
            ]}
          />
          <header className="mt-4">
            <h1 className="text-3xl font-bold tracking-tight">{brand.name}</h1>
            {brand.description ? (
              <p className="mt-2 max-w-2xl text-stone-600">{brand.description}</p>
            ) : null}
          </header>
        </>
      }
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

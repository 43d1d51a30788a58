import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneratedAvatar } from '~/components/avatar.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SearchResults } from '~/components/search/search-results.tsx'
import { getShopHeading } from '~/services/catalog/storefront.server.ts'
import { loadSearchPage, searchPageInit } from '~/services/search/page.server.ts'
import { useStore } from '~/root.tsx'
import { invariantResponse } from '~/utils/http.ts'
import { gridMeta } from '~/utils/grid-meta.ts'

// /shops/<slug>?…: a shop's products through search (the shop is the page's scope).

export async function loader({ params, request }: LoaderFunctionArgs) {
  const heading = await getShopHeading(params.slug ?? '')
  invariantResponse(heading, 'There is no shop at this address.')
  // A suspended shop is hidden like an unknown one, but says so plainly.
  if (heading.suspended)
    throw new Response(
      `${heading.shop.name} is not open at the moment. Its products are unavailable until it reopens.`,
      { status: 404 },
    )
  const page = await loadSearchPage(request, { scope: { shop: heading.shop.slug } })
  return data({ shop: heading.shop, page }, searchPageInit(page))
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return [{ title: 'Shop not found · Shikposh' }]
  const description = data.shop.description || `${data.shop.name} on Shikposh.`
  return gridMeta({ name: data.shop.name, description, page: data.page, location })
}

export default function ShopPage() {
  const { shop, page } = useLoaderData<typeof loader>()
  const { timeZone } = useStore()
  const since = new Date(shop.since).toLocaleDateString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone,
  })
  return (
    <SearchResults
      data={page}
      action={`/shops/${shop.slug}`}
      intro={
        <header className="flex flex-wrap items-center gap-5 rounded-2xl border border-stone-200 bg-white p-6">
          <GeneratedAvatar name={shop.name} size={72} />
          <div className="min-w-0 flex-1">
            <h1 className="text-3xl font-bold tracking-tight">{shop.name}</h1>
            {shop.description ? (
              <p className="mt-1 max-w-2xl text-stone-600">{shop.description}</p>
            ) : null}
            <p className="mt-2 text-sm text-stone-500">
              Run by {shop.owner} · on Shikposh since {since}
            </p>
          </div>
        </header>
      }
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneratedAvatar } from '~/components/avatar.tsx'
import { ProductListing } from '~/components/catalog/product-listing.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { parseListingParams } from '~/services/catalog/schemas.ts'
import { getShopPage } from '~/services/catalog/storefront.server.ts'
import { useStore } from '~/root.tsx'
import { invariantResponse } from '~/utils/http.ts'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const listingParams = parseListingParams(new URL(request.url).searchParams)
  const page = await getShopPage(params.slug ?? '', listingParams)
  invariantResponse(page, 'There is no shop at this address.')
  // A suspended shop is hidden like an unknown one, but says so plainly.
  if (page.suspended) throw new Response(`${page.shop.name} is not open at the moment. Its products are unavailable until it reopens.`, { status: 404 })
  return { shop: page.shop, listing: page.listing, sort: listingParams.sort }
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return [{ title: 'Shop not found · Shikposh' }]
  const description = data.shop.description || `${data.shop.name} on Shikposh.`
  return [
    { title: `${data.shop.name} · Shikposh` },
    { name: 'description', content: description },
    { property: 'og:title', content: data.shop.name },
    { tagName: 'link', rel: 'canonical', href: location.pathname },
  ]
}

export default function ShopPage() {
  const { shop, listing, sort } = useLoaderData<typeof loader>()
  const { timeZone } = useStore()
  const since = new Date(shop.since).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone })
  return (
    <div>
      <header className="flex flex-wrap items-center gap-5 rounded-2xl border border-stone-200 bg-white p-6">
        <GeneratedAvatar name={shop.name} size={72} />
        <div className="min-w-0 flex-1">
          <h1 className="text-3xl font-bold tracking-tight">{shop.name}</h1>
          {shop.description ? <p className="mt-1 max-w-2xl text-stone-600">{shop.description}</p> : null}
          <p className="mt-2 text-sm text-stone-500">
            Run by {shop.owner} · on Shikposh since {since}
          </p>
        </div>
      </header>
      <div className="mt-8">
        <ProductListing listing={listing} sort={sort} label={`Products from ${shop.name}`} empty={`${shop.name} has nothing listed right now.`} />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

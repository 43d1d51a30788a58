import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { ProductListing } from '~/components/catalog/product-listing.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { parseListingParams } from '~/services/catalog/schemas.ts'
import { getBrandPage } from '~/services/catalog/storefront.server.ts'
import { invariantResponse } from '~/utils/http.ts'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const listingParams = parseListingParams(new URL(request.url).searchParams)
  const page = await getBrandPage(params.slug ?? '', listingParams)
  invariantResponse(page, 'There is no such brand on Shikposh.')
  return { ...page, sort: listingParams.sort }
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return [{ title: 'Brand not found · Shikposh' }]
  const description = data.brand.description || `Shop ${data.brand.name} from independent shops on Shikposh.`
  return [
    { title: `${data.brand.name} · Shikposh` },
    { name: 'description', content: description },
    { property: 'og:title', content: data.brand.name },
    { tagName: 'link', rel: 'canonical', href: location.pathname },
  ]
}

export default function BrandPage() {
  const { brand, listing, sort } = useLoaderData<typeof loader>()
  return (
    <div>
      <Breadcrumbs
        crumbs={[
          { name: 'Home', to: '/' },
          { name: 'Brands', to: '/brands' },
          { name: brand.name, to: `/brands/${brand.slug}` },
        ]}
      />
      <header className="mt-4">
        <h1 className="text-3xl font-bold tracking-tight">{brand.name}</h1>
        {brand.description ? <p className="mt-2 max-w-2xl text-stone-600">{brand.description}</p> : null}
      </header>
      <div className="mt-8">
        <ProductListing listing={listing} sort={sort} label={`${brand.name} products`} empty={`No ${brand.name} products are listed right now.`} />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { ProductListing } from '~/components/catalog/product-listing.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { parseListingParams } from '~/services/catalog/schemas.ts'
import { getCategoryPage } from '~/services/catalog/storefront.server.ts'
import { invariantResponse } from '~/utils/http.ts'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const listingParams = parseListingParams(new URL(request.url).searchParams)
  const page = await getCategoryPage(params.slug ?? '', listingParams)
  invariantResponse(page, 'There is no such category. It may have been renamed or removed.')
  return { ...page, sort: listingParams.sort }
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return [{ title: 'Category not found · Shikposh' }]
  const description = data.category.description || `Shop ${data.category.name.toLowerCase()} from independent shops on Shikposh.`
  return [
    { title: `${data.category.name}${data.listing.page > 1 ? ` (page ${data.listing.page})` : ''} · Shikposh` },
    { name: 'description', content: description },
    { property: 'og:title', content: data.category.name },
    { property: 'og:description', content: description },
    { tagName: 'link', rel: 'canonical', href: `${location.pathname}${data.listing.page > 1 ? `?page=${data.listing.page}` : ''}` },
  ]
}

export default function CategoryPage() {
  const { category, breadcrumbs, children, siblings, listing, sort } = useLoaderData<typeof loader>()
  const links = children.length ? children : siblings
  return (
    <div>
      <Breadcrumbs crumbs={[{ name: 'Home', to: '/' }, ...breadcrumbs.map((crumb) => ({ name: crumb.name, to: `/c/${crumb.slug}` }))]} />
      <header className="mt-4">
        <h1 className="text-3xl font-bold tracking-tight">{category.name}</h1>
        {category.description ? <p className="mt-2 max-w-2xl text-stone-600">{category.description}</p> : null}
      </header>
      {links.length ? (
        <nav aria-label={children.length ? `Inside ${category.name}` : 'Related categories'} className="mt-6">
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
      <div className="mt-8">
        <ProductListing
          listing={listing}
          sort={sort}
          label={`${category.name} products`}
          empty={
            listing.page > 1 ? (
              <>
                No products on this page. <Link to="?" className="link">Back to the first page</Link>
              </>
            ) : (
              'Nothing in this category yet. Check back soon.'
            )
          }
        />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listAllBrands } from '~/services/catalog/storefront.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Brands · Shikposh' },
  { name: 'description', content: 'Every brand sold by independent shops on Shikposh.' },
]

export async function loader() {
  return { brands: await listAllBrands() }
}

export default function BrandsPage() {
  const { brands } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Brands</h1>
      <p className="mt-2 text-stone-600">
        Labels our sellers stock, from tailoring houses to tiny studios.
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {brands.map((brand) => (
          <li key={brand.slug}>
            <Link
              to={`/brands/${brand.slug}`}
              className="block h-full card transition hover:border-brand-200 hover:shadow-md"
            >
              <span className="text-lg font-semibold text-ink">{brand.name}</span>
              {brand.description ? (
                <span className="mt-1 block text-sm text-stone-600">{brand.description}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}

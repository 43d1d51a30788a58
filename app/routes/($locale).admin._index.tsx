/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { getCatalogCounts } from '~/services/catalog/shops.server.ts'
import { countModerationQueue } from '~/services/reviews/moderation.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const [counts, reviewsWaiting] = await Promise.all([getCatalogCounts(), countModerationQueue()])
  return { counts, reviewsWaiting }
}

export default function AdminOverview() {
  const { counts, reviewsWaiting } = useLoaderData<typeof loader>()
  const cards = [
    {
      label: 'Products in the store',
      value: counts.listed,
      detail: `${counts.products.toLocaleString('en-US')} in all`,
      to: '/admin/products',
    },
    {
      label: 'Shops',
      value: counts.shops,
      detail: `${counts.suspended} suspended`,
      to: '/admin/shops',
    },
    {
      label: 'Categories',
      value: counts.categories,
      detail: `${counts.brands} brands`,
      to: '/admin/catalog',
    },
    {
      label: 'Reviews waiting',
      value: reviewsWaiting,
      detail: 'new, edited or reported',
      to: '/admin/reviews',
    },
  ]
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Overview</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <li key={card.label}>
            <Link to={card.to} className="block card hover:border-brand-200">
              <span className="text-sm text-stone-600">{card.label}</span>
              <span className="mt-1 block text-3xl font-bold">
                {card.value.toLocaleString('en-US')}
              </span>
              <span className="text-sm text-stone-500">{card.detail}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}

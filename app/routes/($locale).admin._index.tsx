import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { adminTitle } from '~/http/admin.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { getCatalogCounts } from '~/services/catalog/shops.server.ts'
import { countModerationQueue } from '~/services/reviews/moderation.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const [counts, reviewsWaiting] = await Promise.all([getCatalogCounts(), countModerationQueue()])
  const title = adminTitle(request, getT(request, 'admin')('overview.heading'))
  return { counts, reviewsWaiting, title }
}

export default function AdminOverview() {
  const { counts, reviewsWaiting } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const cards = [
    {
      label: t('overview.products'),
      value: counts.listed,
      detail: t('overview.productsDetail', { count: counts.products }),
      to: '/admin/products',
    },
    {
      label: t('overview.shops'),
      value: counts.shops,
      detail: t('overview.shopsDetail', { count: counts.suspended }),
      to: '/admin/shops',
    },
    {
      label: t('overview.categories'),
      value: counts.categories,
      detail: t('overview.categoriesDetail', { count: counts.brands }),
      to: '/admin/catalog',
    },
    {
      label: t('overview.reviews'),
      value: reviewsWaiting,
      detail: t('overview.reviewsDetail'),
      to: '/admin/reviews',
    },
  ]
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{t('overview.heading')}</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <li key={card.to}>
            <Link to={lp(card.to)} className="block card hover:border-brand-200">
              <span className="text-sm text-stone-600">{card.label}</span>
              <span className="mt-1 block text-3xl font-bold">{f.number(card.value)}</span>
              <span className="text-sm text-stone-500">{card.detail}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}

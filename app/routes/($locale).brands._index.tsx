import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { listAllBrands } from '~/services/catalog/storefront.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title },
  { name: 'description', content: data?.meta.description },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const t = getT(request, 'shop')
  const meta = {
    title: t('pageTitle', { name: t('brands.title') }),
    description: t('brands.metaDescription'),
  }
  return { brands: await listAllBrands(getLocale(request)), meta }
}

export default function BrandsPage() {
  const { brands } = useLoaderData<typeof loader>()
  const { t } = useTranslation('shop')
  const lp = useLocalePath()
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">{t('brands.title')}</h1>
      <p className="mt-2 text-stone-600">{t('brands.lead')}</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {brands.map((brand) => (
          <li key={brand.slug}>
            <Link
              to={lp(`/brands/${brand.slug}`)}
              className="block h-full card transition hover:border-brand-200 hover:shadow-md"
            >
              <bdi className="text-lg font-semibold text-ink">{brand.name}</bdi>
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

import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SearchResults } from '~/components/search/search-results.tsx'
import { getBrandBySlug } from '~/services/catalog/taxonomy.server.ts'
import { loadSearchPage, searchPageInit } from '~/services/search/page.server.ts'
import { invariantResponse } from '~/utils/http.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { gridMeta, gridMetaText, rootMeta } from '~/components/search/grid-meta.ts'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'

// /brands/<slug>?…: a brand's products through search (the brand is the page's scope).

export async function loader({ params, request }: LoaderFunctionArgs) {
  const t = getT(request, 'shop')
  const brand = await getBrandBySlug(params.slug ?? '', getLocale(request))
  invariantResponse(brand, t('brand.notFound'))
  const page = await loadSearchPage(request, { scope: { brand: brand.slug } })
  tagPage(PAGE_TAGS.brand(brand.slug))
  const meta = gridMetaText(t, {
    name: brand.name,
    description: brand.description || t('brand.metaDescription', { name: brand.name }),
    page,
  })
  return data({ brand, page, meta }, searchPageInit(page))
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return rootMeta(matches)
  return gridMeta({ text: data.meta, page: data.page })
}

export default function BrandPage() {
  const { brand, page } = useLoaderData<typeof loader>()
  const { t } = useTranslation('shop')
  const lp = useLocalePath()
  return (
    <SearchResults
      data={page}
      action={lp(`/brands/${brand.slug}`)}
      intro={
        <>
          <Breadcrumbs
            crumbs={[
              { name: t('crumbs.home'), to: lp('/') },
              { name: t('crumbs.brands'), to: lp('/brands') },
              { name: brand.name, to: lp(`/brands/${brand.slug}`) },
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

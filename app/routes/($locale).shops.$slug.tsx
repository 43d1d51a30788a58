import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Trans } from 'react-i18next'
import { GeneratedAvatar } from '~/components/avatar.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SearchResults } from '~/components/search/search-results.tsx'
import { getShopHeading } from '~/services/catalog/storefront.server.ts'
import { loadSearchPage, searchPageInit } from '~/services/search/page.server.ts'
import { invariantResponse } from '~/utils/http.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath, usePageLocale } from '~/i18n/use-locale.ts'
import { INTL_LOCALE, type Locale } from '~/i18n/locales.ts'
import { gridMeta, gridMetaText, rootMeta } from '~/components/search/grid-meta.ts'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'

// /shops/<slug>?…: a shop's products through search (the shop is the page's scope).

export async function loader({ params, request }: LoaderFunctionArgs) {
  const t = getT(request, 'shop')
  const heading = await getShopHeading(params.slug ?? '')
  invariantResponse(heading, t('shop.notFound'))
  // A suspended shop is hidden like an unknown one, but says so plainly.
  if (heading.suspended)
    throw new Response(t('shop.suspended', { name: heading.shop.name }), { status: 404 })
  const page = await loadSearchPage(request, { scope: { shop: heading.shop.slug } })
  tagPage(PAGE_TAGS.shop(heading.shop.slug))
  const meta = gridMetaText(t, {
    name: heading.shop.name,
    description: heading.shop.description || t('shop.metaDescription', { name: heading.shop.name }),
    page,
  })
  return data({ shop: heading.shop, page, meta }, searchPageInit(page))
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return rootMeta(matches)
  return gridMeta({ text: data.meta, page: data.page })
}

export default function ShopPage() {
  const { shop, page } = useLoaderData<typeof loader>()
  const { locale, store } = usePageLocale()
  const lp = useLocalePath()
  const since = monthYear(shop.since, locale, store.timeZone)
  return (
    <SearchResults
      data={page}
      action={lp(`/shops/${shop.slug}`)}
      intro={
        <header className="flex flex-wrap items-center gap-5 rounded-2xl border border-stone-200 bg-white p-6">
          <GeneratedAvatar name={shop.name} size={72} />
          <div className="min-w-0 flex-1">
            <h1 className="text-3xl font-bold tracking-tight">{shop.name}</h1>
            {shop.description ? (
              <p className="mt-1 max-w-2xl text-stone-600">{shop.description}</p>
            ) : null}
            <p className="mt-2 text-sm text-stone-500">
              <Trans
                ns="shop"
                i18nKey="shop.runBy"
                values={{ owner: shop.owner, since }}
                components={{ owner: <bdi /> }}
              />
            </p>
          </div>
        </header>
      }
    />
  )
}

/** "March 2024" or "اسفند ۱۴۰۲": when the shop opened, in the page's calendar. */
function monthYear(value: string | Date, locale: Locale, timeZone: string) {
  return new Date(value).toLocaleDateString(INTL_LOCALE[locale], {
    month: 'long',
    year: 'numeric',
    timeZone,
  })
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

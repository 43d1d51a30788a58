import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SearchResults } from '~/components/search/search-results.tsx'
import { getCategoryHeading } from '~/services/catalog/storefront.server.ts'
import { loadSearchPage, searchPageInit } from '~/services/search/page.server.ts'
import { invariantResponse } from '~/utils/http.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { gridMeta, gridMetaText, rootMeta } from '~/components/search/grid-meta.ts'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'

// /c/<slug>?q=…&brand=…&sort=…&page=…: a category and everything below it, through search
// (the category is the page's scope), with the same facets and URL state as /search.

export async function loader({ params, request }: LoaderFunctionArgs) {
  const t = getT(request, 'shop')
  const heading = await getCategoryHeading(params.slug ?? '', getLocale(request))
  invariantResponse(heading, t('category.notFound'))
  const page = await loadSearchPage(request, { scope: { category: heading.category.slug } })
  tagPage(PAGE_TAGS.category(heading.category.slug))
  const { name, description } = heading.category
  const meta = gridMetaText(t, {
    name,
    description: description || t('category.metaDescription', { name: name.toLowerCase() }),
    page,
  })
  return data({ ...heading, page, meta }, searchPageInit(page))
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return rootMeta(matches)
  return gridMeta({ text: data.meta, page: data.page })
}

export default function CategoryPage() {
  const { category, breadcrumbs, children, siblings, page } = useLoaderData<typeof loader>()
  const { t } = useTranslation('shop')
  const lp = useLocalePath()
  const links = children.length ? children : siblings
  return (
    <SearchResults
      data={page}
      action={lp(`/c/${category.slug}`)}
      intro={
        <>
          <Breadcrumbs
            crumbs={[
              { name: t('crumbs.home'), to: lp('/') },
              ...breadcrumbs.map((crumb) => ({ name: crumb.name, to: lp(`/c/${crumb.slug}`) })),
            ]}
          />
          <header className="mt-4">
            <h1 className="text-3xl font-bold tracking-tight">{category.name}</h1>
            {category.description ? (
              <p className="mt-2 max-w-2xl text-stone-600">{category.description}</p>
            ) : null}
          </header>
          {links.length ? (
            <nav
              aria-label={
                children.length
                  ? t('category.inside', { name: category.name })
                  : t('category.related')
              }
              className="mt-6"
            >
              <ul className="flex flex-wrap gap-2">
                {links.map((link) => (
                  <li key={link.slug}>
                    <Link
                      to={lp(`/c/${link.slug}`)}
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
        </>
      }
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

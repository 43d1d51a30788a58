import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageAlternates } from '~/i18n/alternates.ts'
import { usePageLocale } from '~/i18n/use-locale.ts'
import { useRootData } from '~/utils/root-data.ts'
import { breadcrumbJsonLd } from '~/utils/seo.ts'
import { JsonLd } from './json-ld.tsx'

export type Crumb = { name: string; to: string }

const SEPARATOR = '/'

/**
 * Where this page sits; the last crumb is the current page. Separators lean the way of reading.
 * Search engines get the same trail as a BreadcrumbList (app/utils/seo.ts).
 */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useTranslation()
  return (
    <>
      <BreadcrumbData crumbs={crumbs} />
      <nav aria-label={t('breadcrumb')} className="text-sm text-stone-500">
        <ol className="flex flex-wrap items-center gap-1.5">
          {crumbs.map((crumb, index) => {
            const last = index === crumbs.length - 1
            return (
              <li key={crumb.to} className="flex items-center gap-1.5">
                {index > 0 ? (
                  <span aria-hidden className="inline-block rtl:-scale-x-100">
                    {SEPARATOR}
                  </span>
                ) : null}
                {last ? (
                  <span aria-current="page" className="font-medium text-stone-800">
                    {crumb.name}
                  </span>
                ) : (
                  <Link to={crumb.to} className="hover:text-brand-700 hover:underline">
                    {crumb.name}
                  </Link>
                )}
              </li>
            )
          })}
        </ol>
      </nav>
    </>
  )
}

function BreadcrumbData({ crumbs }: { crumbs: Crumb[] }) {
  const root = useRootData()
  const { locale, defaultLocale } = usePageLocale()
  const { pathname, search } = useLocation()
  if (!root?.origin || !crumbs.length) return null
  const { canonical } = pageAlternates({
    origin: root.origin,
    locale,
    defaultLocale,
    pathname,
    search,
  })
  const items = crumbs.map((crumb, index) => ({
    name: crumb.name,
    url: index === crumbs.length - 1 ? canonical : new URL(crumb.to, root.origin).toString(),
  }))
  return <JsonLd data={breadcrumbJsonLd(items)} />
}

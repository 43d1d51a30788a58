import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export type Crumb = { name: string; to: string }

const SEPARATOR = '/'

/** Where this page sits; the last crumb is the current page. Separators lean the way of reading. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useTranslation()
  return (
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
  )
}

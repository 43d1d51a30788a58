/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { Link } from '@remix-run/react'

export type Crumb = { name: string; to: string }

/** Where this page sits; the last crumb is the current page. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
      <ol className="flex flex-wrap items-center gap-1.5">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1
          return (
            <li key={crumb.to} className="flex items-center gap-1.5">
              {index > 0 ? <span aria-hidden>/</span> : null}
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

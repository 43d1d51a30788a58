import { NavLink, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalePath } from '~/i18n/use-locale.ts'
import type { CategoryLink } from '~/services/catalog/taxonomy.server.ts'

/**
 * The department bar under the header. Each department opens a panel of its sub-categories on
 * hover and on keyboard focus (CSS only, so it works before JavaScript loads); on touch the
 * department link leads to its page, which lists the same sub-categories.
 */
export function CategoryNav({ categories }: { categories: CategoryLink[] }) {
  const { t } = useTranslation()
  const lp = useLocalePath()
  const nav = useRef<HTMLElement>(null)
  const { pathname } = useLocation()
  // After following a link in an open panel, close the panel: it is open while focus is inside.
  useEffect(() => {
    const active = document.activeElement
    if (active instanceof HTMLElement && nav.current?.contains(active)) active.blur()
  }, [pathname])
  return (
    <nav ref={nav} aria-label={t('categoryNav.label')} className="border-t border-stone-100">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-2 sm:px-4 lg:px-6">
        {categories.map((department) => (
          <li key={department.slug} className="group static">
            <NavLink
              to={lp(`/c/${department.slug}`)}
              className={({ isActive }) =>
                `block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${isActive ? 'border-brand-600 text-brand-700' : 'border-transparent text-stone-700 hover:border-stone-300 hover:text-ink'}`
              }
            >
              {department.name}
            </NavLink>
            {department.children.length ? (
              <div className="invisible absolute inset-x-0 z-30 hidden border-y border-stone-200 bg-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 md:block">
                <div className="mx-auto grid max-w-7xl grid-cols-2 gap-8 px-4 py-6 sm:px-6 lg:grid-cols-4 lg:px-8">
                  {department.children.map((section) => (
                    <div key={section.slug}>
                      <NavLink
                        to={lp(`/c/${section.slug}`)}
                        className="text-sm font-semibold text-ink hover:text-brand-700"
                      >
                        {section.name}
                      </NavLink>
                      {section.children.length ? (
                        <ul className="mt-2 space-y-1.5">
                          {section.children.map((leaf) => (
                            <li key={leaf.slug}>
                              <NavLink
                                to={lp(`/c/${leaf.slug}`)}
                                className="text-sm text-stone-600 hover:text-brand-700 hover:underline"
                              >
                                {leaf.name}
                              </NavLink>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                  ))}
                </div>
              </div>
            ) : null}
          </li>
        ))}
        <li>
          <NavLink
            to={lp('/brands')}
            className="block border-b-2 border-transparent px-3 py-2.5 text-sm font-medium whitespace-nowrap text-stone-700 hover:border-stone-300"
          >
            {t('categoryNav.brands')}
          </NavLink>
        </li>
      </ul>
    </nav>
  )
}

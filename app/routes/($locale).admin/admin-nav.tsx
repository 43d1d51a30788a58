import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useLocalePath } from '~/i18n/use-locale.ts'

// The admin area's sections as data; the admin layout (app/routes/($locale).admin.tsx) shows them
// above every admin page. Each branch that adds an admin page adds it here, with its two
// catalogue entries (`nav.<key>` and `nav.<key>Description` in the admin namespace).

export type AdminSectionKey =
  | 'overview'
  | 'catalog'
  | 'shops'
  | 'products'
  | 'promos'
  | 'commissions'
  | 'payouts'
  | 'reviews'
  | 'users'
  | 'pages'
  | 'audit'
  | 'jobs'
export type AdminSection = { to: string; key: AdminSectionKey; end?: boolean }

export const ADMIN_SECTIONS: AdminSection[] = [
  { to: '/admin', key: 'overview', end: true },
  { to: '/admin/catalog', key: 'catalog' },
  { to: '/admin/shops', key: 'shops' },
  { to: '/admin/products', key: 'products' },
  { to: '/admin/promos', key: 'promos' },
  { to: '/admin/commissions', key: 'commissions' },
  { to: '/admin/payouts', key: 'payouts' },
  { to: '/admin/reviews', key: 'reviews' },
  { to: '/admin/users', key: 'users' },
  { to: '/admin/pages', key: 'pages' },
  { to: '/admin/audit', key: 'audit' },
  { to: '/admin/jobs', key: 'jobs' },
]

export function AdminNav({ sections = ADMIN_SECTIONS }: { sections?: AdminSection[] }) {
  const { t } = useTranslation('admin')
  const lp = useLocalePath()
  return (
    <nav aria-label={t('nav.label')} className="mb-8 border-b border-stone-200">
      <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
        {t('nav.heading')}
      </p>
      <ul className="mt-2 -mb-px flex gap-1 overflow-x-auto">
        {sections.map((section) => (
          <li key={section.to}>
            <NavLink
              to={lp(section.to)}
              end={section.end}
              title={t(`nav.${section.key}Description`)}
              className={({ isActive }) =>
                `block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
                  isActive
                    ? 'border-brand-600 text-brand-700'
                    : 'border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900'
                }`
              }
            >
              {t(`nav.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

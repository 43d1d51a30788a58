/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { NavLink } from '@remix-run/react'

// The admin area's sections as data; the admin layout (app/routes/admin.tsx) shows them above
// every admin page. Each branch that adds an admin page adds it here.

export type AdminSection = { to: string; label: string; description: string; end?: boolean }

export const ADMIN_SECTIONS: AdminSection[] = [
  { to: '/admin', label: 'Overview', description: 'The store in figures.', end: true },
  {
    to: '/admin/catalog',
    label: 'Categories & brands',
    description: 'The category tree and the brands sellers pick from.',
  },
  { to: '/admin/shops', label: 'Shops', description: 'Suspend and reinstate shops.' },
  { to: '/admin/products', label: 'Products', description: 'Feature products on the home page.' },
  {
    to: '/admin/reviews',
    label: 'Reviews',
    description: 'The moderation queue: new, edited and reported reviews.',
  },
  {
    to: '/admin/users',
    label: 'Users',
    description: 'Find accounts, block and unblock, grant or remove admin.',
  },
  {
    to: '/admin/audit',
    label: 'Audit log',
    description: 'Every admin action: who, what, on what, when and why.',
  },
]

export function AdminNav({ sections = ADMIN_SECTIONS }: { sections?: AdminSection[] }) {
  return (
    <nav aria-label="Admin" className="mb-8 border-b border-stone-200">
      <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">Admin</p>
      <ul className="mt-2 -mb-px flex gap-1 overflow-x-auto">
        {sections.map((section) => (
          <li key={section.to}>
            <NavLink
              to={section.to}
              end={section.end}
              title={section.description}
              className={({ isActive }) =>
                `block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
                  isActive
                    ? 'border-brand-600 text-brand-700'
                    : 'border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900'
                }`
              }
            >
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

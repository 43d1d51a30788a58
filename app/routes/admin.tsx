import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { requireRole } from '~/services/accounts/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Admin · Shikposh' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  return null
}

/**
 * The admin area's sections; other areas add theirs here (reviews, users, audit log).
 * Every child route checks the ADMIN role itself too: loaders run in parallel.
 */
const ADMIN_NAV: Array<{ to: string; label: string; end?: boolean }> = [
  { to: '/admin', label: 'Overview', end: true },
  { to: '/admin/catalog', label: 'Categories & brands' },
  { to: '/admin/shops', label: 'Shops' },
  { to: '/admin/products', label: 'Products' },
]

export default function AdminLayout() {
  return (
    <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
      <aside>
        <p className="text-xs font-semibold uppercase tracking-widest text-stone-500">Admin</p>
        <nav aria-label="Admin" className="mt-3 flex gap-1 overflow-x-auto md:flex-col">
          {ADMIN_NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-50 text-brand-700' : 'text-stone-700 hover:bg-stone-100'}`
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
      </aside>
      <div className="min-w-0">
        <Outlet />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

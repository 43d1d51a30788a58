/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { UserAvatar } from '~/components/media/user-avatar.tsx'
import type { loader as rootLoader } from '~/root.tsx'
import { requireUser } from '~/services/accounts/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { user }
}

const TABS = [
  { to: '/account', label: 'Profile', end: true },
  { to: '/account/addresses', label: 'Addresses', end: false },
  { to: '/account/security', label: 'Password & sessions', end: false },
]

export default function AccountLayout() {
  const { user } = useLoaderData<typeof loader>()
  // The root loader already looked the avatar up for the header.
  const avatar = useRouteLoaderData<typeof rootLoader>('root')?.user?.avatar
  return (
    <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
      <aside>
        <div className="flex items-center gap-3">
          <UserAvatar name={user.name} avatar={avatar} size={48} />
          <div className="min-w-0">
            <p className="truncate font-semibold">{user.name}</p>
            <p className="truncate text-sm text-stone-500">{user.email}</p>
          </div>
        </div>
        <nav aria-label="Your account" className="mt-6 flex gap-1 overflow-x-auto md:flex-col">
          {TABS.map((tab) => (
            <NavLink
              key={tab.to}
              to={tab.to}
              end={tab.end}
              className={({ isActive }) =>
                `rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${isActive ? 'bg-brand-50 text-brand-700' : 'text-stone-700 hover:bg-stone-100'}`
              }
            >
              {tab.label}
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

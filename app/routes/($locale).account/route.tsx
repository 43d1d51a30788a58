import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { UserAvatar } from '~/components/media/user-avatar.tsx'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { useRootData } from '~/utils/root-data.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { getVerificationStatus } from '~/services/accounts/verification.server.ts'
import { VerificationReminder } from './verification-reminder.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { user, verification: await getVerificationStatus(user.id) }
}

const TABS = [
  { to: '/account', label: 'profile', end: true },
  { to: '/account/addresses', label: 'addresses', end: false },
  { to: '/account/security', label: 'security', end: false },
  { to: '/account/notifications', label: 'notifications', end: false },
  { to: '/account/tokens', label: 'tokens', end: false },
] as const

export default function AccountLayout() {
  const { t } = useTranslation('account')
  const lp = useLocalePath()
  const { user, verification } = useLoaderData<typeof loader>()
  // The root loader already looked the avatar up for the header.
  const avatar = useRootData()?.user?.avatar
  return (
    <div className="grid grid-cols-1 gap-8 md:grid-cols-[14rem_1fr]">
      {/* min-w-0: the tabs scroll sideways on a phone instead of widening the page. */}
      <aside className="min-w-0">
        <div className="flex items-center gap-3">
          <UserAvatar name={user.name} avatar={avatar} size={48} />
          <div className="min-w-0">
            <p className="truncate font-semibold">{user.name}</p>
            <p className="truncate text-sm text-stone-500">
              <bdi>{user.email}</bdi>
            </p>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="mt-6 flex gap-1 overflow-x-auto md:flex-col">
          {TABS.map((tab) => (
            <NavLink
              key={tab.to}
              to={lp(tab.to)}
              end={tab.end}
              className={({ isActive }) =>
                `rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${isActive ? 'bg-brand-50 text-brand-700' : 'text-stone-700 hover:bg-stone-100'}`
              }
            >
              {t(`nav.${tab.label}`)}
            </NavLink>
          ))}
        </nav>
      </aside>
      <div className="min-w-0 space-y-6">
        <VerificationReminder email={user.email} {...verification} />
        <Outlet />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

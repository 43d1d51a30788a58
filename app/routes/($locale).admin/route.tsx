import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { AdminNav } from './admin-nav.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { getT } from '~/i18n/i18n.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

// Every child route checks the role itself too: Remix runs the loaders in parallel.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const t = getT(request, 'admin')
  return { title: t('layoutTitle', { store: getT(request)('store.name') }) }
}

/** The admin area: its sections (admin-nav.tsx, beside it) above every admin page. */
export default function AdminLayout() {
  return (
    <div>
      <AdminNav />
      <Outlet />
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <div>
      <AdminNav />
      <GeneralErrorBoundary />
    </div>
  )
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { requireRole } from '~/services/accounts/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Admin · Shikposh' }]

// Every child route checks the role itself too: Remix runs the loaders in parallel.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  return null
}

/** The admin area: its sections (app/components/admin-nav.tsx) above every admin page. */
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

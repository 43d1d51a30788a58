/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { GeneratedAvatar } from '~/components/avatar.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { getShopForOwner } from '~/services/catalog/shops.server.ts'

export const meta: MetaFunction = () => [{ title: 'Seller dashboard · Shikposh' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { shop: await getShopForOwner(user.id) }
}

/**
 * The seller dashboard's sections: the one navigation of every /sell page. `end` marks links
 * that are active only on their exact path.
 */
const SELL_NAV: Array<{ to: string; label: string; end?: boolean }> = [
  { to: '/sell', label: 'Overview', end: true },
  { to: '/sell/products', label: 'Products' },
  { to: '/sell/orders', label: 'Orders' },
  { to: '/sell/sales', label: 'Sales' },
  { to: '/sell/shop', label: 'Shop profile' },
]

export default function SellLayout() {
  const { shop } = useLoaderData<typeof loader>()
  // Before the shop exists, /sell is the onboarding page and has no dashboard around it.
  if (!shop) return <Outlet />
  return (
    <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
      <aside>
        <div className="flex items-center gap-3">
          <GeneratedAvatar name={shop.name} size={44} />
          <div className="min-w-0">
            <p className="truncate font-semibold">{shop.name}</p>
            <Link
              to={`/shops/${shop.slug}`}
              className="truncate text-sm text-stone-500 hover:text-brand-700 hover:underline"
            >
              View shop
            </Link>
          </div>
        </div>
        <nav aria-label="Seller dashboard" className="mt-6 flex gap-1 overflow-x-auto md:flex-col">
          {SELL_NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${isActive ? 'bg-brand-50 text-brand-700' : 'text-stone-700 hover:bg-stone-100'}`
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <Link to="/sell/products/new" className="mt-6 btn-primary hidden w-full md:flex">
          Add a product
        </Link>
      </aside>
      <div className="min-w-0">
        {shop.status === 'SUSPENDED' ? (
          <div
            role="alert"
            className="mb-6 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900"
          >
            <p className="font-semibold">Your shop is suspended.</p>
            <p className="mt-1">
              None of your products are visible in the store until it is reinstated.
              {shop.suspendedReason ? ` Reason given: “${shop.suspendedReason}”.` : ''} You can
              still edit your products.
            </p>
          </div>
        ) : null}
        <Outlet />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

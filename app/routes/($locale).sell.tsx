import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneratedAvatar } from '~/components/avatar.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { getShopForOwner } from '~/services/catalog/shops.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const t = getT(request, 'seller')
  return {
    shop: await getShopForOwner(user.id),
    title: t('meta.title', { page: t('meta.dashboard') }),
  }
}

/**
 * The seller dashboard's sections: the one navigation of every /sell page. `end` marks links
 * that are active only on their exact path.
 */
const SELL_NAV = [
  { to: '/sell', label: 'overview', end: true },
  { to: '/sell/products', label: 'products' },
  { to: '/sell/orders', label: 'orders' },
  { to: '/sell/sales', label: 'sales' },
  { to: '/sell/finances', label: 'finances' },
  { to: '/sell/promos', label: 'promos' },
  { to: '/sell/shop', label: 'shop' },
] as const satisfies Array<{ to: string; label: string; end?: boolean }>

export default function SellLayout() {
  const { shop } = useLoaderData<typeof loader>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  // Before the shop exists, /sell is the onboarding page and has no dashboard around it.
  if (!shop) return <Outlet />
  return (
    <div className="grid grid-cols-1 gap-8 md:grid-cols-[14rem_minmax(0,1fr)] print:block">
      <aside className="print:hidden">
        <div className="flex items-center gap-3">
          <GeneratedAvatar name={shop.name} size={44} />
          <div className="min-w-0">
            <p className="truncate font-semibold">{shop.name}</p>
            <Link
              to={lp(`/shops/${shop.slug}`)}
              className="truncate text-sm text-stone-500 hover:text-brand-700 hover:underline"
            >
              {t('nav.viewShop')}
            </Link>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="mt-6 flex gap-1 overflow-x-auto md:flex-col">
          {SELL_NAV.map((item) => (
            <NavLink
              key={item.to}
              to={lp(item.to)}
              end={'end' in item ? item.end : undefined}
              className={({ isActive }) =>
                `rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${isActive ? 'bg-brand-50 text-brand-700' : 'text-stone-700 hover:bg-stone-100'}`
              }
            >
              {t(`nav.${item.label}`)}
            </NavLink>
          ))}
        </nav>
        <Link to={lp('/sell/products/new')} className="mt-6 btn-primary hidden w-full md:flex">
          {t('nav.addProduct')}
        </Link>
      </aside>
      <div className="min-w-0">
        {shop.status === 'SUSPENDED' ? (
          <div
            role="alert"
            className="mb-6 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 print:hidden"
          >
            <p className="font-semibold">{t('suspended.title')}</p>
            <p className="mt-1">
              {shop.suspendedReason
                ? t('suspended.bodyWithReason', { reason: shop.suspendedReason })
                : t('suspended.body')}
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

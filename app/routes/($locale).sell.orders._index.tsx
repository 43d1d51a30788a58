import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { LiveRefresh } from '~/components/notifications/live-refresh.tsx'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DataTable } from '~/components/data-table.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Money, StatusBadge, useOrderLabels } from '~/components/orders/commerce.tsx'
import { NoShopYet } from '~/components/orders/sales-summary.tsx'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { Pagination } from '~/components/pagination.tsx'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { getOwnShop, listShipments } from '~/services/orders/fulfilment.server.ts'
import { SHIPMENT_FILTERS, type ShipmentFilter } from '~/services/orders/schemas.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const QuerySchema = z.object({
  status: z.enum(SHIPMENT_FILTERS).catch('to-ship'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

const FILTER_LABELS = {
  'to-ship': 'orders.filters.toShip',
  shipped: 'orders.filters.shipped',
  delivered: 'orders.filters.delivered',
  cancelled: 'orders.filters.cancelled',
  all: 'orders.filters.all',
} as const satisfies Record<ShipmentFilter, string>

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const shop = await getOwnShop(user.id)
  const t = getT(request, 'seller')
  const title = t('meta.title', { page: t('orders.metaTitle') })
  if (!shop) return { shop: null, list: null, title }
  return {
    shop,
    list: await listShipments(user.id, { filter: query.status, page: query.page }),
    title,
  }
}

const NEW_ORDER_KINDS = ['NEW_ORDER'] as const

export default function SellerOrdersPage() {
  const { shop, list } = useLoaderData<typeof loader>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const f = useFormat()
  const labels = useOrderLabels()
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('orders.title')}</h1>
        {shop ? (
          <p className="mt-1 text-stone-600">{t('orders.intro', { shop: shop.name })}</p>
        ) : null}
        {/* A new order shows up in the list as it comes (live notifications). */}
        {shop ? <LiveRefresh kinds={NEW_ORDER_KINDS} messageKey="live.newOrders" auto /> : null}
      </div>
      {!shop || !list ? (
        <NoShopYet />
      ) : (
        <>
          <nav aria-label={t('orders.filter')} className="flex flex-wrap gap-2">
            {SHIPMENT_FILTERS.map((filter) => {
              const count = filter === 'all' ? null : list.counts[filter]
              const active = list.filter === filter
              return (
                <Link
                  key={filter}
                  to={lp(`/sell/orders?status=${filter}`)}
                  aria-current={active ? 'page' : undefined}
                  className={`rounded-full border px-3 py-1 text-sm font-medium ${active ? 'border-brand-600 bg-brand-600 text-white' : 'border-stone-300 bg-white text-stone-700 hover:bg-stone-100'}`}
                >
                  {t(FILTER_LABELS[filter])}
                  {count !== null ? (
                    <span className={active ? 'ms-1 text-white/80' : 'ms-1 text-stone-500'}>
                      {f.number(count)}
                    </span>
                  ) : null}
                </Link>
              )
            })}
          </nav>
          {list.shipments.length ? (
            <DataTable
              caption={t('orders.caption', { filter: t(FILTER_LABELS[list.filter]) })}
              columns={[
                { label: t('orders.columns.order') },
                { label: t('orders.columns.placed') },
                { label: t('orders.columns.shipTo') },
                { label: t('orders.columns.items'), className: 'text-end' },
                { label: t('orders.columns.amount'), className: 'text-end' },
                { label: t('orders.columns.status') },
                { label: t('orders.columns.actions'), hideLabel: true },
              ]}
              className=""
            >
              {list.shipments.map((shipment) => (
                <tr key={shipment.id} data-testid="seller-order-row">
                  <td className="px-4 py-3 font-medium">
                    <bdi>{shipment.number}</bdi>
                  </td>
                  <td className="px-4 py-3 text-stone-600">{f.date(shipment.createdAt)}</td>
                  <td className="px-4 py-3">
                    {shipment.recipient}
                    <span className="block text-xs text-stone-500">
                      {shipment.destination} · {labels.shippingMethod(shipment.shippingMethod)}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-end">{f.number(shipment.units)}</td>
                  <td className="px-4 py-3 text-end">
                    <Money amount={shipment.itemsTotal} currency={shipment.currency} />
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge
                      status={shipment.status}
                      label={labels.shipmentStatus(shipment.status)}
                    />
                  </td>
                  <td className="px-4 py-3 text-end">
                    <Link
                      to={lp(`/sell/orders/${shipment.number}`)}
                      className={shipment.status === 'PENDING' ? 'btn-primary' : 'btn-secondary'}
                      aria-label={t(
                        shipment.status === 'PENDING' ? 'orders.shipTitle' : 'orders.viewTitle',
                        { number: shipment.number },
                      )}
                    >
                      {shipment.status === 'PENDING' ? t('orders.ship') : t('orders.view')}
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
              {list.filter === 'to-ship' ? t('orders.nothingToShip') : t('orders.empty')}
            </p>
          )}
          <Pagination page={list.page} pageCount={list.pages} label={t('orders.pages')} />
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { DataTable } from '~/components/data-table.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Money, StatusBadge, useOrderLabels } from '~/components/orders/commerce.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { getOwnShop, listShipments } from '~/services/orders/fulfilment.server.ts'
import { SHIPMENT_FILTERS, type ShipmentFilter } from '~/services/orders/schemas.ts'
import { formatUtcDate } from '~/utils/dates.ts'

export const meta: MetaFunction = () => [{ title: 'Orders to fulfil · Shikposh' }]

const QuerySchema = z.object({
  status: z.enum(SHIPMENT_FILTERS).catch('to-ship'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

const FILTER_LABELS: Record<ShipmentFilter, string> = {
  'to-ship': 'To ship',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  all: 'All',
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const shop = await getOwnShop(user.id)
  if (!shop) return { shop: null, list: null }
  return { shop, list: await listShipments(user.id, { filter: query.status, page: query.page }) }
}

export default function SellerOrdersPage() {
  const { shop, list } = useLoaderData<typeof loader>()
  const labels = useOrderLabels()
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Orders</h1>
        {shop ? (
          <p className="mt-1 text-stone-600">What shoppers bought from {shop.name}.</p>
        ) : null}
      </div>
      {!shop || !list ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
          You do not have a shop yet.{' '}
          <Link to="/sell" className="link">
            Open your shop
          </Link>{' '}
          to start selling.
        </p>
      ) : (
        <>
          <nav aria-label="Filter orders" className="flex flex-wrap gap-2">
            {SHIPMENT_FILTERS.map((filter) => {
              const count = filter === 'all' ? null : list.counts[filter]
              const active = list.filter === filter
              return (
                <Link
                  key={filter}
                  to={`/sell/orders?status=${filter}`}
                  aria-current={active ? 'page' : undefined}
                  className={`rounded-full border px-3 py-1 text-sm font-medium ${active ? 'border-brand-600 bg-brand-600 text-white' : 'border-stone-300 bg-white text-stone-700 hover:bg-stone-100'}`}
                >
                  {FILTER_LABELS[filter]}
                  {count !== null ? (
                    <span className={active ? 'ms-1 text-white/80' : 'ms-1 text-stone-500'}>
                      {count}
                    </span>
                  ) : null}
                </Link>
              )
            })}
          </nav>
          {list.shipments.length ? (
            <DataTable
              caption={`${FILTER_LABELS[list.filter]} orders`}
              columns={[
                { label: 'Order' },
                { label: 'Placed' },
                { label: 'Ship to' },
                { label: 'Items', className: 'text-end' },
                { label: 'Amount', className: 'text-end' },
                { label: 'Status' },
                { label: 'Actions', hideLabel: true },
              ]}
              className=""
            >
              {list.shipments.map((shipment) => (
                <tr key={shipment.id} data-testid="seller-order-row">
                  <td className="px-4 py-3 font-medium">{shipment.number}</td>
                  <td className="px-4 py-3 text-stone-600">{formatUtcDate(shipment.createdAt)}</td>
                  <td className="px-4 py-3">
                    {shipment.recipient}
                    <span className="block text-xs text-stone-500">
                      {shipment.destination} · {labels.shippingMethod(shipment.shippingMethod)}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-end">{shipment.units}</td>
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
                      to={`/sell/orders/${shipment.number}`}
                      className={shipment.status === 'PENDING' ? 'btn-primary' : 'btn-secondary'}
                      aria-label={`${shipment.status === 'PENDING' ? 'Ship' : 'View'} order ${shipment.number}`}
                    >
                      {shipment.status === 'PENDING' ? 'Ship' : 'View'}
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
              {list.filter === 'to-ship'
                ? 'Nothing waits to be shipped. Well done!'
                : 'No orders here.'}
            </p>
          )}
          <Pagination page={list.page} pageCount={list.pages} label="Order pages" />
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

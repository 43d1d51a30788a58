/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Money, StatusBadge } from '~/components/orders/commerce.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { listOrders } from '~/services/orders/orders.server.ts'
import { ORDER_STATUS_LABELS } from '~/services/orders/status.ts'
import { formatUtcDate } from '~/utils/dates.ts'

export const meta: MetaFunction = () => [{ title: 'Your orders · Shikposh' }]

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { page } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return listOrders(user.id, { page })
}

export default function OrdersPage() {
  const { orders, page, pages } = useLoaderData<typeof loader>()
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">Your orders</h1>
      {orders.length ? (
        <ul className="mt-8 space-y-4">
          {orders.map((order) => (
            <li
              key={order.number}
              className="flex flex-wrap items-center justify-between gap-4 card p-5"
              data-testid="order-row"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-3">
                  <Link to={`/orders/${order.number}`} className="font-semibold hover:underline">
                    Order {order.number}
                  </Link>
                  <StatusBadge status={order.status} label={ORDER_STATUS_LABELS[order.status]} />
                </p>
                <p className="mt-1 text-sm text-stone-600">
                  Placed {formatUtcDate(order.placedAt)} · {order.itemCount}{' '}
                  {order.itemCount === 1 ? 'item' : 'items'}
                </p>
                <p className="mt-1 truncate text-sm text-stone-500">{order.titles.join(', ')}</p>
              </div>
              <div className="flex items-center gap-4">
                <Money amount={order.total} currency={order.currency} className="font-semibold" />
                <Link
                  to={`/orders/${order.number}`}
                  className="btn-secondary"
                  aria-label={`View order ${order.number}`}
                >
                  View
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 p-10 text-center">
          <p className="text-stone-600">You have not ordered anything yet.</p>
          <Link to="/" className="mt-6 btn-primary">
            Start shopping
          </Link>
        </div>
      )}
      <Pagination page={page} pageCount={pages} label="Order pages" />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

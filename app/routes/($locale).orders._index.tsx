import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Money, StatusBadge, useOrderLabels } from '~/components/orders/commerce.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { listOrders } from '~/services/orders/orders.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { page } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const t = getT(request, 'orders')
  return { ...(await listOrders(user.id, { page })), title: t('list.meta') }
}

export default function OrdersPage() {
  const { orders, page, pages } = useLoaderData<typeof loader>()
  const { t } = useTranslation('orders')
  const labels = useOrderLabels()
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('list.title')}</h1>
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
                  <Link
                    to={lp(`/orders/${order.number}`)}
                    className="font-semibold hover:underline"
                  >
                    <Trans
                      t={t}
                      i18nKey="order.title"
                      values={{ number: order.number }}
                      components={{ bdi: <bdi /> }}
                    />
                  </Link>
                  <StatusBadge status={order.status} label={labels.orderStatus(order.status)} />
                </p>
                <p className="mt-1 text-sm text-stone-600">
                  {t('list.placed', { date: f.date(order.placedAt) })} ·{' '}
                  {t('list.items', { count: order.itemCount })}
                </p>
                <p className="mt-1 truncate text-sm text-stone-500">
                  {order.titles.join(t('list.separator'))}
                </p>
              </div>
              <div className="flex items-center gap-4">
                <Money amount={order.total} currency={order.currency} className="font-semibold" />
                <Link
                  to={lp(`/orders/${order.number}`)}
                  className="btn-secondary"
                  aria-label={t('list.viewLabel', { number: order.number })}
                >
                  {t('list.view')}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 p-10 text-center">
          <p className="text-stone-600">{t('list.empty')}</p>
          <Link to={lp('/')} className="mt-6 btn-primary">
            {t('list.startShopping')}
          </Link>
        </div>
      )}
      <Pagination page={page} pageCount={pages} label={t('list.pages')} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

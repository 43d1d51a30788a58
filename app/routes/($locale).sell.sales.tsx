/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { SalesSummaryView } from '~/components/orders/sales-summary.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { getSalesSummary } from '~/services/orders/sales.server.ts'
import { SALES_WINDOW_DAYS } from '~/services/orders/schemas.ts'
import { formatUtcDate } from '~/utils/dates.ts'

export const meta: MetaFunction = () => [{ title: 'Sales · Shikposh' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  return { summary: await getSalesSummary(user.id), currency: getEnv().STORE_CURRENCY }
}

export default function SalesPage() {
  const { summary, currency } = useLoaderData<typeof loader>()
  if (!summary) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">Sales</h1>
        <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
          You do not have a shop yet.{' '}
          <Link to="/sell" className="link">
            Open your shop
          </Link>{' '}
          to start selling.
        </p>
      </div>
    )
  }
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Sales</h1>
        <p className="mt-1 text-stone-600">
          {summary.shop.name}, the last {SALES_WINDOW_DAYS} days (since{' '}
          {formatUtcDate(summary.since)}). Cancelled orders are left out.
        </p>
      </div>
      <SalesSummaryView summary={summary} currency={currency} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { NoShopYet, SalesSummaryView } from '~/components/orders/sales-summary.tsx'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import { getEnv } from '~/infra/env.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { getSalesSummary } from '~/services/orders/sales.server.ts'
import { SALES_WINDOW_DAYS } from '~/services/orders/schemas.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const t = getT(request, 'seller')
  return {
    summary: await getSalesSummary(user.id),
    currency: getEnv().STORE_CURRENCY,
    title: t('meta.title', { page: t('sales.title') }),
  }
}

export default function SalesPage() {
  const { summary, currency } = useLoaderData<typeof loader>()
  const { t } = useTranslation('seller')
  const f = useFormat()
  if (!summary) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">{t('sales.title')}</h1>
        <NoShopYet />
      </div>
    )
  }
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('sales.title')}</h1>
        <p className="mt-1 text-stone-600">
          {t('sales.intro', {
            count: SALES_WINDOW_DAYS,
            shop: summary.shop.name,
            n: f.number(SALES_WINDOW_DAYS),
            since: f.date(summary.since),
          })}
        </p>
      </div>
      <SalesSummaryView summary={summary} currency={currency} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

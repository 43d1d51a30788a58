import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PromoTable } from '~/components/promos/promo-table.tsx'
import { requireSeller, storeSettings } from '~/http/catalog.server.ts'
import { promoListAction } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { listPromoCodes } from '~/services/promos/manage.server.ts'
import { PageQuerySchema } from '~/services/promos/form.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSeller(request)
  const t = getT(request, 'seller')
  const { page } = PageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return {
    title: t('meta.title', { page: t('promos.title') }),
    currency: storeSettings().currency,
    ...(await listPromoCodes({ sellerId: user.id }, { page })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  return promoListAction(request, { sellerId: user.id })
}

export default function SellerPromos() {
  const { codes, currency } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t('promos.title')}</h1>
          <p className="mt-1 text-sm text-stone-600">{t('promos.sellerIntro')}</p>
        </div>
        <Link to={lp('/sell/promos/new')} className="btn-primary">
          {t('promos.new')}
        </Link>
      </div>
      {codes.length ? (
        <PromoTable
          codes={codes}
          currency={currency}
          editPath={(id) => lp(`/sell/promos/${id}`)}
          error={actionData}
        />
      ) : (
        <p className="mt-6 text-stone-600">{t('promos.empty')}</p>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

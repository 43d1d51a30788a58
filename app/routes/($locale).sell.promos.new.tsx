import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PromoFormPage } from '~/components/promos/promo-form-page.tsx'
import { requireSeller } from '~/http/catalog.server.ts'
import { promoFormAction, promoFormPage } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSeller(request)
  const t = getT(request, 'seller')
  return {
    title: t('meta.title', { page: t('promos.newTitle') }),
    ...(await promoFormPage(request, { sellerId: user.id }, null)),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  return promoFormAction(request, { sellerId: user.id }, null, '/sell/promos')
}

export default function NewSellerPromo() {
  const page = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  return (
    <PromoFormPage
      page={page}
      lastResult={lastResult}
      listPath="/sell/promos"
      newHeading={t('promos.newTitle')}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

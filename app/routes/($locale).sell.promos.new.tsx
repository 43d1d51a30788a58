import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BackToProducts } from '~/components/catalog/product-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PromoForm } from '~/components/promos/promo-form.tsx'
import { requireSeller } from '~/http/catalog.server.ts'
import { promoFormAction, promoFormPage } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'

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
  const { options, targets, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  return (
    <div>
      <BackToProducts to={lp('/sell/promos')} label={t('promos.title')} />
      <h1 className="mt-2 mb-6 text-2xl font-bold tracking-tight">{t('promos.newTitle')}</h1>
      <PromoForm
        id="promo-form"
        defaults={defaults}
        lastResult={lastResult}
        options={options}
        targets={targets}
        submitLabel={t('promos.create')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

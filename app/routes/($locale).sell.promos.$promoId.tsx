import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BackToProducts } from '~/components/catalog/product-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PromoForm } from '~/components/promos/promo-form.tsx'
import { requireSeller } from '~/http/catalog.server.ts'
import { promoFormAction, promoFormPage } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { requirePromoId } from '~/services/promos/form.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireSeller(request)
  const page = await promoFormPage(request, { sellerId: user.id }, requirePromoId(params))
  const t = getT(request, 'seller')
  return {
    title: t('meta.title', { page: t('promos.editTitle', { code: page.code?.code ?? '' }) }),
    ...page,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  return promoFormAction(request, { sellerId: user.id }, requirePromoId(params), '/sell/promos')
}

export default function EditSellerPromo() {
  const { options, targets, defaults, code } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const f = useFormat()
  const used = code?.usedCount ?? 0
  return (
    <div>
      <BackToProducts to={lp('/sell/promos')} label={t('promos.title')} />
      <h1 className="mt-2 text-2xl font-bold tracking-tight">
        {t('promos.editTitle', { code: code?.code ?? '' })}
      </h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        {t('promos.usedSoFar', { count: used, formatted: f.number(used) })}
      </p>
      <PromoForm
        id="promo-form"
        defaults={defaults}
        lastResult={lastResult}
        options={options}
        targets={targets}
        submitLabel={t('promos.save')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

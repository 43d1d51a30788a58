import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PromoFormPage } from '~/components/promos/promo-form-page.tsx'
import { requireSeller } from '~/http/catalog.server.ts'
import { promoFormAction, promoFormPage } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
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
  const page = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return <PromoFormPage page={page} lastResult={lastResult} listPath="/sell/promos" />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

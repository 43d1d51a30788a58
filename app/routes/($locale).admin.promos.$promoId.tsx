import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { PromoFormPage } from '~/components/promos/promo-form-page.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { promoFormAction, promoFormPage } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { requirePromoId } from '~/services/promos/form.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const page = await promoFormPage(request, { admin }, requirePromoId(params))
  const t = getT(request, 'seller')
  return {
    title: adminTitle(request, t('promos.editTitle', { code: page.code?.code ?? '' })),
    ...page,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  return promoFormAction(request, { admin }, requirePromoId(params), '/admin/promos')
}

export default function EditPlatformPromo() {
  const page = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return <PromoFormPage page={page} lastResult={lastResult} listPath="/admin/promos" />
}

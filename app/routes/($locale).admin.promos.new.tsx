import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PromoFormPage } from '~/components/promos/promo-form-page.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { promoFormAction, promoFormPage } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  return {
    title: adminTitle(request, getT(request, 'seller')('promos.newPlatform')),
    ...(await promoFormPage(request, { admin }, null)),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  return promoFormAction(request, { admin }, null, '/admin/promos')
}

export default function NewPlatformPromo() {
  const page = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  return (
    <PromoFormPage
      page={page}
      lastResult={lastResult}
      listPath="/admin/promos"
      newHeading={t('promos.newPlatform')}
    />
  )
}

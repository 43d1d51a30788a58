import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BackToProducts } from '~/components/catalog/product-form.tsx'
import { PromoForm } from '~/components/promos/promo-form.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { promoFormAction, promoFormPage } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
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
  const { options, targets, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  return (
    <div>
      <BackToProducts to={lp('/admin/promos')} label={t('promos.title')} />
      <h1 className="mt-2 mb-6 text-2xl font-bold tracking-tight">{t('promos.newPlatform')}</h1>
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

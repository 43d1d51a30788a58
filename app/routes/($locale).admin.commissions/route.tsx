import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { adminTitle } from '~/http/admin.server.ts'
import { orNotFound } from '~/http/errors.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  setCategoryCommissionAsAdmin,
  setShopCommissionAsAdmin,
} from '~/services/admin/catalog.server.ts'
import { listCommissionRates } from '~/services/catalog/commission-rates.server.ts'
import { CommissionFormSchema } from '~/services/catalog/commission-schemas.ts'
import { RateForm } from './rate-form.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  return {
    ...(await listCommissionRates()),
    title: adminTitle(request, getT(request, 'admin')('commissions.heading')),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const t = getT(request, 'admin')
  const formData = await readFormData(request)
  const parsed = CommissionFormSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const id = typeof formData.get('id') === 'string' ? String(formData.get('id')) : null
    const codes = z.flattenError(parsed.error).fieldErrors.percent ?? []
    return data(
      {
        id,
        value: typeof formData.get('percent') === 'string' ? String(formData.get('percent')) : '',
        errors: {
          percent: codes.map((code) =>
            code === 'commission-range'
              ? t('errors.commission-range')
              : t('errors.commission-format'),
          ),
        },
      },
      { status: 400 },
    )
  }
  const { intent, id, percent } = parsed.data
  const change = await orNotFound(
    intent === 'category'
      ? setCategoryCommissionAsAdmin(admin, id, percent)
      : setShopCommissionAsAdmin(admin, id, percent),
  )
  return redirectWithToast(new URL(request.url).pathname, {
    message: t('commissions.saved', { name: change.target.name }),
  })
}

export default function AdminCommissions() {
  const { categories, shops } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const f = useFormat()
  const rate = (bps: number) => t('commissions.rate', { rate: f.number(bps / 100) })
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{t('commissions.heading')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-600">{t('commissions.intro')}</p>

      <h2 className="mt-8 text-lg font-semibold">{t('commissions.categories')}</h2>
      <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {categories.map((category) => {
          const name = f.locale === 'fa' && category.nameFa ? category.nameFa : category.name
          return (
            <li
              key={category.id}
              className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
              data-testid="commission-category"
            >
              <div style={{ paddingInlineStart: `${category.depth * 1.25}rem` }}>
                <p className="font-medium">{name}</p>
                <p className="text-sm text-stone-500">
                  {category.commissionBps === null
                    ? t('commissions.inherited', { rate: rate(category.inForce) })
                    : t('commissions.own', { rate: rate(category.inForce) })}
                </p>
              </div>
              <RateForm
                intent="category"
                id={category.id}
                name={name}
                bps={category.commissionBps}
              />
            </li>
          )
        })}
      </ul>

      <h2 className="mt-8 text-lg font-semibold">{t('commissions.shops')}</h2>
      <p className="mt-1 text-sm text-stone-600">{t('commissions.shopsIntro')}</p>
      <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {shops.map((shop) => (
          <li
            key={shop.id}
            className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
            data-testid="commission-shop"
          >
            <div>
              <p className="font-medium">{shop.name}</p>
              <p className="text-sm text-stone-500">
                {shop.commissionBps === null
                  ? t('commissions.noOverride')
                  : t('commissions.own', { rate: rate(shop.commissionBps) })}
              </p>
            </div>
            <RateForm intent="shop" id={shop.id} name={shop.name} bps={shop.commissionBps} />
          </li>
        ))}
      </ul>
    </div>
  )
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/pagination.tsx'
import { PromoTable } from '~/components/promos/promo-table.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { storeSettings } from '~/http/catalog.server.ts'
import { promoListAction } from '~/http/promos.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { PageQuerySchema } from '~/services/promos/form.ts'
import { listPromoCodes } from '~/services/promos/manage.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const { page, view } = PageQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  )
  return {
    title: adminTitle(request, getT(request, 'seller')('promos.title')),
    currency: storeSettings().currency,
    view,
    ...(await listPromoCodes({ admin }, { shops: view === 'shops', page })),
  }
}

/** Deactivates or activates a platform code (shop codes are their sellers'); audited. */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  return promoListAction(request, { admin })
}

export default function AdminPromos() {
  const { codes, currency, view, page, pages, total } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const f = useFormat()
  const tabs = [
    { view: 'platform', label: t('promos.platformCodes') },
    { view: 'shops', label: t('promos.shopCodes') },
  ] as const
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t('promos.title')}</h1>
          <p className="mt-1 text-sm text-stone-600">{t('promos.adminIntro')}</p>
        </div>
        <Link to={lp('/admin/promos/new')} className="btn-primary">
          {t('promos.newPlatform')}
        </Link>
      </div>
      <nav
        aria-label={t('promos.views')}
        className="mt-6 flex gap-1 overflow-x-auto border-b border-stone-200"
      >
        {tabs.map((tab) => (
          <Link
            key={tab.view}
            to={tab.view === 'shops' ? '?view=shops' : '.'}
            aria-current={tab.view === view ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${tab.view === view ? 'border-brand-600 text-brand-700' : 'border-transparent text-stone-600 hover:text-ink'}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {codes.length ? (
        <>
          <p className="mt-4 text-sm text-stone-600">
            {t('promos.count', { count: total, formatted: f.number(total) })}
          </p>
          <PromoTable
            codes={codes}
            currency={currency}
            editPath={view === 'platform' ? (id) => lp(`/admin/promos/${id}`) : null}
            showShop={view === 'shops'}
            error={actionData}
          />
          <Pagination page={page} pageCount={pages} />
        </>
      ) : (
        <p className="mt-6 text-stone-600">{t('promos.empty')}</p>
      )}
    </div>
  )
}

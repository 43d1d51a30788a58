import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SalesSummaryView } from '~/components/orders/sales-summary.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { formRefusal } from '~/http/errors.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { getSellerOverview } from '~/services/catalog/product-lists.server.ts'
import { ShopSchema } from '~/services/catalog/schemas.ts'
import { getShopForOwner, openShop } from '~/services/catalog/shops.server.ts'
import { getSalesSummary } from '~/services/orders/sales.server.ts'
import { SALES_WINDOW_DAYS } from '~/services/orders/schemas.ts'
import { OpenShop } from './open-shop.tsx'

/** Points forward: mirrored on right-to-left pages. */
const ARROW_FORWARD = '\u2192'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const t = getT(request, 'seller')
  const shop = await getShopForOwner(user.id)
  if (!shop)
    return {
      shop: null,
      overview: null,
      sales: null,
      currency: null,
      userName: user.name,
      title: t('meta.title', { page: t('openShop.title') }),
    }
  const [overview, sales] = await Promise.all([
    getSellerOverview(user.id),
    getSalesSummary(user.id),
  ])
  return {
    shop,
    overview,
    sales,
    currency: getEnv().STORE_CURRENCY,
    userName: user.name,
    title: t('meta.title', { page: t('meta.dashboard') }),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await readFormData(request), { schema: ShopSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  try {
    await openShop(user.id, submission.value)
  } catch (error) {
    return formRefusal(submission, error)
  }
  const t = getT(request, 'seller')
  return redirectWithToast(localeRedirectPath(request, '/sell/products/new'), {
    message: t('openShop.opened', { name: submission.value.name }),
  })
}

export default function SellIndex() {
  const { shop, overview, sales, currency, userName } = useLoaderData<typeof loader>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const f = useFormat()
  if (!shop || !overview) return <OpenShop userName={userName} />
  const cards = [
    {
      label: t('overview.published'),
      value: overview.counts.ACTIVE,
      to: '/sell/products?status=ACTIVE',
    },
    {
      label: t('overview.drafts'),
      value: overview.counts.DRAFT,
      to: '/sell/products?status=DRAFT',
    },
    {
      label: t('overview.archived'),
      value: overview.counts.ARCHIVED,
      to: '/sell/products?status=ARCHIVED',
    },
  ]
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{shop.name}</h1>
          <p className="mt-1 text-sm text-stone-600">{t('overview.glance')}</p>
        </div>
        <Link to={lp('/sell/products/new')} className="btn-primary">
          {t('nav.addProduct')}
        </Link>
      </div>
      <ul className="grid gap-4 sm:grid-cols-3">
        {cards.map((card) => (
          <li key={card.label}>
            <Link to={lp(card.to)} className="block card hover:border-brand-200">
              <span className="text-sm text-stone-600">{card.label}</span>
              <span className="mt-1 block text-3xl font-bold">{f.number(card.value)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {sales && currency ? (
        <section aria-labelledby="sales-heading" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="sales-heading" className="text-lg font-semibold">
              {t('overview.lastDays', { count: SALES_WINDOW_DAYS, n: f.number(SALES_WINDOW_DAYS) })}
            </h2>
            <Link to={lp('/sell/sales')} className="text-sm link">
              {t('overview.salesPerDay')}{' '}
              <span aria-hidden className="inline-block rtl:-scale-x-100">
                {ARROW_FORWARD}
              </span>
            </Link>
          </div>
          <SalesSummaryView summary={sales} currency={currency} compact />
        </section>
      ) : null}
    </div>
  )
}

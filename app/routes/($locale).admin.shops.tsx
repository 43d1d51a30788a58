import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ListFilter } from '~/components/admin/list-filter.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { StatusBadge } from '~/components/catalog/status-badge.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { orNotFound } from '~/http/errors.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { SuspendShopSchema } from '~/services/catalog/schemas.ts'
import { reinstateShopAsAdmin, suspendShopAsAdmin } from '~/services/admin/catalog.server.ts'
import { listShopsForAdmin } from '~/services/catalog/shops.server.ts'
import { readListQuery } from '~/services/admin/list-query.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const query = readListQuery(
    request,
    z.object({
      status: z.enum(['ACTIVE', 'SUSPENDED']).optional().catch(undefined),
    }),
  )
  return {
    ...(await listShopsForAdmin(query)),
    query,
    title: adminTitle(request, getT(request, 'admin')('shops.heading')),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const t = getT(request, 'admin')
  const formData = await readFormData(request)
  const back = new URL(request.url)
  const here = `${back.pathname}${back.search}`
  if (formData.get('intent') === 'reinstate') {
    const shopId = z.string().min(1).max(64).safeParse(formData.get('shopId'))
    if (!shopId.success)
      return data(
        { shopId: null, errors: { reason: [] as string[], form: [t('shops.chooseShop')] } },
        { status: 400 },
      )
    const shop = await orNotFound(reinstateShopAsAdmin(admin, shopId.data))
    return redirectWithToast(here, {
      message: t('shops.reinstated', { name: shop.name }),
    })
  }
  const parsed = SuspendShopSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const shopId =
      typeof formData.get('shopId') === 'string' ? String(formData.get('shopId')) : null
    return data(
      {
        shopId,
        errors: {
          reason: z.flattenError(parsed.error).fieldErrors.reason ?? [],
          form: [] as string[],
        },
      },
      { status: 400 },
    )
  }
  const shop = await orNotFound(suspendShopAsAdmin(admin, parsed.data.shopId, parsed.data.reason))
  return redirectWithToast(here, {
    message: t('shops.suspendedToast', { name: shop.name }),
  })
}

export default function AdminShops() {
  const { shops, total, page, pageCount, query } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{t('shops.heading')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('shops.intro')}</p>
      <ListFilter
        search={{
          label: t('shops.search'),
          value: query.q,
          placeholder: t('shops.searchPlaceholder'),
        }}
        select={{
          name: 'status',
          label: t('shops.status'),
          value: query.status,
          options: [
            { value: 'ACTIVE', label: t('shops.open') },
            { value: 'SUSPENDED', label: t('shops.suspended') },
          ],
        }}
      />
      <p className="mt-4 text-sm text-stone-600">{t('shops.count', { count: total })}</p>
      <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {shops.map((shop) => {
          const failed = actionData && actionData.shopId === shop.id ? actionData.errors : null
          const busy = navigation.formData?.get('shopId') === shop.id
          return (
            <li
              key={shop.id}
              className="flex flex-wrap items-start justify-between gap-4 px-4 py-4"
              data-testid="admin-shop-row"
            >
              <div className="min-w-0">
                <p className="font-medium">
                  <Link
                    to={lp(`/shops/${shop.slug}`)}
                    className="hover:text-brand-700 hover:underline"
                  >
                    {shop.name}
                  </Link>{' '}
                  <StatusBadge status={shop.status} of="shop" />
                </p>
                <p className="text-sm text-stone-500">
                  <bdi>{shop.owner.name}</bdi>
                  {t('common.separator')}
                  <bdi>{shop.owner.email}</bdi>
                  {t('common.separator')}
                  {t('shops.products', { count: shop._count.products })}
                  {t('common.separator')}
                  {t('shops.opened', { date: f.date(shop.createdAt) })}
                </p>
                {shop.status === 'SUSPENDED' && shop.suspendedReason ? (
                  <p className="mt-1 text-sm text-red-800">
                    {t('shops.reason', { reason: shop.suspendedReason })}
                  </p>
                ) : null}
              </div>
              {shop.status === 'ACTIVE' ? (
                <Form method="post" className="flex flex-wrap items-start gap-2">
                  <input type="hidden" name="shopId" value={shop.id} />
                  <div>
                    <label htmlFor={`reason-${shop.id}`} className="sr-only">
                      {t('shops.reasonLabel', { name: shop.name })}
                    </label>
                    <input
                      id={`reason-${shop.id}`}
                      name="reason"
                      placeholder={t('shops.reasonPlaceholder')}
                      className="input w-64"
                      aria-invalid={failed?.reason.length ? true : undefined}
                    />
                    <ErrorList errors={failed?.reason} />
                  </div>
                  <button type="submit" className="btn-danger" disabled={busy}>
                    {t('shops.suspend')}
                  </button>
                </Form>
              ) : (
                <Form method="post">
                  <input type="hidden" name="shopId" value={shop.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="reinstate"
                    className="btn-secondary"
                    disabled={busy}
                  >
                    {t('shops.reinstate')}
                  </button>
                </Form>
              )}
            </li>
          )
        })}
      </ul>
      <Pagination page={page} pageCount={pageCount} label={t('shops.pages')} />
    </div>
  )
}

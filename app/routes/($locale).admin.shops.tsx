/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Pagination } from '~/components/pagination.tsx'
import { StatusBadge } from '~/components/catalog/status-badge.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { orNotFound } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { SuspendShopSchema } from '~/services/catalog/schemas.ts'
import { reinstateShopAsAdmin, suspendShopAsAdmin } from '~/services/admin/catalog.server.ts'
import { listShopsForAdmin } from '~/services/catalog/shops.server.ts'
import { useStore } from '~/root.tsx'

export const meta: MetaFunction = () => [{ title: 'Shops · Admin · Shikposh' }]

const QuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(['ACTIVE', 'SUSPENDED']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return {
    ...(await listShopsForAdmin({
      q: query.q || undefined,
      status: query.status,
      page: query.page,
    })),
    query,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const formData = await readFormData(request)
  const back = new URL(request.url)
  const here = `${back.pathname}${back.search}`
  if (formData.get('intent') === 'reinstate') {
    const shopId = z.string().min(1).max(64).safeParse(formData.get('shopId'))
    if (!shopId.success)
      return data(
        { shopId: null, errors: { reason: [] as string[], form: ['Choose a shop.'] } },
        { status: 400 },
      )
    const shop = await orNotFound(reinstateShopAsAdmin(admin, shopId.data))
    return redirectWithToast(here, {
      message: `${shop.name} is open again; its published products are back in the store.`,
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
    message: `${shop.name} is suspended; its products are hidden from the store.`,
  })
}

export default function AdminShops() {
  const { shops, total, page, pageCount, query } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { timeZone } = useStore()
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Shops</h1>
      <p className="mt-1 text-sm text-stone-600">
        Suspending a shop hides all of its products from the store and search until it is
        reinstated.
      </p>
      <Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-stone-800">
          Search
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ''}
            placeholder="Name, address or owner email"
            className="mt-1 input w-72 font-normal"
          />
        </label>
        <label className="text-sm font-medium text-stone-800">
          Status
          <select
            name="status"
            defaultValue={query.status ?? ''}
            className="mt-1 input font-normal"
          >
            <option value="">Any</option>
            <option value="ACTIVE">Open</option>
            <option value="SUSPENDED">Suspended</option>
          </select>
        </label>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
      </Form>
      <p className="mt-4 text-sm text-stone-600">
        {total} shop{total === 1 ? '' : 's'}
      </p>
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
                  <Link to={`/shops/${shop.slug}`} className="hover:text-brand-700 hover:underline">
                    {shop.name}
                  </Link>{' '}
                  <StatusBadge status={shop.status} of="shop" />
                </p>
                <p className="text-sm text-stone-500">
                  {shop.owner.name} · {shop.owner.email} · {shop._count.products} products · opened{' '}
                  {new Date(shop.createdAt).toLocaleDateString('en-US', { timeZone })}
                </p>
                {shop.status === 'SUSPENDED' && shop.suspendedReason ? (
                  <p className="mt-1 text-sm text-red-800">Reason: {shop.suspendedReason}</p>
                ) : null}
              </div>
              {shop.status === 'ACTIVE' ? (
                <Form method="post" className="flex flex-wrap items-start gap-2">
                  <input type="hidden" name="shopId" value={shop.id} />
                  <div>
                    <label htmlFor={`reason-${shop.id}`} className="sr-only">
                      Reason for suspending {shop.name}
                    </label>
                    <input
                      id={`reason-${shop.id}`}
                      name="reason"
                      placeholder="Reason the seller will see"
                      className="input w-64"
                      aria-invalid={failed?.reason.length ? true : undefined}
                    />
                    <ErrorList errors={failed?.reason} />
                  </div>
                  <button type="submit" className="btn-danger" disabled={busy}>
                    Suspend
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
                    Reinstate
                  </button>
                </Form>
              )}
            </li>
          )
        })}
      </ul>
      <Pagination page={page} pageCount={pageCount} label="Pages of shops" />
    </div>
  )
}

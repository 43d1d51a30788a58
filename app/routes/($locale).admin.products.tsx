/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Pagination } from '~/components/pagination.tsx'
import { StatusBadge } from '~/components/catalog/status-badge.tsx'
import { orNotFound } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { setFeaturedAsAdmin } from '~/services/admin/catalog.server.ts'
import { listProductsForAdmin } from '~/services/catalog/products.server.ts'

export const meta: MetaFunction = () => [{ title: 'Products · Admin · Shikposh' }]

const QuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  featured: z.enum(['yes', 'no']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const featured = query.featured === undefined ? undefined : query.featured === 'yes'
  return {
    ...(await listProductsForAdmin({ q: query.q || undefined, featured, page: query.page })),
    query,
  }
}

const FeatureSchema = z.object({
  productId: z.string().min(1).max(64),
  featured: z.enum(['true', 'false']),
})

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const parsed = FeatureSchema.safeParse(Object.fromEntries(await readFormData(request)))
  if (!parsed.success)
    throw new Response('Choose a product to feature or unfeature.', { status: 400 })
  const featured = parsed.data.featured === 'true'
  await orNotFound(setFeaturedAsAdmin(admin, parsed.data.productId, featured))
  const back = new URL(request.url)
  return redirectWithToast(`${back.pathname}${back.search}`, {
    message: featured ? 'Featured on the home page.' : 'No longer featured.',
  })
}

export default function AdminProducts() {
  const { products, total, page, pageCount, query } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Products</h1>
      <p className="mt-1 text-sm text-stone-600">
        Featured products appear on the home page while they are in the store.
      </p>
      <Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-stone-800">
          Title
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ''}
            className="mt-1 input w-72 font-normal"
          />
        </label>
        <label className="text-sm font-medium text-stone-800">
          Featured
          <select
            name="featured"
            defaultValue={query.featured ?? ''}
            className="mt-1 input font-normal"
          >
            <option value="">Any</option>
            <option value="yes">Featured</option>
            <option value="no">Not featured</option>
          </select>
        </label>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
      </Form>
      <p className="mt-4 text-sm text-stone-600">{total.toLocaleString('en-US')} products</p>
      <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {products.map((product) => (
          <li
            key={product.id}
            className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
          >
            <div className="min-w-0">
              <Link
                to={`/p/${product.slug}`}
                className="font-medium hover:text-brand-700 hover:underline"
              >
                {product.title}
              </Link>{' '}
              <StatusBadge
                status={product.status === 'ACTIVE' && !product.listed ? 'HIDDEN' : product.status}
              />
              <p className="text-sm text-stone-500">{product.shop.name}</p>
            </div>
            <Form method="post">
              <input type="hidden" name="productId" value={product.id} />
              <input type="hidden" name="featured" value={product.featured ? 'false' : 'true'} />
              <button
                type="submit"
                aria-pressed={product.featured}
                className={product.featured ? 'btn-primary py-1' : 'btn-secondary py-1'}
                disabled={navigation.formData?.get('productId') === product.id}
                aria-label={`${product.featured ? 'Unfeature' : 'Feature'} ${product.title}`}
              >
                {product.featured ? '★ Featured' : '☆ Feature'}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} label="Pages of products" />
    </div>
  )
}

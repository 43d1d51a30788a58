import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ListFilter } from '~/components/admin/list-filter.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { StatusBadge } from '~/components/catalog/status-badge.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { orNotFound } from '~/http/errors.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { setFeaturedAsAdmin } from '~/services/admin/catalog.server.ts'
import { listProductsForAdmin } from '~/services/catalog/product-lists.server.ts'
import { readListQuery } from '~/services/admin/list-query.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const query = readListQuery(
    request,
    z.object({
      featured: z.enum(['yes', 'no']).optional().catch(undefined),
    }),
  )
  const featured = query.featured === undefined ? undefined : query.featured === 'yes'
  return {
    ...(await listProductsForAdmin({ q: query.q, featured, page: query.page })),
    query,
    title: adminTitle(request, getT(request, 'admin')('products.heading')),
  }
}

const FeatureSchema = z.object({
  productId: z.string().min(1).max(64),
  featured: z.enum(['true', 'false']),
})

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const parsed = FeatureSchema.safeParse(Object.fromEntries(await readFormData(request)))
  const t = getT(request, 'admin')
  if (!parsed.success) throw new Response(t('products.chooseProduct'), { status: 400 })
  const featured = parsed.data.featured === 'true'
  await orNotFound(setFeaturedAsAdmin(admin, parsed.data.productId, featured))
  const back = new URL(request.url)
  return redirectWithToast(`${back.pathname}${back.search}`, {
    message: featured ? t('products.nowFeatured') : t('products.noLongerFeatured'),
  })
}

export default function AdminProducts() {
  const { products, total, page, pageCount, query } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const { t } = useTranslation('admin')
  const lp = useLocalePath()
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{t('products.heading')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('products.intro')}</p>
      <ListFilter
        search={{ label: t('products.titleFilter'), value: query.q }}
        select={{
          name: 'featured',
          label: t('products.featuredFilter'),
          value: query.featured,
          options: [
            { value: 'yes', label: t('products.featured') },
            { value: 'no', label: t('products.notFeatured') },
          ],
        }}
      />
      <p className="mt-4 text-sm text-stone-600">{t('products.count', { count: total })}</p>
      <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {products.map((product) => (
          <li
            key={product.id}
            className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
          >
            <div className="min-w-0">
              <Link
                to={lp(`/p/${product.slug}`)}
                className="font-medium hover:text-brand-700 hover:underline"
              >
                {product.title}
              </Link>{' '}
              <StatusBadge
                status={product.status === 'ACTIVE' && !product.listed ? 'HIDDEN' : product.status}
              />
              <p className="text-sm text-stone-500">
                <bdi>{product.shop.name}</bdi>
              </p>
            </div>
            <Form method="post">
              <input type="hidden" name="productId" value={product.id} />
              <input type="hidden" name="featured" value={product.featured ? 'false' : 'true'} />
              <button
                type="submit"
                aria-pressed={product.featured}
                className={product.featured ? 'btn-primary py-1' : 'btn-secondary py-1'}
                disabled={navigation.formData?.get('productId') === product.id}
                aria-label={t(product.featured ? 'products.unfeature' : 'products.feature', {
                  title: product.title,
                })}
              >
                {product.featured ? t('products.featuredButton') : t('products.featureButton')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} label={t('products.pages')} />
    </div>
  )
}

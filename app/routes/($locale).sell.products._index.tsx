import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '~/components/data-table.tsx'
import { ProductCardImage } from '~/components/media/product-gallery.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { Price } from '~/components/catalog/price.tsx'
import { StatusBadge } from '~/components/catalog/status-badge.tsx'
import { requireSeller } from '~/http/catalog.server.ts'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { refusalMessage } from '~/http/refusal-messages.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { quote } from '~/services/catalog/pricing.ts'
import { changeProductStatus } from '~/services/catalog/product-status.server.ts'
import { listSellerProducts } from '~/services/catalog/product-lists.server.ts'
import { LOW_STOCK_THRESHOLD, ProductStatusIntentSchema } from '~/services/catalog/schemas.ts'
import { listCardImages } from '~/services/media/product-images.server.ts'
import { countSaves } from '~/services/wishlist/wishlist.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const STATUSES = ['ACTIVE', 'DRAFT', 'ARCHIVED'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSeller(request)
  const params = new URL(request.url).searchParams
  const status = STATUSES.find((candidate) => candidate === params.get('status'))
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get('page') ?? '1', 10) || 1))
  const list = await listSellerProducts(user.id, { status, page })
  // The main photo of each product on the page, in one query.
  const ids = list.items.map((item) => item.id)
  const [photos, saves] = await Promise.all([
    listCardImages(ids, { perProduct: 1 }),
    // How many shoppers saved each product to their wishlist.
    countSaves(ids),
  ])
  const now = new Date()
  const t = getT(request, 'seller')
  return {
    ...list,
    title: t('meta.title', { page: t('products.title') }),
    status: status ?? null,
    items: list.items.map((item) => ({
      ...item,
      quote: quote({ ...item, price: item.minPrice }, null, now),
      photos: photos.get(item.id) ?? [],
      saves: saves.get(item.id) ?? 0,
    })),
  }
}

const DONE = {
  publish: 'products.done.publish',
  unpublish: 'products.done.unpublish',
  archive: 'products.done.archive',
  restore: 'products.done.restore',
} as const

/** Quick status changes from the list; the product must be the seller's (else 404). */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  const t = getT(request, 'seller')
  const parsed = ProductStatusIntentSchema.safeParse(
    Object.fromEntries(await readFormData(request)),
  )
  if (!parsed.success)
    return data({ productId: null, error: t('products.chooseAction') }, { status: 400 })
  const { productId, intent } = parsed.data
  try {
    await changeProductStatus(user.id, productId, intent)
  } catch (error) {
    const refusal = toRefusal(error)
    throwIfNotFound(refusal)
    return data({ productId, error: refusalMessage(t, refusal, error) }, { status: refusal.status })
  }
  // Back to the same tab and page (without the ?index that addressed this action).
  const back = new URL(request.url)
  back.searchParams.delete('index')
  return redirectWithToast(`${back.pathname}${back.search}`, { message: t(DONE[intent]) })
}

export default function SellerProducts() {
  const { items, counts, status, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const f = useFormat()
  const tabs = [
    { label: t('products.tabs.all'), value: null, count: counts.ALL },
    { label: t('products.tabs.published'), value: 'ACTIVE', count: counts.ACTIVE },
    { label: t('products.tabs.drafts'), value: 'DRAFT', count: counts.DRAFT },
    { label: t('products.tabs.archived'), value: 'ARCHIVED', count: counts.ARCHIVED },
  ] as const
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t('products.title')}</h1>
        <Link to={lp('/sell/products/new')} className="btn-primary">
          {t('nav.addProduct')}
        </Link>
      </div>
      <nav
        aria-label={t('products.filter')}
        className="mt-6 flex gap-1 overflow-x-auto border-b border-stone-200"
      >
        {tabs.map((tab) => {
          const current = tab.value === status
          return (
            <Link
              key={tab.label}
              to={tab.value ? `?status=${tab.value}` : '.'}
              aria-current={current ? 'page' : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${current ? 'border-brand-600 text-brand-700' : 'border-transparent text-stone-600 hover:text-ink'}`}
            >
              {tab.label} <span className="text-stone-500">{f.number(tab.count)}</span>
            </Link>
          )
        })}
      </nav>

      {items.length ? (
        <DataTable
          caption={t('products.caption')}
          columns={[
            { label: t('products.columns.product') },
            { label: t('products.columns.status') },
            { label: t('products.columns.price') },
            { label: t('products.columns.stock') },
            { label: t('products.columns.saves') },
            { label: t('products.columns.updated') },
            { label: t('products.columns.actions'), className: 'text-end', hideLabel: true },
          ]}
          minWidth="min-w-[48rem]"
          className="mt-4"
        >
          {items.map((item) => {
            const busy = navigation.formData?.get('productId') === item.id
            const error = actionData && actionData.productId === item.id ? actionData.error : null
            return (
              <tr key={item.id} className="align-top" data-testid="seller-product-row">
                <td className="px-4 py-3">
                  <div className="flex items-start gap-3">
                    <Link
                      to={lp(`/sell/products/${item.id}#photos`)}
                      className="shrink-0"
                      aria-label={t('products.photosOf', { title: item.title })}
                      tabIndex={-1}
                    >
                      <ProductCardImage
                        images={item.photos}
                        productTitle={item.title}
                        sizes="48px"
                        className="aspect-[4/5] w-12 rounded"
                      />
                    </Link>
                    <div className="min-w-0">
                      <Link
                        to={lp(`/sell/products/${item.id}`)}
                        className="font-medium text-ink hover:text-brand-700 hover:underline"
                      >
                        {item.title}
                      </Link>
                      <p className="text-xs text-stone-500">{item.category.name}</p>
                      {error ? (
                        <p role="alert" className="mt-1 text-xs text-red-700">
                          {error}
                        </p>
                      ) : null}
                    </div>
                  </div>
                </td>
                <td className="px-4 py-3">
                  <StatusBadge
                    status={item.status === 'ACTIVE' && !item.listed ? 'HIDDEN' : item.status}
                  />
                  {item.featured ? (
                    <span className="ms-1 text-xs text-brand-700">{t('products.featured')}</span>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <Price quote={item.quote} />
                </td>
                <td className="px-4 py-3">
                  <span className={item.stock === 0 ? 'font-medium text-red-700' : ''}>
                    {f.number(item.stock)}
                  </span>
                  <span className="text-stone-500">
                    {' '}
                    {t('products.inVariants', {
                      count: item.variantCount,
                      n: f.number(item.variantCount),
                    })}
                  </span>
                  {item.variantCount && item.stock === 0 ? (
                    <p className="text-xs font-medium text-red-700">{t('products.soldOut')}</p>
                  ) : item.lowStockVariants ? (
                    <p
                      className="text-xs font-medium text-amber-700"
                      title={t('products.lowStockTitle', { n: f.number(LOW_STOCK_THRESHOLD) })}
                    >
                      {t('products.lowStock', {
                        count: item.lowStockVariants,
                        n: f.number(item.lowStockVariants),
                      })}
                    </p>
                  ) : null}
                </td>
                <td className="px-4 py-3" data-testid="seller-product-saves">
                  {f.number(item.saves)}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-stone-600">
                  {f.date(item.updatedAt)}
                </td>
                <td className="px-4 py-3">
                  <div className="flex items-center justify-end gap-2">
                    {item.status !== 'ARCHIVED' ? (
                      <Form method="post">
                        <input type="hidden" name="productId" value={item.id} />
                        <button
                          type="submit"
                          name="intent"
                          value={item.status === 'ACTIVE' ? 'unpublish' : 'publish'}
                          className={
                            item.status === 'ACTIVE' ? 'btn-secondary py-1' : 'btn-primary py-1'
                          }
                          disabled={busy}
                          aria-label={t(
                            item.status === 'ACTIVE'
                              ? 'products.unpublishTitle'
                              : 'products.publishTitle',
                            { title: item.title },
                          )}
                        >
                          {item.status === 'ACTIVE'
                            ? t('status.action.unpublish')
                            : t('status.action.publish')}
                        </button>
                      </Form>
                    ) : null}
                    <Link
                      to={lp(`/sell/products/${item.id}`)}
                      className="btn-secondary py-1"
                      aria-label={t('products.editTitle', { title: item.title })}
                    >
                      {t('products.edit')}
                    </Link>
                    <Link
                      to={lp(`/sell/products/${item.id}#photos`)}
                      className={`btn-secondary py-1 whitespace-nowrap ${item.photoCount ? '' : 'text-brand-700'}`}
                      aria-label={
                        item.photoCount
                          ? t('products.photosTitle', {
                              title: item.title,
                              n: f.number(item.photoCount),
                            })
                          : t('products.addPhotosTitle', { title: item.title })
                      }
                    >
                      {item.photoCount
                        ? t('products.photos', { n: f.number(item.photoCount) })
                        : t('products.addPhotos')}
                    </Link>
                    <Link
                      to={lp(`/p/${item.slug}`)}
                      className="text-xs link"
                      aria-label={t(item.listed ? 'products.viewTitle' : 'products.previewTitle', {
                        title: item.title,
                      })}
                    >
                      {item.listed ? t('products.view') : t('products.preview')}
                    </Link>
                  </div>
                </td>
              </tr>
            )
          })}
        </DataTable>
      ) : (
        <div className="mt-6 rounded-lg border border-dashed border-stone-300 bg-white px-6 py-16 text-center">
          <p className="text-stone-700">
            {status ? t('products.emptyStatus') : t('products.empty')}
          </p>
          <Link to={lp('/sell/products/new')} className="mt-4 btn-primary">
            {t('products.addFirst')}
          </Link>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} label={t('products.pages')} />
    </div>
  )
}

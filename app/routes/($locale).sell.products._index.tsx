/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { DataTable } from '~/components/data-table.tsx'
import { ProductCardImage } from '~/components/media/product-gallery.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { Price } from '~/components/catalog/price.tsx'
import { StatusBadge } from '~/components/catalog/status-badge.tsx'
import { requireSeller } from '~/http/catalog.server.ts'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { quote } from '~/services/catalog/pricing.ts'
import { changeProductStatus, listSellerProducts } from '~/services/catalog/products.server.ts'
import { LOW_STOCK_THRESHOLD, ProductStatusIntentSchema } from '~/services/catalog/schemas.ts'
import { listCardImages } from '~/services/media/product-images.server.ts'
import { useStore } from '~/root.tsx'

export const meta: MetaFunction = () => [{ title: 'Your products · Shikposh' }]

const STATUSES = ['ACTIVE', 'DRAFT', 'ARCHIVED'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSeller(request)
  const params = new URL(request.url).searchParams
  const status = STATUSES.find((candidate) => candidate === params.get('status'))
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get('page') ?? '1', 10) || 1))
  const list = await listSellerProducts(user.id, { status, page })
  // The main photo of each product on the page, in one query.
  const photos = await listCardImages(
    list.items.map((item) => item.id),
    { perProduct: 1 },
  )
  const now = new Date()
  return {
    ...list,
    status: status ?? null,
    items: list.items.map((item) => ({
      ...item,
      quote: quote({ ...item, price: item.minPrice }, null, now),
      photos: photos.get(item.id) ?? [],
    })),
  }
}

const DONE: Record<string, string> = {
  publish: 'is published',
  unpublish: 'is back to draft',
  archive: 'is archived',
  restore: 'is restored as a draft',
}

/** Quick status changes from the list; the product must be the seller's (else 404). */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  const parsed = ProductStatusIntentSchema.safeParse(
    Object.fromEntries(await readFormData(request)),
  )
  if (!parsed.success)
    return data({ productId: null, error: 'Choose a product and an action.' }, { status: 400 })
  const { productId, intent } = parsed.data
  try {
    await changeProductStatus(user.id, productId, intent)
  } catch (error) {
    const refusal = toRefusal(error)
    throwIfNotFound(refusal)
    return data({ productId, error: refusal.message }, { status: refusal.status })
  }
  // Back to the same tab and page (without the ?index that addressed this action).
  const back = new URL(request.url)
  back.searchParams.delete('index')
  return redirectWithToast(`${back.pathname}${back.search}`, {
    message: `The product ${DONE[intent]}.`,
  })
}

export default function SellerProducts() {
  const { items, counts, status, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { timeZone } = useStore()
  const tabs = [
    { label: 'All', value: null, count: counts.ALL },
    { label: 'Published', value: 'ACTIVE', count: counts.ACTIVE },
    { label: 'Drafts', value: 'DRAFT', count: counts.DRAFT },
    { label: 'Archived', value: 'ARCHIVED', count: counts.ARCHIVED },
  ] as const
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Products</h1>
        <Link to="/sell/products/new" className="btn-primary">
          Add a product
        </Link>
      </div>
      <nav
        aria-label="Filter by status"
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
              {tab.label} <span className="text-stone-400">{tab.count}</span>
            </Link>
          )
        })}
      </nav>

      {items.length ? (
        <DataTable
          caption="Your products"
          columns={[
            { label: 'Product' },
            { label: 'Status' },
            { label: 'Price' },
            { label: 'Stock' },
            { label: 'Updated' },
            { label: 'Actions', className: 'text-end', hideLabel: true },
          ]}
          minWidth="min-w-[44rem]"
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
                      to={`/sell/products/${item.id}#photos`}
                      className="shrink-0"
                      aria-label={`Photos of ${item.title}`}
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
                        to={`/sell/products/${item.id}`}
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
                    <span className="ms-1 text-xs text-brand-700">★ Featured</span>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <Price quote={item.quote} />
                </td>
                <td className="px-4 py-3">
                  <span className={item.stock === 0 ? 'font-medium text-red-700' : ''}>
                    {item.stock}
                  </span>
                  <span className="text-stone-500">
                    {' '}
                    in {item.variantCount} variant{item.variantCount === 1 ? '' : 's'}
                  </span>
                  {item.variantCount && item.stock === 0 ? (
                    <p className="text-xs font-medium text-red-700">Sold out</p>
                  ) : item.lowStockVariants ? (
                    <p
                      className="text-xs font-medium text-amber-700"
                      title={`${LOW_STOCK_THRESHOLD} or fewer left`}
                    >
                      ▲ Low stock: {item.lowStockVariants} variant
                      {item.lowStockVariants === 1 ? '' : 's'}
                    </p>
                  ) : null}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-stone-600">
                  {new Date(item.updatedAt).toLocaleDateString('en-US', {
                    month: 'short',
                    day: 'numeric',
                    year: 'numeric',
                    timeZone,
                  })}
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
                          aria-label={`${item.status === 'ACTIVE' ? 'Unpublish' : 'Publish'} ${item.title}`}
                        >
                          {item.status === 'ACTIVE' ? 'Unpublish' : 'Publish'}
                        </button>
                      </Form>
                    ) : null}
                    <Link
                      to={`/sell/products/${item.id}`}
                      className="btn-secondary py-1"
                      aria-label={`Edit ${item.title}`}
                    >
                      Edit
                    </Link>
                    <Link
                      to={`/sell/products/${item.id}#photos`}
                      className={`btn-secondary py-1 whitespace-nowrap ${item.photoCount ? '' : 'text-brand-700'}`}
                      aria-label={`${item.photoCount ? 'Photos' : 'Add photos'} of ${item.title} (${item.photoCount})`}
                    >
                      {item.photoCount ? `Photos (${item.photoCount})` : 'Add photos'}
                    </Link>
                    <Link
                      to={`/p/${item.slug}`}
                      className="text-xs link"
                      aria-label={`${item.listed ? 'View' : 'Preview'} ${item.title} in the store`}
                    >
                      {item.listed ? 'View' : 'Preview'}
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
            {status ? 'No products with this status.' : 'You have not listed anything yet.'}
          </p>
          <Link to="/sell/products/new" className="mt-4 btn-primary">
            Add your first product
          </Link>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} label="Pages of your products" />
    </div>
  )
}

/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { ProductForm } from '~/components/catalog/product-form.tsx'
import { StatusBadge } from '~/components/catalog/status-badge.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ProductImagesEditor } from '~/components/media/product-images-editor.tsx'
import {
  matrixReply,
  productFormRefusal,
  requireSeller,
  storeSettings,
} from '~/http/catalog.server.ts'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { valuesFromProduct } from '~/services/catalog/product-form.ts'
import {
  changeProductStatus,
  getProductForEdit,
  updateProduct,
} from '~/services/catalog/products.server.ts'
import { productFormSchema } from '~/services/catalog/schemas.ts'
import { getProductFormOptions } from '~/services/catalog/taxonomy.server.ts'
import { getProductImageEditor } from '~/services/media/product-images.server.ts'
import { invariantResponse } from '~/utils/http.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.product.title ?? 'Product'} · Your products · Shikposh` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireSeller(request)
  // Another seller's product (or an unknown id) is simply not found.
  const product = await getProductForEdit(user.id, params.productId ?? '')
  invariantResponse(product, 'That product was not found in your shop.')
  const settings = storeSettings()
  const [options, photos] = await Promise.all([
    getProductFormOptions(),
    getProductImageEditor(user.id, product.id),
  ])
  return {
    product: {
      id: product.id,
      slug: product.slug,
      title: product.title,
      status: product.status,
      listed: product.listed,
      version: product.version,
      featured: product.featured,
    },
    options: { ...options, ...settings },
    defaults: valuesFromProduct(product, settings),
    photos: { colors: photos.colors, images: photos.images, limits: photos.limits },
  }
}

const StatusSchema = z.object({
  statusAction: z.enum(['publish', 'unpublish', 'archive', 'restore']),
})
const DONE = {
  publish: 'Published.',
  unpublish: 'Unpublished: it is a draft again.',
  archive: 'Archived: it is out of the store.',
  restore: 'Restored as a draft.',
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  const productId = params.productId ?? ''
  const formData = await readFormData(request)
  const here = `/sell/products/${productId}`

  if (formData.get('intent') === 'status') {
    const parsed = StatusSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success)
      return data(
        { result: null, conflict: null, statusError: 'Choose what to do with the product.' },
        { status: 400 },
      )
    try {
      await changeProductStatus(user.id, productId, parsed.data.statusAction)
    } catch (error) {
      const refusal = toRefusal(error)
      throwIfNotFound(refusal)
      return data(
        { result: null, conflict: null, statusError: refusal.message },
        { status: refusal.status },
      )
    }
    return redirectWithToast(here, { message: DONE[parsed.data.statusAction] })
  }

  const submission = parseWithZod(formData, { schema: productFormSchema(storeSettings()) })
  if (formData.get('intent') === 'update-matrix') return matrixReply(submission)
  if (submission.status !== 'success')
    return data({ result: submission.reply(), conflict: null }, { status: 400 })
  const { intent, version, product } = submission.value
  if (!version)
    return data(
      {
        result: submission.reply({
          formErrors: ['This form is out of date. Reload the page and try again.'],
        }),
        conflict: null,
      },
      { status: 400 },
    )
  let saved
  try {
    saved = await updateProduct(user.id, productId, version, product, {
      publish: intent === 'publish',
    })
  } catch (error) {
    return productFormRefusal(submission, error)
  }
  const message = intent === 'publish' ? 'Saved and published.' : 'Your changes are saved.'
  const meanwhile = saved.stockMovedMeanwhile
    ? ' Stock that sold (or came back) while you were editing was counted in.'
    : ''
  return redirectWithToast(here, { message: `${message}${meanwhile}` })
}

export default function EditProduct() {
  const { product, options, defaults, photos } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const statusError = actionData && 'statusError' in actionData ? actionData.statusError : null
  const busy = navigation.formData?.get('intent') === 'status'
  const statusButtons =
    product.status === 'ACTIVE'
      ? (['unpublish', 'archive'] as const)
      : product.status === 'DRAFT'
        ? (['publish', 'archive'] as const)
        : (['restore'] as const)
  const labels = {
    publish: 'Publish',
    unpublish: 'Unpublish',
    archive: 'Archive',
    restore: 'Restore',
  }
  return (
    <div>
      <Link to="/sell/products" className="text-sm text-stone-600 hover:text-brand-700">
        ← Products
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{product.title}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-stone-600">
            <StatusBadge
              status={product.status === 'ACTIVE' && !product.listed ? 'HIDDEN' : product.status}
            />
            {product.featured ? (
              <span className="text-brand-700">★ Featured on the home page</span>
            ) : null}
            <Link to={`/p/${product.slug}`} className="link">
              {product.listed ? 'View in the store' : 'Preview'}
            </Link>
          </p>
        </div>
        <Form method="post" className="flex flex-wrap gap-2">
          <input type="hidden" name="intent" value="status" />
          {statusButtons.map((statusAction) => (
            <button
              key={statusAction}
              type="submit"
              name="statusAction"
              value={statusAction}
              disabled={busy}
              className={
                statusAction === 'publish'
                  ? 'btn-primary'
                  : statusAction === 'archive'
                    ? 'btn-danger'
                    : 'btn-secondary'
              }
            >
              {labels[statusAction]}
            </button>
          ))}
        </Form>
      </div>
      {statusError ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {statusError}
        </p>
      ) : null}
      <div className="mt-6">
        {/* A new version (after a save) starts the form afresh from what was saved. */}
        <ProductForm
          key={product.version}
          options={options}
          defaults={defaults}
          lastResult={actionData?.result}
          conflict={actionData && 'conflict' in actionData ? actionData.conflict : null}
          status={product.status}
          photos={
            <ProductImagesEditor
              productId={product.id}
              productTitle={product.title}
              colors={photos.colors}
              images={photos.images}
              limits={photos.limits}
            />
          }
        />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { BackToProducts, ProductForm } from '~/components/catalog/product-form.tsx'
import { StatusBadge } from '~/components/catalog/status-badge.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ProductImagesEditor } from './product-images-editor.tsx'
import {
  matrixReply,
  productFormRefusal,
  requireSeller,
  storeSettings,
} from '~/http/catalog.server.ts'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { refusalMessage } from '~/http/refusal-messages.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { valuesFromProduct } from '~/services/catalog/product-form.ts'
import { changeProductStatus } from '~/services/catalog/product-status.server.ts'
import { getProductForEdit, updateProduct } from '~/services/catalog/products.server.ts'
import { productFormSchema } from '~/services/catalog/schemas.ts'
import { getProductFormOptions } from '~/services/catalog/taxonomy.server.ts'
import { getProductImageEditor } from '~/services/media/product-images.server.ts'
import { invariantResponse } from '~/utils/http.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireSeller(request)
  const t = getT(request, 'seller')
  // Another seller's product (or an unknown id) is simply not found.
  const product = await getProductForEdit(user.id, params.productId ?? '')
  invariantResponse(product, t('editProduct.notFound'))
  const settings = storeSettings()
  const [options, photos] = await Promise.all([
    getProductFormOptions(getLocale(request)),
    getProductImageEditor(user.id, product.id),
  ])
  return {
    title: t('meta.title', {
      page: t('editProduct.metaTitle', { title: product.title }),
    }),
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
    defaults: valuesFromProduct(product, { ...settings, pageLocale: getLocale(request) }),
    photos: { colors: photos.colors, images: photos.images, limits: photos.limits },
  }
}

const StatusSchema = z.object({
  statusAction: z.enum(['publish', 'unpublish', 'archive', 'restore']),
})
const DONE = {
  publish: 'editProduct.done.publish',
  unpublish: 'editProduct.done.unpublish',
  archive: 'editProduct.done.archive',
  restore: 'editProduct.done.restore',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  const productId = params.productId ?? ''
  const formData = await readFormData(request)
  const here = localeRedirectPath(request, `/sell/products/${productId}`)
  const t = getT(request, 'seller')

  if (formData.get('intent') === 'status') {
    const parsed = StatusSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success)
      return data(
        { result: null, conflict: null, statusError: t('editProduct.chooseAction') },
        { status: 400 },
      )
    try {
      await changeProductStatus(user.id, productId, parsed.data.statusAction)
    } catch (error) {
      const refusal = toRefusal(error)
      throwIfNotFound(refusal)
      return data(
        { result: null, conflict: null, statusError: refusalMessage(t, refusal, error) },
        { status: refusal.status },
      )
    }
    return redirectWithToast(here, { message: t(DONE[parsed.data.statusAction]) })
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
          formErrors: [t('editProduct.outOfDate')],
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
    return productFormRefusal(request, submission, error)
  }
  const message = t(intent === 'publish' ? 'editProduct.savedPublished' : 'editProduct.saved')
  const meanwhile = saved.stockMovedMeanwhile ? ` ${t('editProduct.stockMeanwhile')}` : ''
  return redirectWithToast(here, { message: `${message}${meanwhile}` })
}

export default function EditProduct() {
  const { product, options, defaults, photos } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const statusError = actionData && 'statusError' in actionData ? actionData.statusError : null
  const busy = navigation.formData?.get('intent') === 'status'
  const statusButtons =
    product.status === 'ACTIVE'
      ? (['unpublish', 'archive'] as const)
      : product.status === 'DRAFT'
        ? (['publish', 'archive'] as const)
        : (['restore'] as const)
  return (
    <div>
      <BackToProducts to={lp('/sell/products')} label={t('nav.products')} />
      <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{product.title}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-stone-600">
            <StatusBadge
              status={product.status === 'ACTIVE' && !product.listed ? 'HIDDEN' : product.status}
            />
            {product.featured ? (
              <span className="text-brand-700">{t('editProduct.featured')}</span>
            ) : null}
            <Link to={lp(`/p/${product.slug}`)} className="link">
              {product.listed ? t('editProduct.viewInStore') : t('products.preview')}
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
              {t(`status.action.${statusAction}`)}
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

import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BackToProducts, ProductForm } from '~/components/catalog/product-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import {
  matrixReply,
  productFormRefusal,
  requireSeller,
  storeSettings,
} from '~/http/catalog.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { emptyProductValues } from '~/services/catalog/product-form.ts'
import { createProduct } from '~/services/catalog/products.server.ts'
import { productFormSchema } from '~/services/catalog/schemas.ts'
import { getProductFormOptions } from '~/services/catalog/taxonomy.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSeller(request)
  const options = await getProductFormOptions(getLocale(request))
  const t = getT(request, 'seller')
  return {
    title: t('meta.title', { page: t('newProduct.title') }),
    options: { ...options, ...storeSettings() },
    defaults: emptyProductValues(
      options.scales.find((scale) => scale.code === 'letters')?.id ?? options.scales[0]?.id,
      getLocale(request),
    ),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, { schema: productFormSchema(storeSettings()) })
  // Without JavaScript, "Update variant table" posts the form back to redraw the matrix.
  if (formData.get('intent') === 'update-matrix') return matrixReply(submission)
  if (submission.status !== 'success')
    return data({ result: submission.reply(), conflict: null }, { status: 400 })
  const { intent, product } = submission.value
  try {
    const created = await createProduct(user.id, product, { publish: intent === 'publish' })
    // On to the same product's form, at its photos: the one step the first save unlocks.
    const t = getT(request, 'seller')
    return redirectWithToast(localeRedirectPath(request, `/sell/products/${created.id}#photos`), {
      message: t(intent === 'publish' ? 'newProduct.published' : 'newProduct.drafted', {
        title: product.title,
      }),
    })
  } catch (error) {
    return productFormRefusal(request, submission, error)
  }
}

export default function NewProduct() {
  const { options, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  return (
    <div>
      <BackToProducts to={lp('/sell/products')} label={t('nav.products')} />
      <h1 className="mt-2 text-2xl font-bold tracking-tight">{t('newProduct.title')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('newProduct.description')}</p>
      <div className="mt-6">
        <ProductForm
          options={options}
          defaults={defaults}
          lastResult={actionData?.result}
          status="NEW"
        />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

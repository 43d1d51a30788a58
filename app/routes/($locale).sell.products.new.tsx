/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ProductForm } from '~/components/catalog/product-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import {
  matrixReply,
  productFormRefusal,
  requireSeller,
  storeSettings,
} from '~/http/catalog.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { emptyProductValues } from '~/services/catalog/product-form.ts'
import { createProduct } from '~/services/catalog/products.server.ts'
import { productFormSchema } from '~/services/catalog/schemas.ts'
import { getProductFormOptions } from '~/services/catalog/taxonomy.server.ts'

export const meta: MetaFunction = () => [{ title: 'Add a product · Shikposh' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSeller(request)
  const options = await getProductFormOptions()
  return {
    options: { ...options, ...storeSettings() },
    defaults: emptyProductValues(
      options.scales.find((scale) => scale.code === 'letters')?.id ?? options.scales[0]?.id,
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
    return redirectWithToast(`/sell/products/${created.id}#photos`, {
      message:
        intent === 'publish'
          ? `“${product.title}” is published. Add its photos below.`
          : `“${product.title}” is saved as a draft. Add its photos below.`,
    })
  } catch (error) {
    return productFormRefusal(submission, error)
  }
}

export default function NewProduct() {
  const { options, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div>
      <Link to="/sell/products" className="text-sm text-stone-600 hover:text-brand-700">
        ← Products
      </Link>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Add a product</h1>
      <p className="mt-1 text-sm text-stone-600">
        Save it as a draft and publish when it is ready, or publish straight away.
      </p>
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

/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ErrorList, Field } from '~/components/forms.tsx'
import { requireSeller } from '~/http/catalog.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { ShopProfileSchema } from '~/services/catalog/schemas.ts'
import { updateShopProfile } from '~/services/catalog/shops.server.ts'

export const meta: MetaFunction = () => [{ title: 'Shop profile · Shikposh' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireSeller(request)
  return { shop }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  const submission = parseWithZod(await readFormData(request), { schema: ShopProfileSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  await updateShopProfile(user.id, submission.value)
  return redirectWithToast('/sell/shop', { message: 'Your shop profile is saved.' })
}

export default function ShopProfile() {
  const { shop } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'shop-profile',
    lastResult,
    defaultValue: { name: shop.name, description: shop.description },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShopProfileSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight">Shop profile</h1>
      <p className="mt-1 text-sm text-stone-600">
        Shown on your shop page at <span className="font-mono">/shops/{shop.slug}</span> and on
        every product.
      </p>
      <Form method="post" className="mt-6 space-y-4 card" {...getFormProps(form)}>
        <Field
          label="Shop name"
          inputProps={getInputProps(fields.name, { type: 'text' })}
          errors={fields.name.errors}
        />
        <div>
          <label
            htmlFor={fields.description.id}
            className="block text-sm font-medium text-stone-800"
          >
            About your shop
          </label>
          <textarea {...getTextareaProps(fields.description)} rows={5} className="mt-1 input" />
          <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          Save
        </button>
      </Form>
    </div>
  )
}

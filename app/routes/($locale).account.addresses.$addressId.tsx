/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { AddressFields } from '~/components/orders/address-fields.tsx'
import { formRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { getAddress, updateAddress } from '~/services/orders/addresses.server.ts'
import { SaveAddressSchema } from '~/services/orders/schemas.ts'
import { invariantResponse } from '~/utils/http.ts'

export const meta: MetaFunction = () => [{ title: 'Edit address · Shikposh' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const address = await getAddress(user.id, params.addressId ?? '')
  invariantResponse(address, 'Address not found')
  return { address }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await readFormData(request), { schema: SaveAddressSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { makeDefault, ...address } = submission.value
  try {
    await updateAddress(user.id, params.addressId ?? '', address, { makeDefault })
  } catch (error) {
    return formRefusal(submission, error)
  }
  return redirectWithToast('/account/addresses', { message: 'Address saved.' })
}

export default function EditAddressPage() {
  const { address } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const { id: _id, isDefault, ...values } = address
  const [form, fields] = useForm({
    id: `address-${address.id}`,
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SaveAddressSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="edit-address-heading">
      <p className="text-sm">
        <Link to="/account/addresses" className="link">
          ← All addresses
        </Link>
      </p>
      <h1 id="edit-address-heading" className="mt-2 text-2xl font-bold tracking-tight">
        Edit address
      </h1>
      <Form method="post" className="mt-6 max-w-2xl space-y-4 card" {...getFormProps(form)}>
        <AddressFields fields={fields} />
        {isDefault ? (
          <p className="text-sm text-stone-600">This is your default address.</p>
        ) : (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="makeDefault" className="h-4 w-4 accent-brand-600" />
            Make this my default address
          </label>
        )}
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="flex gap-3">
          <button
            type="submit"
            className="btn-primary"
            disabled={navigation.state === 'submitting'}
          >
            Save address
          </button>
          <Link to="/account/addresses" className="btn-secondary">
            Cancel
          </Link>
        </div>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DirectionArrow } from '~/components/direction-arrow.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, SubmitButton } from '~/components/forms.tsx'
import { AddressFields } from '~/components/orders/address-fields.tsx'
import { formRefusal } from '~/http/errors.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { getAddress, updateAddress } from '~/services/orders/addresses.server.ts'
import { SaveAddressSchema } from '~/services/orders/schemas.ts'
import { invariantResponse } from '~/utils/http.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const address = await getAddress(user.id, params.addressId ?? '')
  const t = getT(request, 'account')
  invariantResponse(address, t('addresses.notFound'))
  return { title: t('addresses.editMetaTitle'), address }
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
  return redirectWithToast(localeRedirectPath(request, '/account/addresses'), {
    message: getT(request, 'account')('addresses.saved'),
  })
}

export default function EditAddressPage() {
  const { t } = useTranslation('account')
  const lp = useLocalePath()
  const { address } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
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
        <Link to={lp('/account/addresses')} className="link">
          <DirectionArrow to="back" /> {t('addresses.all')}
        </Link>
      </p>
      <h1 id="edit-address-heading" className="mt-2 text-2xl font-bold tracking-tight">
        {t('addresses.editTitle')}
      </h1>
      <Form method="post" className="mt-6 max-w-2xl space-y-4 card" {...getFormProps(form)}>
        <AddressFields fields={fields} />
        {isDefault ? (
          <p className="text-sm text-stone-600">{t('addresses.isDefault')}</p>
        ) : (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="makeDefault" className="h-4 w-4 accent-brand-600" />
            {t('addresses.makeThisDefault')}
          </label>
        )}
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="flex gap-3">
          <SubmitButton>{t('addresses.save')}</SubmitButton>
          <Link to={lp('/account/addresses')} className="btn-secondary">
            {t('addresses.cancel')}
          </Link>
        </div>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

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
import { z } from 'zod'
import { ErrorList, SubmitButton } from '~/components/forms.tsx'
import { AddressBlock, AddressFields } from '~/components/orders/address-fields.tsx'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  createAddress,
  deleteAddress,
  listAddresses,
  setDefaultAddress,
} from '~/services/orders/addresses.server.ts'
import { MAX_ADDRESSES, SaveAddressSchema } from '~/services/orders/schemas.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const AddressIdSchema = z.object({ addressId: z.string().trim().min(1).max(64) })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const title = getT(request, 'account')('addresses.metaTitle')
  return { title, addresses: await listAddresses(user.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const t = getT(request, 'account')
  const back = localeRedirectPath(request, '/account/addresses')

  if (intent === 'delete' || intent === 'set-default') {
    const parsed = AddressIdSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return data({ intent, error: t('addresses.choose') }, { status: 400 })
    try {
      if (intent === 'delete') await deleteAddress(user.id, parsed.data.addressId)
      else await setDefaultAddress(user.id, parsed.data.addressId)
    } catch (error) {
      const refusal = localizedRefusal(t, error)
      return data({ intent, error: refusal.message }, { status: refusal.status })
    }
    return redirectWithToast(back, {
      message: intent === 'delete' ? t('addresses.deleted') : t('addresses.defaultChanged'),
    })
  }

  const submission = parseWithZod(formData, { schema: SaveAddressSchema })
  if (submission.status !== 'success')
    return data({ intent: 'create', result: submission.reply() }, { status: 400 })
  try {
    const { makeDefault, ...address } = submission.value
    await createAddress(user.id, address, { makeDefault })
  } catch (error) {
    const refusal = localizedRefusal(t, error)
    const { formErrors, fieldErrors } = refusal
    return data(
      { intent: 'create', result: submission.reply({ formErrors, fieldErrors }) },
      { status: refusal.status },
    )
  }
  return redirectWithToast(back, { message: t('addresses.saved') })
}

export default function AddressesPage() {
  const { t } = useTranslation('account')
  const lp = useLocalePath()
  const { addresses } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-address',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SaveAddressSchema }),
    shouldRevalidate: 'onInput',
  })
  const rowError = actionData && 'error' in actionData ? actionData.error : null
  return (
    <div className="space-y-10">
      <section aria-labelledby="addresses-heading">
        <h1 id="addresses-heading" className="text-2xl font-bold tracking-tight">
          {t('addresses.title')}
        </h1>
        <p className="mt-1 text-sm text-stone-600">{t('addresses.intro')}</p>
        {rowError ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {rowError}
          </p>
        ) : null}
        {addresses.length ? (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {addresses.map((address) => (
              <li
                key={address.id}
                className="flex flex-col justify-between gap-4 card p-5"
                data-testid="address-card"
              >
                <div>
                  {address.isDefault ? (
                    <p className="mb-2 inline-block rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">
                      {t('addresses.default')}
                    </p>
                  ) : null}
                  <AddressBlock address={address} className="text-sm text-stone-700" />
                </div>
                <div className="flex flex-wrap gap-2 text-sm">
                  <Link
                    to={lp(`/account/addresses/${address.id}`)}
                    className="btn-secondary"
                    aria-label={t('addresses.editLabel', {
                      name: address.fullName,
                      line: address.line1,
                    })}
                  >
                    {t('addresses.edit')}
                  </Link>
                  {!address.isDefault ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="set-default" />
                      <input type="hidden" name="addressId" value={address.id} />
                      <button type="submit" className="btn-secondary">
                        {t('addresses.makeDefault')}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="addressId" value={address.id} />
                    <button
                      type="submit"
                      className="btn-danger"
                      aria-label={t('addresses.deleteLabel', {
                        name: address.fullName,
                        line: address.line1,
                      })}
                    >
                      {t('addresses.delete')}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600">
            {t('addresses.empty')}
          </p>
        )}
      </section>

      {addresses.length < MAX_ADDRESSES ? (
        <section aria-labelledby="new-address-heading">
          <h2 id="new-address-heading" className="text-xl font-bold tracking-tight">
            {t('addresses.add')}
          </h2>
          <Form method="post" className="mt-4 max-w-2xl space-y-4 card" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="create" />
            <AddressFields fields={fields} />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="makeDefault" className="h-4 w-4 accent-brand-600" />
              {t('addresses.makeThisDefault')}
            </label>
            <ErrorList id={form.errorId} errors={form.errors} />
            <SubmitButton>{t('addresses.save')}</SubmitButton>
          </Form>
        </section>
      ) : (
        <p className="text-sm text-stone-600">{t('addresses.full', { count: MAX_ADDRESSES })}</p>
      )}
    </div>
  )
}

import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { requireSeller } from '~/http/catalog.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { ShopProfileSchema } from '~/services/catalog/schemas.ts'
import { updateShopProfile } from '~/services/catalog/shops.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireSeller(request)
  const t = getT(request, 'seller')
  return { shop, title: t('meta.title', { page: t('shopProfile.title') }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSeller(request)
  const submission = parseWithZod(await readFormData(request), { schema: ShopProfileSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  await updateShopProfile(user.id, submission.value)
  return redirectWithToast(localeRedirectPath(request, '/sell/shop'), {
    message: getT(request, 'seller')('shopProfile.saved'),
  })
}

export default function ShopProfile() {
  const { shop } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const [form, fields] = useForm({
    id: 'shop-profile',
    lastResult,
    defaultValue: { name: shop.name, description: shop.description },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShopProfileSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight">{t('shopProfile.title')}</h1>
      <p className="mt-1 text-sm text-stone-600">
        <Trans
          t={t}
          i18nKey="shopProfile.description"
          values={{ path: `/shops/${shop.slug}` }}
          components={{ bdi: <bdi className="font-mono" /> }}
        />
      </p>
      <Form method="post" className="mt-6 space-y-4 card" {...getFormProps(form)}>
        <Field
          label={t('shopForm.name')}
          inputProps={getInputProps(fields.name, { type: 'text' })}
          errors={fields.name.errors}
        />
        <div>
          <label
            htmlFor={fields.description.id}
            className="block text-sm font-medium text-stone-800"
          >
            {t('shopForm.about')}
          </label>
          <textarea {...getTextareaProps(fields.description)} rows={5} className="mt-1 input" />
          <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton>{t('shopProfile.save')}</SubmitButton>
      </Form>
    </div>
  )
}

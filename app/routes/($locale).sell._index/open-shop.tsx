import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData } from '@remix-run/react'
import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { ShopSchema, slugify } from '~/services/catalog/schemas.ts'
import type { action } from './route.tsx'

// The form that opens a shop, for a signed-in user who has none yet.

export function OpenShop({ userName }: { userName: string }) {
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const [form, fields] = useForm({
    id: 'open-shop',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShopSchema }),
    shouldRevalidate: 'onInput',
  })
  // The address follows the name until the seller edits it themselves.
  const { defaultValue: postedSlug, ...slugProps } = getInputProps(fields.slug, { type: 'text' })
  const [slug, setSlug] = useState<string | null>(postedSlug ?? null)
  const [suggested, setSuggested] = useState('')
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('openShop.heading')}</h1>
      <p className="mt-3 text-stone-600">{t('openShop.intro', { name: userName })}</p>
      <Form method="post" className="mt-8 space-y-4 card" {...getFormProps(form)}>
        <Field
          label={t('shopForm.name')}
          inputProps={{
            ...getInputProps(fields.name, { type: 'text' }),
            autoFocus: true,
            onChange: (event) => setSuggested(slugify(event.currentTarget.value)),
          }}
          errors={fields.name.errors}
        />
        <Field
          label={t('shopForm.slug')}
          inputProps={{
            ...slugProps,
            value: slug ?? suggested,
            onChange: (event) => setSlug(event.currentTarget.value),
            autoCapitalize: 'none',
            spellCheck: false,
            dir: 'ltr',
          }}
          errors={fields.slug.errors}
          help={
            <Trans
              t={t}
              i18nKey="shopForm.slugHelp"
              values={{ path: `/shops/${slug ?? (suggested || 'your-shop')}` }}
              components={{ bdi: <bdi /> }}
            />
          }
        />
        <div>
          <label
            htmlFor={fields.description.id}
            className="block text-sm font-medium text-stone-800"
          >
            {t('shopForm.about')}{' '}
            <span className="font-normal text-stone-500">{t('shopForm.optional')}</span>
          </label>
          <textarea {...getTextareaProps(fields.description)} rows={4} className="mt-1 input" />
          <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pending={t('openShop.opening')}>{t('openShop.submit')}</SubmitButton>
      </Form>
    </div>
  )
}

import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms.tsx'
import { bpsToPercent } from '~/services/catalog/commission-schemas.ts'
import type { action } from './route.tsx'

// The form that sets a commission rate (the store's default or one shop's).

export function RateForm({
  intent,
  id,
  name,
  bps,
}: {
  intent: 'category' | 'shop'
  id: string
  name: string
  bps: number | null
}) {
  const { t } = useTranslation('admin')
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const failed = actionData && actionData.id === id ? actionData : null
  const inputId = `rate-${intent}-${id}`
  return (
    <Form method="post" className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <div>
        <label htmlFor={inputId} className="sr-only">
          {t('commissions.rateLabel', { name })}
        </label>
        <input
          id={inputId}
          name="percent"
          inputMode="decimal"
          defaultValue={failed ? failed.value : bpsToPercent(bps)}
          placeholder={t('commissions.blank')}
          className="input w-28"
          aria-invalid={failed?.errors.percent.length ? true : undefined}
          aria-describedby={failed?.errors.percent.length ? `${inputId}-error` : undefined}
        />
        <ErrorList id={`${inputId}-error`} errors={failed?.errors.percent} />
      </div>
      <button
        type="submit"
        className="btn-secondary"
        disabled={navigation.formData?.get('id') === id}
      >
        {t('commissions.save')}
      </button>
    </Form>
  )
}

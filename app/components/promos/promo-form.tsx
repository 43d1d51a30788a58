import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { usePriceUnit } from '~/components/catalog/product-form.tsx'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { formatDateTimeInput, typesSolarHijri } from '~/i18n/date-input.ts'
import { usePageLocale } from '~/i18n/use-locale.ts'
import {
  PROMO_KINDS,
  promoFormSchema,
  type PromoFormOptions,
  type PromoFormValues,
} from '~/services/promos/form.ts'

// The one form for a promo code, the seller's and the admin's: the code, its kind and amount,
// minimum, time window (store time; Solar Hijri text on Persian pages), limits, and what it is
// limited to. Every field keeps its error beside it; works without JavaScript.

export type PromoTargets = {
  categories: Array<{ id: string; label: string; depth: number }>
  /** The products a code may be limited to: a seller's own, or any shop's for a platform code. */
  products: Array<{ id: string; label: string }>
}

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? [value]
      : []

export function PromoForm({
  id,
  defaults,
  lastResult,
  options,
  targets,
  submitLabel,
}: {
  id: string
  defaults: PromoFormValues
  lastResult?: SubmissionResult<string[]> | null
  options: PromoFormOptions
  targets: PromoTargets
  submitLabel: string
}) {
  const { t } = useTranslation('seller')
  const { locale: pageLocale } = usePageLocale()
  const unit = usePriceUnit(options.currency)
  const schema = useMemo(
    () => promoFormSchema(options),
    [options.currency, options.timeZone, options.priceDisplay], // eslint-disable-line react-hooks/exhaustive-deps
  )
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const solarHijri = typesSolarHijri(pageLocale)
  const dateInput = { type: solarHijri ? 'text' : 'datetime-local' } as const
  const dateHints = solarHijri
    ? { placeholder: formatDateTimeInput('2026-03-21T09:00', pageLocale), dir: 'ltr' }
    : {}
  const dateHelp = t(solarHijri ? 'promos.form.dateHelpSolarHijri' : 'promos.form.dateHelp', {
    timeZone: options.timeZone,
  })
  const chosenCategories = new Set(asList(fields.categoryIds.initialValue))
  const chosenProducts = new Set(asList(fields.productIds.initialValue))
  const kindRadio = (kind: string) => getInputProps(fields.kind, { type: 'radio', value: kind })
  const whole = { inputMode: 'numeric', dir: 'ltr' } as const
  const money = { inputMode: 'decimal', dir: 'ltr' } as const

  return (
    <Form method="post" className="max-w-2xl space-y-6" {...getFormProps(form)}>
      {/* The version this edit form was loaded with: a save after someone else's is refused. */}
      {defaults.version ? <input type="hidden" name="version" value={defaults.version} /> : null}
      <div className="space-y-2 card">
        <Field
          label={t('promos.form.code')}
          inputProps={{
            ...getInputProps(fields.code, { type: 'text' }),
            dir: 'ltr',
            autoComplete: 'off',
            spellCheck: false,
            maxLength: 40,
            className: 'uppercase font-mono',
          }}
          errors={fields.code.errors}
          help={t('promos.form.codeHelp')}
        />
        <fieldset>
          <legend className="block text-sm font-medium text-stone-800">
            {t('promos.form.kind')}
          </legend>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
            {PROMO_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm">
                <input {...kindRadio(kind)} />
                {t(`promos.kinds.${kind}`)}
              </label>
            ))}
          </div>
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            label={t('promos.form.percent')}
            inputProps={{ ...getInputProps(fields.percent, { type: 'text' }), ...whole }}
            errors={fields.percent.errors}
            help={t('promos.form.percentHelp')}
          />
          <Field
            label={t('promos.form.maxDiscount', { unit })}
            inputProps={{ ...getInputProps(fields.maxDiscount, { type: 'text' }), ...money }}
            errors={fields.maxDiscount.errors}
            help={t('promos.form.maxDiscountHelp')}
          />
          <Field
            label={t('promos.form.amount', { unit })}
            inputProps={{ ...getInputProps(fields.amount, { type: 'text' }), ...money }}
            errors={fields.amount.errors}
            help={t('promos.form.amountHelp')}
          />
          <Field
            label={t('promos.form.minOrder', { unit })}
            inputProps={{ ...getInputProps(fields.minOrder, { type: 'text' }), ...money }}
            errors={fields.minOrder.errors}
            help={t('promos.form.minOrderHelp')}
          />
        </div>
      </div>

      <div className="grid gap-x-4 card sm:grid-cols-2">
        <Field
          label={t('promos.form.startsAt')}
          inputProps={{ ...getInputProps(fields.startsAt, dateInput), ...dateHints }}
          errors={fields.startsAt.errors}
          help={dateHelp}
        />
        <Field
          label={t('promos.form.endsAt')}
          inputProps={{ ...getInputProps(fields.endsAt, dateInput), ...dateHints }}
          errors={fields.endsAt.errors}
          help={dateHelp}
        />
        <Field
          label={t('promos.form.usageLimit')}
          inputProps={{ ...getInputProps(fields.usageLimit, { type: 'text' }), ...whole }}
          errors={fields.usageLimit.errors}
          help={t('promos.form.usageLimitHelp')}
        />
        <Field
          label={t('promos.form.perCustomerLimit')}
          inputProps={{ ...getInputProps(fields.perCustomerLimit, { type: 'text' }), ...whole }}
          errors={fields.perCustomerLimit.errors}
          help={t('promos.form.perCustomerLimitHelp')}
        />
      </div>

      <div className="space-y-4 card">
        <p className="text-sm text-stone-600">{t('promos.form.limitsHelp')}</p>
        <CheckboxList
          legend={t('promos.form.categories')}
          name={fields.categoryIds.name}
          errorId={fields.categoryIds.errorId}
          errors={fields.categoryIds.errors}
          items={targets.categories}
          chosen={chosenCategories}
        />
        {targets.products.length ? (
          <CheckboxList
            legend={t('promos.form.products')}
            name={fields.productIds.name}
            errorId={fields.productIds.errorId}
            errors={fields.productIds.errors}
            items={targets.products.map((product) => ({ ...product, depth: 0 }))}
            chosen={chosenProducts}
          />
        ) : null}
      </div>

      {/* Beside the button: a refusal of the whole form (someone saved it meanwhile) is read out. */}
      <div role="alert">
        <ErrorList id={form.errorId} errors={form.errors} />
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  )
}

function CheckboxList({
  legend,
  name,
  errorId,
  errors,
  items,
  chosen,
}: {
  legend: string
  name: string
  errorId: string
  errors: string[] | undefined
  items: Array<{ id: string; label: string; depth: number }>
  chosen: Set<string>
}) {
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="block text-sm font-medium text-stone-800">{legend}</legend>
      <ul className="mt-1 max-h-60 overflow-y-auto rounded-md border border-stone-200 p-2">
        {items.map((item) => (
          <li key={item.id} style={{ paddingInlineStart: `${item.depth * 1.25}rem` }}>
            <label className="flex items-center gap-2 py-0.5 text-sm">
              <input
                type="checkbox"
                name={name}
                value={item.id}
                defaultChecked={chosen.has(item.id)}
              />
              <span className="min-w-0 break-words">{item.label}</span>
            </label>
          </li>
        ))}
      </ul>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  )
}

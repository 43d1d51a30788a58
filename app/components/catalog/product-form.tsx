import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useMemo, useState, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { ErrorList, Field } from '~/components/forms.tsx'
import { valuesFromPayload, type ProductFormValues } from '~/services/catalog/product-form.ts'
import { MAX_TAGS, productFormSchema } from '~/services/catalog/schemas.ts'
import { formatDateTimeInput, typesSolarHijri } from '~/i18n/date-input.ts'
import { formatMoneyInput, moneyInputUnit } from '~/i18n/money-input.ts'
import { usePageLocale, useFormat } from '~/i18n/use-locale.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { DiscountPreview } from './discount-preview.tsx'
import {
  lastSegment,
  Section,
  SelectField,
  type ProductFormOptions,
} from './product-form-parts.tsx'
import { ProductTextFields } from './product-text-fields.tsx'
import { VariantMatrix } from './variant-matrix.tsx'

type Props = {
  options: ProductFormOptions
  defaults: ProductFormValues
  lastResult?: SubmissionResult<string[]> | null
  /** Set when the last save hit a newer version: the message and a way to load it. */
  conflict?: { currentVersion: number } | null
  status: 'NEW' | 'DRAFT' | 'ACTIVE' | 'ARCHIVED'
  /** The product's photos editor (media's ProductImagesEditor); a saved product only. */
  photos?: ReactNode
}

/** The unit prices are typed in: "Toman" when the store shows Toman, else the currency's code. */
export function usePriceUnit(currency: string) {
  const { t } = useTranslation('seller')
  const { store } = usePageLocale()
  return currency === 'IRR' && store.priceDisplay === 'toman' ? t('price.toman') : currency
}

/**
 * The one form for creating and editing a product: its language, title and description (and
 * their translation), category and brand, tags, price and discount schedule, and the variant
 * matrix (tick colours and sizes, then fill SKU, stock and an optional price per cell). Without
 * JavaScript the matrix updates with a submit button; with it, as you tick.
 */
export function ProductForm({ options, defaults, lastResult, conflict, status, photos }: Props) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const unit = usePriceUnit(options.currency)
  const { locale: pageLocale } = usePageLocale()
  const moneyUnit = moneyInputUnit(options.currency, options.priceDisplay)
  const navigation = useNavigation()
  const hydrated = useHydrated()
  // Persian pages type schedules in the Solar Hijri calendar as text; browsers' pickers are Gregorian.
  const solarHijri = typesSolarHijri(pageLocale)
  const scheduleInput = { type: solarHijri ? 'text' : 'datetime-local' } as const
  const scheduleHints = solarHijri
    ? { placeholder: formatDateTimeInput('2026-03-21T09:00', pageLocale) }
    : {}
  const schema = useMemo(
    () =>
      productFormSchema({
        currency: options.currency,
        timeZone: options.timeZone,
        priceDisplay: options.priceDisplay,
      }),
    [options.currency, options.timeZone, options.priceDisplay],
  )
  const [form, fields] = useForm({
    id: 'product-form',
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
    // A fixed error disappears as it is typed, not on blur: a blur-time re-layout could move the
    // save button from under the pointer between mouse down and up.
    shouldRevalidate: 'onInput',
  })
  // Values come back from the server after a failed save or a matrix update; the first render uses them.
  const [initial] = useState(() =>
    lastResult?.initialValue ? valuesFromPayload(lastResult.initialValue) : defaults,
  )
  const [title, setTitle] = useState(initial.title)
  const [price, setPrice] = useState(initial.price)
  const [discount, setDiscount] = useState({
    percent: initial.discountPercent,
    startsAt: initial.discountStartsAt,
    endsAt: initial.discountEndsAt,
  })
  const errors = form.allErrors
  const saving =
    navigation.state === 'submitting' && navigation.formData?.get('intent') !== 'update-matrix'

  return (
    <Form method="post" className="space-y-8" {...getFormProps(form)}>
      {defaults.version ? <input type="hidden" name="version" value={defaults.version} /> : null}

      {conflict ? (
        <div
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p className="font-semibold">{t('productForm.conflict.title')}</p>
          <p className="mt-1">
            <Trans
              t={t}
              i18nKey="productForm.conflict.body"
              values={{ version: f.number(conflict.currentVersion) }}
              components={{ link: <Link to="." reloadDocument className="link" /> }}
            />
          </p>
        </div>
      ) : (
        <ErrorList id={form.errorId} errors={form.errors} />
      )}

      <Section
        title={t('productForm.details.title')}
        description={t('productForm.details.description')}
      >
        <ProductTextFields
          fields={fields}
          initialLocale={initial.locale}
          onTitleChange={setTitle}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t('productForm.fields.category')}
            props={getSelectProps(fields.categoryId)}
            errors={fields.categoryId.errors}
            errorId={fields.categoryId.errorId}
          >
            <option value="">{t('productForm.fields.categoryChoose')}</option>
            {options.categories.map((category) => {
              const name = lastSegment(category.path)
              return (
                <option key={category.id} value={category.id}>
                  {'\u00a0\u00a0'.repeat(category.depth)}
                  {category.leaf ? name : t('productForm.fields.categoryAll', { name })}
                </option>
              )
            })}
          </SelectField>
          <SelectField
            label={t('productForm.fields.brand')}
            props={getSelectProps(fields.brandId)}
            errors={fields.brandId.errors}
            errorId={fields.brandId.errorId}
          >
            <option value="">{t('productForm.fields.brandNone')}</option>
            {options.brands.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </SelectField>
        </div>
        <Field
          label={t('productForm.fields.tags')}
          inputProps={{
            ...getInputProps(fields.tags, { type: 'text' }),
            placeholder: t('productForm.fields.tagsPlaceholder'),
          }}
          errors={fields.tags.errors}
          help={t('productForm.fields.tagsHelp', { max: f.number(MAX_TAGS) })}
        />
      </Section>

      <Section
        title={t('productForm.price.title')}
        description={t('productForm.price.description', { unit })}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t('productForm.fields.price', { unit })}
            inputProps={{
              ...getInputProps(fields.price, { type: 'text' }),
              inputMode: 'decimal',
              placeholder: formatMoneyInput(
                moneyUnit.factor === 10 ? 4_500_000 : 4990 * (moneyUnit.factor / 100 || 1),
                moneyUnit,
                pageLocale,
              ),
              onChange: (event) => setPrice(event.currentTarget.value),
            }}
            errors={fields.price.errors}
            help={t('productForm.fields.priceHelp')}
          />
          <Field
            label={t('productForm.fields.discount')}
            inputProps={{
              // Text, not number: a Persian keyboard types Persian digits, which number inputs drop.
              ...getInputProps(fields.discountPercent, { type: 'text' }),
              inputMode: 'numeric',
              maxLength: 8,
              onChange: (event) => {
                const percent = event.currentTarget.value
                setDiscount((current) => ({ ...current, percent }))
              },
            }}
            errors={fields.discountPercent.errors}
            help={t('productForm.fields.discountHelp')}
          />
          <Field
            label={t('productForm.fields.discountStarts')}
            inputProps={{
              ...getInputProps(fields.discountStartsAt, scheduleInput),
              ...scheduleHints,
              onChange: (event) => {
                const startsAt = event.currentTarget.value
                setDiscount((current) => ({ ...current, startsAt }))
              },
            }}
            errors={fields.discountStartsAt.errors}
            help={t(`productForm.fields.discountStartsHelp${solarHijri ? 'SolarHijri' : ''}`, {
              timeZone: options.timeZone,
            })}
          />
          <Field
            label={t('productForm.fields.discountEnds')}
            inputProps={{
              ...getInputProps(fields.discountEndsAt, scheduleInput),
              ...scheduleHints,
              onChange: (event) => {
                const endsAt = event.currentTarget.value
                setDiscount((current) => ({ ...current, endsAt }))
              },
            }}
            errors={fields.discountEndsAt.errors}
            help={t(`productForm.fields.discountEndsHelp${solarHijri ? 'SolarHijri' : ''}`, {
              timeZone: options.timeZone,
            })}
          />
        </div>
        {hydrated ? (
          <DiscountPreview
            price={price}
            discount={discount}
            unit={moneyUnit}
            timeZone={options.timeZone}
          />
        ) : null}
      </Section>

      <VariantMatrix
        options={options}
        initial={initial}
        title={title}
        productPrice={price}
        errors={errors}
        hydrated={hydrated}
      />

      {/* Photos are stored as they are added (they need the product to exist), not with the Save button. */}
      <Section
        id="photos"
        title={t('productForm.photos.title')}
        description={
          status === 'NEW' ? t('productForm.photos.afterSave') : t('productForm.photos.description')
        }
      >
        {status === 'NEW' ? null : photos}
      </Section>

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-end gap-3 border-t border-stone-200 bg-white/95 px-4 py-4 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
        {status === 'ACTIVE' ? (
          <button
            type="submit"
            name="intent"
            value="save"
            className="btn-primary"
            disabled={saving}
          >
            {saving ? t('productForm.actions.saving') : t('productForm.actions.saveChanges')}
          </button>
        ) : (
          <>
            <button
              type="submit"
              name="intent"
              value="save"
              className="btn-secondary"
              disabled={saving}
            >
              {status === 'ARCHIVED'
                ? t('productForm.actions.save')
                : t('productForm.actions.saveDraft')}
            </button>
            {status !== 'ARCHIVED' ? (
              <button
                type="submit"
                name="intent"
                value="publish"
                className="btn-primary"
                disabled={saving}
              >
                {saving ? t('productForm.actions.saving') : t('productForm.actions.saveAndPublish')}
              </button>
            ) : null}
          </>
        )}
      </div>
    </Form>
  )
}

const ARROW_BACK = '\u2190'

/** The link above the product form back to the list; its arrow points back in either direction. */
export function BackToProducts({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="text-sm text-stone-600 hover:text-brand-700">
      <span aria-hidden className="inline-block rtl:-scale-x-100">
        {ARROW_BACK}
      </span>{' '}
      {label}
    </Link>
  )
}

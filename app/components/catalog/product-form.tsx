import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useId, useMemo, useState, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { ErrorList, Field } from '~/components/forms.tsx'
import { quote } from '~/services/catalog/pricing.ts'
import {
  newCell,
  valuesFromPayload,
  type CellValue,
  type ProductFormValues,
} from '~/services/catalog/product-form.ts'
import {
  MAX_DISCOUNT_PERCENT,
  MAX_TAGS,
  productFormSchema,
  variantKey,
} from '~/services/catalog/schemas.ts'
import { usePageLocale, useFormat } from '~/i18n/use-locale.ts'
import { parseMoney } from '~/utils/money.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { zonedLocalToUtc } from '~/utils/zoned-time.ts'

export type ProductFormOptions = {
  categories: Array<{ id: string; path: string; depth: number; leaf: boolean }>
  brands: Array<{ id: string; name: string }>
  colors: Array<{ id: string; name: string; hex: string }>
  scales: Array<{ id: string; name: string; sizes: Array<{ id: string; label: string }> }>
  currency: string
  timeZone: string
}

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

/**
 * The one form for creating and editing a product: details, category and brand, tags, price
 * and discount schedule, and the variant matrix (tick colours and sizes, then fill SKU, stock
 * and an optional price per cell). Without JavaScript the matrix updates with a submit button;
 * with it, as you tick.
 */
/** The unit prices are typed in: "Toman" when the store shows Toman, else the currency's code. */
export function usePriceUnit(currency: string) {
  const { t } = useTranslation('seller')
  const { store } = usePageLocale()
  return currency === 'IRR' && store.priceDisplay === 'toman' ? t('price.toman') : currency
}

export function ProductForm({ options, defaults, lastResult, conflict, status, photos }: Props) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const unit = usePriceUnit(options.currency)
  const navigation = useNavigation()
  const hydrated = useHydrated()
  const schema = useMemo(
    () => productFormSchema({ currency: options.currency, timeZone: options.timeZone }),
    [options.currency, options.timeZone],
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
        <Field
          label={t('productForm.fields.title')}
          inputProps={{
            ...getInputProps(fields.title, { type: 'text' }),
            maxLength: 120,
            onChange: (event) => setTitle(event.currentTarget.value),
          }}
          errors={fields.title.errors}
        />
        <div>
          <label
            htmlFor={fields.description.id}
            className="block text-sm font-medium text-stone-800"
          >
            {t('productForm.fields.description')}
          </label>
          <textarea
            {...getTextareaProps(fields.description)}
            rows={6}
            className="mt-1 input"
            aria-invalid={fields.description.errors ? true : undefined}
            aria-describedby={fields.description.errors ? fields.description.errorId : undefined}
          />
          <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
        </div>
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
              placeholder: f.fractionDigits === 0 ? '450000' : '49.90',
              onChange: (event) => setPrice(event.currentTarget.value),
            }}
            errors={fields.price.errors}
            help={t('productForm.fields.priceHelp')}
          />
          <Field
            label={t('productForm.fields.discount')}
            inputProps={{
              ...getInputProps(fields.discountPercent, { type: 'number' }),
              min: 1,
              max: MAX_DISCOUNT_PERCENT,
              step: 1,
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
              ...getInputProps(fields.discountStartsAt, { type: 'datetime-local' }),
              onChange: (event) => {
                const startsAt = event.currentTarget.value
                setDiscount((current) => ({ ...current, startsAt }))
              },
            }}
            errors={fields.discountStartsAt.errors}
            help={t('productForm.fields.discountStartsHelp', { timeZone: options.timeZone })}
          />
          <Field
            label={t('productForm.fields.discountEnds')}
            inputProps={{
              ...getInputProps(fields.discountEndsAt, { type: 'datetime-local' }),
              onChange: (event) => {
                const endsAt = event.currentTarget.value
                setDiscount((current) => ({ ...current, endsAt }))
              },
            }}
            errors={fields.discountEndsAt.errors}
            help={t('productForm.fields.discountEndsHelp', { timeZone: options.timeZone })}
          />
        </div>
        {hydrated ? (
          <DiscountPreview
            price={price}
            discount={discount}
            currency={options.currency}
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

/** "Women › Dresses" → "Dresses". */
const lastSegment = (path: string) => path.split(' › ').pop() ?? path

function Section({
  id: anchor,
  title,
  description,
  children,
}: {
  id?: string
  title: string
  description?: ReactNode
  children?: ReactNode
}) {
  const id = useId()
  return (
    <section id={anchor} aria-labelledby={id} className="scroll-mt-6 space-y-4 card">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-sm text-stone-600">{description}</p> : null}
      </div>
      {children}
    </section>
  )
}

function SelectField({
  label,
  props,
  errors,
  errorId,
  children,
}: {
  label: string
  props: ReturnType<typeof getSelectProps>
  errors?: string[]
  errorId: string
  children: ReactNode
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        {...props}
        className="mt-1 input"
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? errorId : undefined}
      >
        {children}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

function DiscountPreview({
  price,
  discount,
  currency,
  timeZone,
}: {
  price: string
  discount: { percent: string; startsAt: string; endsAt: string }
  currency: string
  timeZone: string
}) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const amount = parseMoney(price, currency)
  const percent = Number(discount.percent)
  if (!amount || !Number.isInteger(percent) || percent < 1 || percent > MAX_DISCOUNT_PERCENT)
    return null
  const window = {
    discountPercent: percent,
    discountStartsAt: discount.startsAt ? zonedLocalToUtc(discount.startsAt, timeZone) : null,
    discountEndsAt: discount.endsAt ? zonedLocalToUtc(discount.endsAt, timeZone) : null,
  }
  const now = new Date()
  const withDiscount = quote({
    ...window,
    discountStartsAt: null,
    discountEndsAt: null,
    price: amount,
  })!
  const running = quote({ ...window, price: amount }, null, now)!.onSale
  const state = running
    ? 'running'
    : window.discountEndsAt && window.discountEndsAt <= now
      ? 'over'
      : 'scheduled'
  return (
    <p className="rounded-md bg-stone-50 px-3 py-2 text-sm text-stone-700" aria-live="polite">
      <Trans
        t={t}
        i18nKey={`productForm.discountPreview.${state}`}
        values={{ price: f.money(amount), discounted: f.money(withDiscount.effective) }}
        components={{ strong: <strong /> }}
      />
    </p>
  )
}

// ---------------------------------------------------------------- the variant matrix

type MatrixProps = {
  options: ProductFormOptions
  initial: ProductFormValues
  title: string
  productPrice: string
  errors: Record<string, string[] | null | undefined>
  hydrated: boolean
}

function VariantMatrix({ options, initial, title, productPrice, errors, hydrated }: MatrixProps) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const [scaleId, setScaleId] = useState(initial.sizeScaleId || options.scales[0]?.id || '')
  const scale = options.scales.find((candidate) => candidate.id === scaleId)
  const [colorIds, setColorIds] = useState(() =>
    initial.colorIds.filter((id) => options.colors.some((color) => color.id === id)),
  )
  const [sizeIds, setSizeIds] = useState(() =>
    initial.sizeIds.filter((id) => scale?.sizes.some((size) => size.id === id)),
  )
  const [cells, setCells] = useState<Record<string, CellValue>>(initial.variants)
  const [fill, setFill] = useState({ stock: '', price: '' })

  const colors = options.colors.filter((color) => colorIds.includes(color.id))
  const sizes = scale?.sizes.filter((size) => sizeIds.includes(size.id)) ?? []
  const cellOf = (colorId: string, sizeId: string): CellValue => {
    const key = variantKey(colorId, sizeId)
    if (cells[key]) return cells[key]
    const color = options.colors.find((candidate) => candidate.id === colorId)
    const size = scale?.sizes.find((candidate) => candidate.id === sizeId)
    return newCell(title, color?.name ?? '', size?.label ?? '')
  }
  const update = (key: string, base: CellValue, change: Partial<CellValue>) =>
    setCells((current) => ({ ...current, [key]: { ...(current[key] ?? base), ...change } }))
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((item) => item !== id)
  const error = (name: string) => errors[name] ?? undefined

  return (
    <section aria-labelledby="variants-heading" className="space-y-6 card">
      <div>
        <h2 id="variants-heading" className="text-lg font-semibold">
          {t('productForm.variants.title')}
        </h2>
        <p className="mt-0.5 text-sm text-stone-600">{t('productForm.variants.description')}</p>
      </div>

      <div>
        <label htmlFor="product-size-scale" className="block text-sm font-medium text-stone-800">
          {t('productForm.variants.sizeScale')}
        </label>
        <select
          id="product-size-scale"
          name="sizeScaleId"
          value={scaleId}
          onChange={(event) => {
            setScaleId(event.currentTarget.value)
            setSizeIds([])
          }}
          className="mt-1 input sm:w-72"
          aria-invalid={error('sizeScaleId') ? true : undefined}
          aria-describedby={error('sizeScaleId') ? 'size-scale-error' : undefined}
        >
          {options.scales.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <ErrorList id="size-scale-error" errors={error('sizeScaleId')} />
      </div>

      <fieldset aria-describedby={error('colorIds') ? 'colors-error' : undefined}>
        <legend className="text-sm font-medium text-stone-800">
          {t('productForm.variants.colours')}
        </legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {options.colors.map((color) => (
            <label
              key={color.id}
              className="flex cursor-pointer items-center gap-2 rounded-full border border-stone-300 bg-white py-1 ps-1 pe-3 text-sm has-[:checked]:border-ink has-[:checked]:bg-stone-100 has-[:checked]:ring-1 has-[:checked]:ring-ink has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-200"
            >
              <input
                type="checkbox"
                name="colorIds"
                value={color.id}
                checked={colorIds.includes(color.id)}
                onChange={(event) => {
                  const on = event.currentTarget.checked
                  setColorIds((current) => toggle(current, color.id, on))
                }}
                className="sr-only"
              />
              <span
                aria-hidden
                className="h-6 w-6 rounded-full ring-1 ring-stone-300"
                style={{ backgroundColor: color.hex }}
              />
              {color.name}
            </label>
          ))}
        </div>
        <ErrorList id="colors-error" errors={error('colorIds')} />
      </fieldset>

      <fieldset aria-describedby={error('sizeIds') ? 'sizes-error' : undefined}>
        <legend className="text-sm font-medium text-stone-800">
          {t('productForm.variants.sizes')}{' '}
          {scale ? (
            <span className="font-normal text-stone-500">
              {t('productForm.variants.scaleName', { name: scale.name })}
            </span>
          ) : null}
        </legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {scale?.sizes.map((size) => (
            <label
              key={size.id}
              className="flex min-w-12 cursor-pointer items-center justify-center rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium has-[:checked]:border-ink has-[:checked]:bg-ink has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-200"
            >
              <input
                type="checkbox"
                name="sizeIds"
                value={size.id}
                checked={sizeIds.includes(size.id)}
                onChange={(event) => {
                  const on = event.currentTarget.checked
                  setSizeIds((current) => toggle(current, size.id, on))
                }}
                className="sr-only"
              />
              {size.label}
            </label>
          ))}
        </div>
        <ErrorList id="sizes-error" errors={error('sizeIds')} />
      </fieldset>

      {hydrated ? null : (
        <div className="rounded-md bg-stone-50 p-3 text-sm text-stone-700">
          <p>{t('productForm.variants.updateHint')}</p>
          <button
            type="submit"
            name="intent"
            value="update-matrix"
            formNoValidate
            className="mt-2 btn-secondary"
          >
            {t('productForm.variants.update')}
          </button>
        </div>
      )}

      {colors.length && sizes.length ? (
        <div className="space-y-3">
          {hydrated ? (
            <div className="flex flex-wrap items-end gap-3 rounded-md bg-stone-50 p-3 text-sm">
              <span className="font-medium text-stone-700">
                {t('productForm.variants.fillAll')}
              </span>
              <label className="flex items-center gap-2">
                {t('productForm.variants.stock')}
                <input
                  type="number"
                  min={0}
                  value={fill.stock}
                  onChange={(event) => setFill({ ...fill, stock: event.currentTarget.value })}
                  className="input w-24 py-1"
                />
              </label>
              <label className="flex items-center gap-2">
                {t('productForm.variants.price')}
                <input
                  type="text"
                  inputMode="decimal"
                  value={fill.price}
                  onChange={(event) => setFill({ ...fill, price: event.currentTarget.value })}
                  className="input w-28 py-1"
                  placeholder={t('productForm.variants.fillPricePlaceholder')}
                />
              </label>
              <button
                type="button"
                className="btn-secondary py-1"
                onClick={() =>
                  setCells((current) => {
                    const next = { ...current }
                    for (const color of colors) {
                      for (const size of sizes) {
                        const key = variantKey(color.id, size.id)
                        const base = next[key] ?? cellOf(color.id, size.id)
                        next[key] = {
                          ...base,
                          ...(fill.stock !== '' ? { stock: fill.stock } : {}),
                          ...(fill.price !== '' ? { price: fill.price } : {}),
                        }
                      }
                    }
                    return next
                  })
                }
              >
                {t('productForm.variants.applyAll')}
              </button>
            </div>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm">
              <caption className="sr-only">{t('productForm.variants.caption')}</caption>
              <thead>
                <tr className="border-b border-stone-200 text-start text-stone-600">
                  <th scope="col" className="py-2 pe-3 font-medium">
                    {t('productForm.variants.colour')}
                  </th>
                  <th scope="col" className="py-2 pe-3 font-medium">
                    {t('productForm.variants.size')}
                  </th>
                  <th scope="col" className="py-2 pe-3 font-medium">
                    {t('productForm.variants.sku')}
                  </th>
                  <th scope="col" className="w-28 py-2 pe-3 font-medium">
                    {t('productForm.variants.stock')}
                  </th>
                  <th scope="col" className="w-36 py-2 font-medium">
                    {t('productForm.variants.price')}{' '}
                    <span className="font-normal text-stone-500">
                      {t('productForm.variants.optional')}
                    </span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {colors.flatMap((color) =>
                  sizes.map((size, index) => {
                    const key = variantKey(color.id, size.id)
                    const cell = cellOf(color.id, size.id)
                    const name = (field: string) => `variants.${key}.${field}`
                    const cellLabel = t('productForm.variants.cell', {
                      colour: color.name,
                      size: size.label,
                    })
                    return (
                      <tr
                        key={key}
                        className="border-b border-stone-100 align-top"
                        data-testid={`variant-${color.name}-${size.label}`}
                      >
                        {index === 0 ? (
                          <th
                            scope="rowgroup"
                            rowSpan={sizes.length}
                            className="py-2 pe-3 text-start font-medium"
                          >
                            <span className="flex items-center gap-2">
                              <span
                                aria-hidden
                                className="h-4 w-4 rounded-full ring-1 ring-stone-300"
                                style={{ backgroundColor: color.hex }}
                              />
                              {color.name}
                            </span>
                          </th>
                        ) : null}
                        <th scope="row" className="py-2 pe-3 text-start font-medium">
                          {size.label}
                        </th>
                        <td className="py-2 pe-3">
                          {cell.stockWas !== undefined ? (
                            <input type="hidden" name={name('stockWas')} value={cell.stockWas} />
                          ) : null}
                          <CellInput
                            name={name('sku')}
                            label={t('productForm.variants.skuFor', { variant: cellLabel })}
                            value={cell.sku}
                            onChange={(value) => update(key, cell, { sku: value })}
                            errors={error(name('sku'))}
                            className="font-mono uppercase"
                            dir="ltr"
                          />
                        </td>
                        <td className="py-2 pe-3">
                          <CellInput
                            name={name('stock')}
                            label={t('productForm.variants.stockFor', { variant: cellLabel })}
                            value={cell.stock}
                            onChange={(value) => update(key, cell, { stock: value })}
                            errors={error(name('stock'))}
                            type="number"
                          />
                        </td>
                        <td className="py-2">
                          <CellInput
                            name={name('price')}
                            label={t('productForm.variants.priceFor', { variant: cellLabel })}
                            value={cell.price}
                            onChange={(value) => update(key, cell, { price: value })}
                            errors={error(name('price'))}
                            placeholder={productPrice || t('productForm.variants.productPrice')}
                            inputMode="decimal"
                          />
                        </td>
                      </tr>
                    )
                  }),
                )}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-stone-500">
            {t('productForm.variants.count', {
              count: colors.length * sizes.length,
              n: f.number(colors.length * sizes.length),
            })}
          </p>
        </div>
      ) : (
        <p className="rounded-md border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-600">
          {t('productForm.variants.empty')}
        </p>
      )}
    </section>
  )
}

function CellInput({
  name,
  label,
  value,
  onChange,
  errors,
  type = 'text',
  className = '',
  placeholder,
  inputMode,
  dir,
}: {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  errors?: string[]
  type?: 'text' | 'number'
  className?: string
  placeholder?: string
  inputMode?: 'decimal'
  /** SKUs are Latin: they read left to right on a Persian page too. */
  dir?: 'ltr'
}) {
  const errorId = `${name}-error`
  return (
    <div>
      <input
        name={name}
        id={name}
        type={type}
        min={type === 'number' ? 0 : undefined}
        step={type === 'number' ? 1 : undefined}
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        placeholder={placeholder}
        inputMode={inputMode}
        dir={dir}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className={`input py-1.5 ${className}`}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

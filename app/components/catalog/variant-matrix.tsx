import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms.tsx'
import { newCell, type CellValue, type ProductFormValues } from '~/services/catalog/product-form.ts'
import { variantKey } from '~/services/catalog/schemas.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import type { ProductFormOptions } from './product-form-parts.tsx'

// The product form's variant matrix: tick colours and sizes, then fill SKU, stock and an
// optional price per cell. Without JavaScript it updates with a submit button; with it, as you tick.

type MatrixProps = {
  options: ProductFormOptions
  initial: ProductFormValues
  title: string
  productPrice: string
  errors: Record<string, string[] | null | undefined>
  hydrated: boolean
}

export function VariantMatrix({
  options,
  initial,
  title,
  productPrice,
  errors,
  hydrated,
}: MatrixProps) {
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
    return newCell(title, color?.name ?? '', size?.label ?? '', f.locale)
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
                  type="text"
                  inputMode="numeric"
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
                            inputMode="numeric"
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
  className?: string
  placeholder?: string
  /** Numbers are typed as text (a number input drops Persian digits) with a numeric keyboard. */
  inputMode?: 'decimal' | 'numeric'
  /** SKUs are Latin: they read left to right on a Persian page too. */
  dir?: 'ltr'
}) {
  const errorId = `${name}-error`
  return (
    <div>
      <input
        name={name}
        id={name}
        type="text"
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

import type { PriceUnit } from '~/services/search/state.ts'
import { useSearchParams } from '@remix-run/react'
import { useContext, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import type { RatingOption, SearchFacets } from '~/services/search/facets.server.ts'
import type { SearchState } from '~/services/search/state.ts'
import { Checkbox, Count, FilterFormContext } from './filter-form.tsx'

// Price range, minimum rating and the on-sale / in-stock toggles.

/**
 * The price range: two text fields (a number field refuses Persian digits) read by
 * parseSearchState, which takes Persian, Arabic-Indic and Latin digits and separators. An amount
 * it cannot read stays in its field with an error beside it, instead of silently vanishing.
 */
export function PriceFacet({
  state,
  range,
  priceUnit,
}: {
  state: SearchState
  range: SearchFacets['price']
  priceUnit: PriceUnit
}) {
  const { t } = useTranslation('search')
  const f = useFormat()
  const [params] = useSearchParams()
  const minId = useId()
  const maxId = useId()
  const errorId = useId()
  const { factor } = priceUnit
  const unit = priceUnit.toman ? t('price.toman') : priceUnit.currency
  // Amounts in the page's digits ("۲۵", "19.99"), which the fields read back.
  const amount = (minor: number | undefined | null) =>
    minor === undefined || minor === null ? '' : f.number(minor / factor)
  const field = (name: 'minPrice' | 'maxPrice') => {
    const typed = params.get(name)?.trim() ?? ''
    const parsed = state[name]
    const invalid = typed !== '' && parsed === null
    return { value: invalid ? typed : amount(parsed), invalid }
  }
  const min = field('minPrice')
  const max = field('maxPrice')
  const invalid = min.invalid || max.invalid
  // Remount the inputs when the URL's range changes (back button), so they show it.
  const key = `${min.value}-${max.value}`
  const input = 'mt-1 input py-1.5 aria-invalid:border-red-600'
  return (
    <div>
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={minId} className="block text-xs text-stone-600">
            {t('price.min', { unit })}
          </label>
          <input
            key={`min-${key}`}
            id={minId}
            name="minPrice"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            defaultValue={min.value}
            placeholder={amount(range?.min)}
            aria-invalid={min.invalid || undefined}
            aria-describedby={min.invalid ? errorId : undefined}
            className={input}
          />
        </div>
        <div className="min-w-0 flex-1">
          <label htmlFor={maxId} className="block text-xs text-stone-600">
            {t('price.max', { unit })}
          </label>
          <input
            key={`max-${key}`}
            id={maxId}
            name="maxPrice"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            defaultValue={max.value}
            placeholder={amount(range?.max)}
            aria-invalid={max.invalid || undefined}
            aria-describedby={max.invalid ? errorId : undefined}
            className={input}
          />
        </div>
        <button type="submit" className="btn-secondary px-3 py-1.5" aria-label={t('price.goLabel')}>
          {t('price.go')}
        </button>
      </div>
      {invalid ? (
        <p id={errorId} className="mt-2 text-xs text-red-700" role="alert">
          {t('price.invalid')}
        </p>
      ) : null}
      {range ? (
        <p className="mt-2 text-xs text-stone-500">
          {t('price.range', { min: f.money(range.min), max: f.money(range.max) })}
        </p>
      ) : null}
    </div>
  )
}

function Stars({ value }: { value: number }) {
  return (
    <span aria-hidden className="tracking-tight">
      <span className="text-amber-500">{'★'.repeat(value)}</span>
      <span className="text-stone-300">{'★'.repeat(5 - value)}</span>
    </span>
  )
}

export function RatingFacet({
  options,
  selected,
}: {
  options: RatingOption[]
  selected: number | null
}) {
  const { t } = useTranslation('search')
  const { onToggle } = useContext(FilterFormContext)
  return (
    <fieldset>
      <legend className="sr-only">{t('rating.legend')}</legend>
      <ul className="space-y-0.5">
        {options.map((option) => {
          const disabled = option.count === 0 && !option.selected
          return (
            <li key={option.value}>
              <label className="facet-row">
                <input
                  type="radio"
                  name="rating"
                  value={option.value}
                  checked={option.selected}
                  disabled={disabled}
                  onChange={onToggle}
                  className="size-4 accent-brand-600"
                />
                <Stars value={option.value} />
                <span>{t('rating.atLeast', { count: option.value })}</span>
                <Count count={option.count} />
              </label>
            </li>
          )
        })}
        <li>
          <label className="facet-row">
            <input
              type="radio"
              name="rating"
              value=""
              checked={selected === null}
              onChange={onToggle}
              className="size-4 accent-brand-600"
            />
            {t('rating.any')}
          </label>
        </li>
      </ul>
    </fieldset>
  )
}

export function Toggle({
  name,
  label,
  count,
  checked,
}: {
  name: string
  label: string
  count: number
  checked: boolean
}) {
  return (
    <Checkbox name={name} value="1" checked={checked} disabled={count === 0 && !checked}>
      <span>{label}</span>
      <Count count={count} />
    </Checkbox>
  )
}

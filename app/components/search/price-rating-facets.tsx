/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { useContext, useId } from 'react'
import type { RatingOption, SearchFacets } from '~/services/search/facets.server.ts'
import { priceToParam, type SearchState } from '~/services/search/state.ts'
import { formatMoney } from '~/utils/money.ts'
import { Checkbox, Count, FilterFormContext } from './filter-form.tsx'

export function PriceFacet({
  state,
  range,
  currency,
}: {
  state: SearchState
  range: SearchFacets['price']
  currency: string
}) {
  const minId = useId()
  const maxId = useId()
  const placeholder = (minor: number | undefined) =>
    minor === undefined ? '' : priceToParam(minor, currency)
  // Remount the inputs when the URL's range changes (back button), so they show it.
  const key = `${state.minPrice}-${state.maxPrice}`
  return (
    <div>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor={minId} className="block text-xs text-stone-600">
            Min ({currency})
          </label>
          <input
            key={`min-${key}`}
            id={minId}
            name="minPrice"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={state.minPrice !== null ? priceToParam(state.minPrice, currency) : ''}
            placeholder={placeholder(range?.min)}
            className="mt-1 input py-1.5"
          />
        </div>
        <div className="flex-1">
          <label htmlFor={maxId} className="block text-xs text-stone-600">
            Max ({currency})
          </label>
          <input
            key={`max-${key}`}
            id={maxId}
            name="maxPrice"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={state.maxPrice !== null ? priceToParam(state.maxPrice, currency) : ''}
            placeholder={placeholder(range?.max)}
            className="mt-1 input py-1.5"
          />
        </div>
        <button type="submit" className="btn-secondary px-3 py-1.5">
          Go<span className="sr-only"> (apply price range)</span>
        </button>
      </div>
      {range ? (
        <p className="mt-2 text-xs text-stone-500">
          From {formatMoney(range.min, currency)} to {formatMoney(range.max, currency)}
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
  const { onToggle } = useContext(FilterFormContext)
  return (
    <fieldset>
      <legend className="sr-only">Minimum rating</legend>
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
                <span>{option.value} stars &amp; up</span>
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
            Any rating
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

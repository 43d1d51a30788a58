/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { useContext } from 'react'
import type { FacetValue } from '~/services/search/facets.server.ts'
import { FilterFormContext } from './filter-form.tsx'
import { isLight, swatchColor } from './swatch.ts'

export function ColorFacet({ values }: { values: FacetValue[] }) {
  const { onToggle } = useContext(FilterFormContext)
  if (!values.length) return <p className="text-sm text-stone-500">No colours for this search.</p>
  return (
    <fieldset>
      <legend className="sr-only">Colour</legend>
      <ul className="grid grid-cols-4 gap-x-2 gap-y-3 sm:grid-cols-5 lg:grid-cols-4">
        {values.map((value) => {
          const disabled = value.count === 0 && !value.selected
          const color = swatchColor(value.hex)
          return (
            <li key={value.value}>
              <label
                className={`group flex flex-col items-center gap-1 text-center text-xs ${disabled ? 'cursor-not-allowed opacity-40' : 'cursor-pointer'}`}
              >
                <input
                  type="checkbox"
                  name="color"
                  value={value.value}
                  checked={value.selected}
                  disabled={disabled}
                  onChange={onToggle}
                  className="peer sr-only"
                />
                <span aria-hidden className="swatch" style={{ backgroundColor: color }}>
                  <span
                    className={`hidden text-sm font-bold group-has-[:checked]:inline ${isLight(color) ? 'text-stone-900' : 'text-white'}`}
                  >
                    ✓
                  </span>
                </span>
                <span className="w-full truncate text-stone-700">{value.label}</span>
                <span className="sr-only">({value.count} products)</span>
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

export function SizeFacet({ values }: { values: FacetValue[] }) {
  const { onToggle } = useContext(FilterFormContext)
  if (!values.length) return <p className="text-sm text-stone-500">No sizes for this search.</p>
  return (
    <fieldset>
      <legend className="sr-only">Size</legend>
      <ul className="flex flex-wrap gap-2">
        {values.map((value) => {
          const disabled = value.count === 0 && !value.selected
          return (
            <li key={value.value}>
              <label
                className={disabled ? 'cursor-not-allowed' : 'cursor-pointer'}
                title={`${value.count} products`}
              >
                <input
                  type="checkbox"
                  name="size"
                  value={value.value}
                  checked={value.selected}
                  disabled={disabled}
                  onChange={onToggle}
                  className="peer sr-only"
                />
                <span className="size-chip">{value.label}</span>
                <span className="sr-only">({value.count} products)</span>
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import type { FacetValue } from '~/services/search/facets.server.ts'
import { FilterFormContext } from './filter-form.tsx'
import { isLight, swatchColor } from './swatch.ts'
import { GLYPH } from './glyphs.ts'

export function ColorFacet({ values }: { values: FacetValue[] }) {
  const { t } = useTranslation('search')
  const { onToggle } = useContext(FilterFormContext)
  if (!values.length) return <p className="text-sm text-stone-500">{t('color.none')}</p>
  return (
    <fieldset>
      <legend className="sr-only">{t('facet.color')}</legend>
      <ul className="grid grid-cols-4 items-start gap-x-2 gap-y-3 sm:grid-cols-6 lg:grid-cols-4">
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
                    {GLYPH.check}
                  </span>
                </span>
                {/* The whole name, on two lines if it must ("Forest Green", "سبز جنگلی"). */}
                <span className="w-full leading-tight break-words hyphens-auto text-stone-700">
                  {value.label}
                </span>
                <span className="sr-only">({t('filters.products', { count: value.count })})</span>
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

export function SizeFacet({ values }: { values: FacetValue[] }) {
  const { t } = useTranslation('search')
  const { onToggle } = useContext(FilterFormContext)
  if (!values.length) return <p className="text-sm text-stone-500">{t('size.none')}</p>
  return (
    <fieldset>
      <legend className="sr-only">{t('facet.size')}</legend>
      <ul className="flex flex-wrap gap-2">
        {values.map((value) => {
          const disabled = value.count === 0 && !value.selected
          return (
            <li key={value.value}>
              <label
                className={disabled ? 'cursor-not-allowed' : 'cursor-pointer'}
                title={t('filters.products', { count: value.count })}
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
                <span className="size-chip">
                  <bdi>{value.label}</bdi>
                </span>
                <span className="sr-only">({t('filters.products', { count: value.count })})</span>
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

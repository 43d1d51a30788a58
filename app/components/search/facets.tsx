import { Form } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchFacets } from '~/services/search/facets.server.ts'
import {
  parseSearchState,
  type SearchScope,
  type SearchState,
  type PriceUnit,
} from '~/services/search/state.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { CategoryFacet } from './category-facet.tsx'
import { ColorFacet, SizeFacet } from './color-size-facets.tsx'
import {
  FacetGroup,
  FILTER_FORM_ID,
  FilterFormContext,
  useSubmitFilters,
  withSelection,
  type FormContext,
} from './filter-form.tsx'
import { ListFacetValues } from './list-facet.tsx'
import { PriceFacet, RatingFacet, Toggle } from './price-rating-facets.tsx'

// The filters of a results page: one GET form, so it works without JavaScript (tick, then
// "Apply filters"); with JavaScript every tick submits at once. The URL holds the whole state,
// so every result page can be shared and the back button steps through the choices.

type FiltersProps = {
  /** Where the form goes (the page's own path). */
  action: string
  /** The page's fixed filter: a brand page has no brand facet, a shop page no shop facet. */
  scope: SearchScope
  state: SearchState
  facets: SearchFacets
  priceUnit: PriceUnit
}

export function SearchFilters({
  action,
  scope,
  state: loaded,
  facets: loadedFacets,
  priceUnit,
}: FiltersProps) {
  const { t } = useTranslation('search')
  const submitFilters = useSubmitFilters()
  const hydrated = useHydrated()
  // A tick shows at once, before the results arrive; new results (a new `loaded`) replace it.
  const [chosen, setChosen] = useState<{ from: SearchState; state: SearchState } | null>(null)
  const state = chosen && chosen.from === loaded ? chosen.state : loaded
  const facets = state === loaded ? loadedFacets : withSelection(loadedFacets, state)
  const context = useMemo<FormContext>(
    () => ({
      onToggle: (event) => {
        const params = submitFilters(event.currentTarget.form)
        if (params) setChosen({ from: loaded, state: parseSearchState(params, priceUnit) })
      },
    }),
    [submitFilters, loaded, priceUnit],
  )
  return (
    <FilterFormContext.Provider value={context}>
      <Form
        id={FILTER_FORM_ID}
        method="get"
        action={action}
        className="divide-y divide-stone-200"
        aria-label={t('filters.label')}
        onSubmit={(event) => {
          event.preventDefault()
          submitFilters(event.currentTarget)
        }}
      >
        {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
        {state.category ? <input type="hidden" name="category" value={state.category} /> : null}
        <FacetGroup title={t('facet.category')}>
          <CategoryFacet
            facet={facets.category}
            state={state}
            priceUnit={priceUnit}
            action={action}
          />
        </FacetGroup>
        <FacetGroup
          title={t('facet.price')}
          badge={state.minPrice !== null || state.maxPrice !== null ? 1 : 0}
        >
          <PriceFacet state={state} range={facets.price} priceUnit={priceUnit} />
        </FacetGroup>
        <FacetGroup title={t('facet.color')} badge={state.color.length}>
          <ColorFacet values={facets.color} />
        </FacetGroup>
        <FacetGroup title={t('facet.size')} badge={state.size.length}>
          <SizeFacet values={facets.size} />
        </FacetGroup>
        {scope.brand ? null : (
          <FacetGroup title={t('facet.brand')} badge={state.brand.length}>
            <ListFacetValues
              facet="brand"
              values={facets.brand}
              state={state}
              scope={scope}
              priceUnit={priceUnit}
            />
          </FacetGroup>
        )}
        <FacetGroup title={t('facet.rating')} badge={state.rating ? 1 : 0}>
          <RatingFacet options={facets.rating} selected={state.rating} />
        </FacetGroup>
        <FacetGroup
          title={t('facet.availability')}
          badge={Number(state.onSale) + Number(state.inStock)}
        >
          <div className="space-y-1">
            <Toggle
              name="onSale"
              label={t('facet.onSale')}
              count={facets.onSale.count}
              checked={facets.onSale.selected}
            />
            <Toggle
              name="inStock"
              label={t('facet.inStock')}
              count={facets.inStock.count}
              checked={facets.inStock.selected}
            />
          </div>
        </FacetGroup>
        {scope.shop ? null : (
          <FacetGroup title={t('facet.shop')} badge={state.shop.length}>
            <ListFacetValues
              facet="shop"
              values={facets.shop}
              state={state}
              scope={scope}
              priceUnit={priceUnit}
            />
          </FacetGroup>
        )}
        {/* Without JavaScript ticks are collected and applied together. */}
        {hydrated ? null : (
          <div className="pt-4">
            <button type="submit" className="btn-primary w-full">
              {t('filters.apply')}
            </button>
          </div>
        )}
      </Form>
    </FilterFormContext.Provider>
  )
}

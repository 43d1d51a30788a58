import type { SearchResponse } from '~/infra/search/client.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { localName } from '~/services/catalog/localized.ts'
import { CATEGORY_LEVELS } from './document.ts'
import { LIST_ATTRIBUTE, type FilterKey } from './filters.ts'
import { brandNames, shopNames, type CatalogLabels } from './labels.server.ts'
import type { ListFacet, SearchScope, SearchState } from './state.ts'

// Facet counts from Meilisearch's distributions, as the filters panel shows them: labels in the
// page's language, values in their order, the category tree around the selected category.

export type FacetValue = {
  value: string
  label: string
  count: number
  selected: boolean
  hex?: string
}
export type CategoryOption = { slug: string; name: string; count: number; selected: boolean }
export type CategoryFacet = {
  /** From the top (or the scope's category) down to the selected category. */
  trail: CategoryOption[]
  /** What can be picked next: the selected category's children, or the top categories. */
  options: CategoryOption[]
  /** The scope's own category, when the page is scoped to one (it cannot be deselected). */
  root: { slug: string; name: string } | null
}
export type RatingOption = { value: number; count: number; selected: boolean }

export type SearchFacets = {
  category: CategoryFacet
  brand: FacetValue[]
  color: FacetValue[]
  size: FacetValue[]
  shop: FacetValue[]
  price: { min: number; max: number } | null
  rating: RatingOption[]
  onSale: { count: number; selected: boolean }
  inStock: { count: number; selected: boolean }
}

export type Distribution = Record<string, number>
export type AnyResponse = SearchResponse<unknown>

export function categoryLevels(labels: CatalogLabels, state: SearchState, scope: SearchScope) {
  const scopeDepth = scope.category ? (labels.categories.get(scope.category)?.depth ?? 0) : -1
  const selected = state.category ? labels.categories.get(state.category) : undefined
  const from = scopeDepth + 1
  const to = Math.min(CATEGORY_LEVELS - 1, selected ? selected.depth + 1 : from)
  const attributes: string[] = []
  for (let level = from; level <= to; level++) attributes.push(`categoryLvl${level}`)
  return attributes
}

export function facetAttributes(key: FilterKey, categoryAttributes: string[]): string[] {
  switch (key) {
    case 'category':
      return categoryAttributes
    case 'price':
      return ['price']
    case 'rating':
      return ['ratingBucket']
    case 'onSale':
      return ['onSale']
    case 'inStock':
      return ['inStock']
    default:
      return [LIST_ATTRIBUTE[key]]
  }
}

export function mergeDistributions(
  ...responses: Array<AnyResponse | undefined>
): Record<string, Distribution> {
  return Object.assign({}, ...responses.map((response) => response?.facetDistribution ?? {}))
}

export function buildCategoryFacet(
  labels: CatalogLabels,
  state: SearchState,
  scope: SearchScope,
  counts: Record<string, Distribution>,
  locale: Locale,
): CategoryFacet {
  const nameOf = (slug: string) => {
    const label = labels.categories.get(slug)
    return label ? localName(locale, label) : slug
  }
  const countOf = (slug: string) => {
    const label = labels.categories.get(slug)
    return label ? (counts[`categoryLvl${label.depth}`]?.[slug] ?? 0) : 0
  }
  const option = (slug: string): CategoryOption => ({
    slug,
    name: nameOf(slug),
    count: countOf(slug),
    selected: slug === state.category,
  })
  const rootLabel = scope.category ? labels.categories.get(scope.category) : undefined
  const trail: CategoryOption[] = []
  for (
    let slug = state.category;
    slug && slug !== scope.category;
    slug = labels.categories.get(slug)?.parentSlug ?? null
  ) {
    if (!labels.categories.has(slug)) break
    trail.unshift(option(slug))
  }
  const parent =
    state.category && labels.categories.has(state.category)
      ? state.category
      : (scope.category ?? '')
  const childSlugs = labels.children.get(parent) ?? []
  return {
    trail,
    options: childSlugs.map(option),
    root: rootLabel ? { slug: rootLabel.slug, name: localName(locale, rootLabel) } : null,
  }
}

export async function listFacetValues(
  facet: ListFacet,
  selected: string[],
  counts: Distribution,
  universe: Distribution,
  labels: CatalogLabels,
  locale: Locale,
): Promise<FacetValue[]> {
  const values = [...new Set([...Object.keys(universe), ...Object.keys(counts), ...selected])]
  const names =
    facet === 'brand'
      ? await brandNames(values)
      : facet === 'shop'
        ? await shopNames(values)
        : undefined
  // Facet values are slugs (size labels for sizes); labels come in the page's language.
  const labelOf = (value: string) => {
    const named = facet === 'color' ? labels.colors.get(value) : names?.get(value)
    if (named) return localName(locale, named)
    if (facet === 'size' && locale === 'fa') return labels.sizeLabelsFa.get(value) ?? value
    return value
  }
  const result = values.map((value): FacetValue => {
    const color = facet === 'color' ? labels.colors.get(value) : undefined
    return {
      value,
      label: labelOf(value),
      count: counts[value] ?? 0,
      selected: selected.includes(value),
      ...(color ? { hex: color.hex } : {}),
    }
  })
  if (facet === 'color') {
    result.sort(
      (a, b) =>
        (labels.colors.get(a.value)?.position ?? 1e9) -
          (labels.colors.get(b.value)?.position ?? 1e9) || a.label.localeCompare(b.label),
    )
  } else if (facet === 'size') {
    result.sort(
      (a, b) =>
        (labels.sizeOrder.get(a.value) ?? 1e9) - (labels.sizeOrder.get(b.value) ?? 1e9) ||
        a.label.localeCompare(b.label),
    )
  } else {
    // Most results first; values with none at the end; then alphabetical.
    result.sort(
      (a, b) =>
        Number(b.selected) - Number(a.selected) ||
        b.count - a.count ||
        a.label.localeCompare(b.label),
    )
  }
  return result
}

import type { PriceDisplay } from '~/i18n/format.ts'
import { moneyInputUnit, parseMoneyInput, type MoneyInputUnit } from '~/i18n/money-input.ts'
import { normaliseNumberInput } from '~/i18n/format.ts'

// The state of a product search lives in the URL (so pages are shareable, work without
// JavaScript and the back button behaves). This module reads it, hostile input included, and
// writes it back, the same on the server and in the browser. Reading never fails: values that
// cannot be right (malformed slugs, numbers that are not numbers, absurd lengths) are dropped
// or clamped, so a mangled link still gives a sensible page.

export const SORTS = [
  'relevance',
  'newest',
  'price-asc',
  'price-desc',
  'rating',
  'best-selling',
] as const
export type Sort = (typeof SORTS)[number]

export const MAX_QUERY_LENGTH = 200
export const MAX_VALUES_PER_FILTER = 30
export const HITS_PER_PAGE = 24
export const RATING_THRESHOLDS = [4, 3, 2, 1] as const
/** How many values of one facet a search returns; longer facets are searched with facet search. */
export const FACET_VALUES_LIMIT = 100
/** The deepest result a search can page to (and count); beyond it shoppers narrow down instead. */
export const MAX_TOTAL_HITS = 10_000

/** The multi-value facets, in the order the filters panel shows them. */
export const LIST_FACETS = ['brand', 'color', 'size', 'shop'] as const
export type ListFacet = (typeof LIST_FACETS)[number]

export type SearchState = {
  q: string
  /** One category slug; its sub-categories are included. */
  category: string | null
  brand: string[]
  color: string[]
  size: string[]
  shop: string[]
  /** Minor units, inclusive. */
  minPrice: number | null
  maxPrice: number | null
  /** Minimum average rating (1-4). */
  rating: number | null
  onSale: boolean
  inStock: boolean
  sort: Sort
  page: number
}

/**
 * Filters a page always applies, whatever the shopper picks: the category, brand or shop of a
 * grid page (a category includes its sub-categories). Not part of the URL's state: the page's
 * path is.
 */
export type SearchScope = { category?: string; brand?: string; shop?: string }

export const EMPTY_STATE: SearchState = {
  q: '',
  category: null,
  brand: [],
  color: [],
  size: [],
  shop: [],
  minPrice: null,
  maxPrice: null,
  rating: null,
  onSale: false,
  inStock: false,
  sort: 'relevance',
  page: 1,
}

// Slugs as catalogs make them (letters, digits, dashes and a few URL-safe marks); size labels
// may also hold spaces and slashes ("One size", "EU 38.5", "S/M").
const SLUG = /^[\p{L}\p{N}][\p{L}\p{N}._~-]{0,119}$/u
const SIZE = /^[\p{L}\p{N}][\p{L}\p{N} ._/+-]{0,39}$/u
// Control characters (and the private-use marks highlighting uses) never belong in a query.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\ue000-\uf8ff]/g

// The query string is read by hand, not with a schema: the category and search pages call this in
// the browser too, and a validation library there would be most of their JavaScript.
function parseQuery(value: string | null) {
  return (value ?? '')
    .replace(UNPRINTABLE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim()
}

function valueList(values: string[], pattern: RegExp) {
  const kept = values
    .map((value) => value.trim())
    .filter((value) => value.length <= 120 && pattern.test(value))
  return [...new Set(kept)].slice(0, MAX_VALUES_PER_FILTER)
}

function parseFlag(value: string | null) {
  return value != null && ['1', 'true', 'on', 'yes'].includes(value.toLowerCase())
}

function parsePage(raw: string | null) {
  // A page number typed in the address bar in Persian digits ("page=۲") is a page number too.
  const value = raw && normaliseNumberInput(raw)
  const page = value && /^\d{1,9}$/.test(value) ? Number(value) : 1
  return Math.max(1, page)
}

function parseRating(raw: string | null) {
  const value = raw && normaliseNumberInput(raw)
  return value && /^[1-4]$/.test(value) ? Number(value) : null
}

/**
 * The unit the price range is typed in and carried in URLs: the unit shoppers see prices in
 * (Toman when an IRR store shows Toman, else the currency), as in the seller's forms.
 */
export type PriceUnit = MoneyInputUnit & { currency: string; toman: boolean }

export function searchPriceUnit(currency: string, priceDisplay: PriceDisplay): PriceUnit {
  return {
    ...moneyInputUnit(currency, priceDisplay),
    currency,
    toman: currency === 'IRR' && priceDisplay === 'toman',
  }
}

function parsePrice(value: string | null, unit: PriceUnit) {
  if (!value || value.length > 20) return null
  // Typed in any script: "۲۵", "٢٥٫٥", "1,200" (the price fields are plain text fields).
  return parseMoneyInput(value, unit)
}

const LEGACY_SORTS: Record<string, Sort> = { price_asc: 'price-asc', price_desc: 'price-desc' }

function isSort(value: unknown): value is Sort {
  return (SORTS as readonly unknown[]).includes(value)
}

function parseSort(raw: string | null): Sort {
  // The grids' sorts before they moved to search (old links and bookmarks).
  const value = LEGACY_SORTS[raw ?? ''] ?? raw
  return isSort(value) ? value : 'relevance'
}

/** Reads the search state from a URL's query string; never throws. */
export function parseSearchState(params: URLSearchParams, unit: PriceUnit): SearchState {
  const first = (name: string) => params.get(name)
  const all = (name: string) => params.getAll(name).slice(0, 200)
  const parsed: SearchState = {
    q: parseQuery(first('q')),
    category: valueList(all('category'), SLUG)[0] ?? null,
    brand: valueList(all('brand'), SLUG),
    color: valueList(all('color'), SLUG),
    size: valueList(all('size'), SIZE),
    shop: valueList(all('shop'), SLUG),
    minPrice: parsePrice(first('minPrice'), unit),
    maxPrice: parsePrice(first('maxPrice'), unit),
    rating: parseRating(first('rating')),
    onSale: parseFlag(first('onSale')),
    inStock: parseFlag(first('inStock')),
    sort: parseSort(first('sort')),
    page: parsePage(first('page')),
  }
  // A range typed the wrong way round means the same range.
  if (parsed.minPrice !== null && parsed.maxPrice !== null && parsed.minPrice > parsed.maxPrice) {
    ;[parsed.minPrice, parsed.maxPrice] = [parsed.maxPrice, parsed.minPrice]
  }
  return parsed
}

/** A price in minor units as it appears in the URL ("19.99", "20", Toman "120000"). */
export function priceToParam(minor: number, unit: PriceUnit) {
  const major = minor / unit.factor
  return Number.isInteger(major) ? String(major) : major.toFixed(unit.fractionDigits)
}

/** The query string for a state, in a stable order, leaving out defaults. */
export function searchStateToParams(state: SearchState, unit: PriceUnit): URLSearchParams {
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  if (state.category) params.set('category', state.category)
  for (const facet of LIST_FACETS) for (const value of state[facet]) params.append(facet, value)
  if (state.minPrice !== null) params.set('minPrice', priceToParam(state.minPrice, unit))
  if (state.maxPrice !== null) params.set('maxPrice', priceToParam(state.maxPrice, unit))
  if (state.rating !== null) params.set('rating', String(state.rating))
  if (state.onSale) params.set('onSale', '1')
  if (state.inStock) params.set('inStock', '1')
  if (state.sort !== 'relevance') params.set('sort', state.sort)
  if (state.page > 1) params.set('page', String(state.page))
  return params
}

/** `?…` for a state ('' when it is the default), for links. */
export function searchHref(state: SearchState, unit: PriceUnit, pathname = '/search') {
  const query = searchStateToParams(state, unit).toString()
  return query ? `${pathname}?${query}` : pathname
}

/** A changed state; any change but the page number starts again from page 1. */
export function updateState(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, page: 1, ...change }
}

export function toggleValue(state: SearchState, facet: ListFacet, value: string): SearchState {
  const values = state[facet]
  return updateState(state, {
    [facet]: values.includes(value) ? values.filter((v) => v !== value) : [...values, value],
  })
}

/** True when any filter (not the query, sort or page) is set. */
export function hasFilters(state: SearchState) {
  return (
    state.category !== null ||
    LIST_FACETS.some((facet) => state[facet].length > 0) ||
    state.minPrice !== null ||
    state.maxPrice !== null ||
    state.rating !== null ||
    state.onSale ||
    state.inStock
  )
}

/** The state without any filter (keeps the query and the sort). */
export function clearFilters(state: SearchState): SearchState {
  return { ...EMPTY_STATE, q: state.q, sort: state.sort }
}

const SCOPE_PARAM = /^(category|brand|shop):(.+)$/

/** A grid's scope as one query parameter (`scope=brand:acme`), for the resource routes its page calls. */
export function scopeToParam(scope: SearchScope): string | null {
  const [kind, value] = Object.entries(scope).find(([, slug]) => slug) ?? []
  return kind && value ? `${kind}:${value}` : null
}

/** Reads `scope=kind:slug`; anything malformed is no scope. */
export function parseScopeParam(param: string | null): SearchScope {
  const match = param ? SCOPE_PARAM.exec(param) : null
  if (!match || !SLUG.test(match[2]!)) return {}
  return { [match[1]!]: match[2]! }
}

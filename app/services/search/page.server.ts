import { getLocale } from '~/i18n/i18n.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { SearchUnavailableError } from '~/infra/search/client.server.ts'
import { helpForNoResults, type NoResultsHelp } from './no-results.server.ts'
import { searchProducts, type ProductSearchResult } from './search.server.ts'
import {
  parseSearchState,
  searchPriceUnit,
  type PriceUnit,
  type SearchScope,
  type SearchState,
} from './state.ts'

// What a results page (/search, and the category, brand and shop grids) loads: the URL's search
// state and its results, or, when Meilisearch cannot answer, the state and the reason, so the
// page can say so in the site's layout instead of failing.

type PageBase = { priceUnit: PriceUnit; state: SearchState; scope: SearchScope }

export type SearchPageData =
  | (PageBase & { status: 'ok'; result: ProductSearchResult; help: NoResultsHelp | null })
  | (PageBase & { status: 'unavailable' })

/** The unit this store's price range is typed in (Toman or the currency's). */
export function storePriceUnit() {
  const env = getEnv()
  return searchPriceUnit(env.STORE_CURRENCY, env.STORE_PRICE_DISPLAY)
}

export async function loadSearchPage(
  request: Request,
  options: { scope?: SearchScope; hitsPerPage?: number } = {},
): Promise<SearchPageData> {
  const priceUnit = storePriceUnit()
  const scope = options.scope ?? {}
  const state = parseSearchState(new URL(request.url).searchParams, priceUnit)
  try {
    const locale = getLocale(request)
    const result = await searchProducts(state, { ...options, scope, locale })
    // Nothing found at all (not a page past the end): offer a spelling and where to look instead.
    const help = result.totalHits === 0 ? await helpForNoResults(result.state, scope, locale) : null
    return { status: 'ok', priceUnit, scope, state: result.state, result, help }
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error
    logger.warn({ err: error }, 'Search is unavailable')
    return { status: 'unavailable', priceUnit, scope, state }
  }
}

/**
 * The status and headers of a results page: 503 with Retry-After while search is down (the page
 * itself says so in the site's layout), otherwise 200, revalidated on every visit.
 */
export function searchPageInit(page: SearchPageData): ResponseInit {
  if (page.status === 'unavailable')
    return { status: 503, headers: { 'Retry-After': '30', 'Cache-Control': 'no-store' } }
  return { headers: { 'Cache-Control': 'private, max-age=0, must-revalidate' } }
}

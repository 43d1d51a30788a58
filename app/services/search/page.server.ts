import { getEnv } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { SearchUnavailableError } from '~/infra/search/client.server.ts'
import { searchProducts, type ProductSearchResult, type SearchScope } from './search.server.ts'
import { parseSearchState, type SearchState } from './state.ts'

// What a results page (/search, and the category, brand and shop grids) loads: the URL's search
// state and its results, or, when Meilisearch cannot answer, the state and the reason, so the
// page can say so in the site's layout instead of failing.

export type SearchPageData =
  | { status: 'ok'; currency: string; state: SearchState; result: ProductSearchResult }
  | { status: 'unavailable'; currency: string; state: SearchState }

export async function loadSearchPage(request: Request, options: { scope?: SearchScope; hitsPerPage?: number } = {}): Promise<SearchPageData> {
  const currency = getEnv().STORE_CURRENCY
  const state = parseSearchState(new URL(request.url).searchParams, currency)
  try {
    const result = await searchProducts(state, options)
    return { status: 'ok', currency, state: result.state, result }
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error
    logger.warn({ err: error }, 'Search is unavailable')
    return { status: 'unavailable', currency, state }
  }
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getQueryLocale, getT } from '~/i18n/i18n.server.ts'
import { SearchUnavailableError } from '~/infra/search/client.server.ts'
import { storePriceUnit } from '~/services/search/page.server.ts'
import { searchFacet } from '~/services/search/search.server.ts'
import { LIST_FACETS, parseScopeParam, parseSearchState } from '~/services/search/state.ts'

// /search/facet-values?facet=brand&fq=nor&…state: values of a long facet matching what the
// shopper typed in its search box, counted under the page's other filters and, on a category,
// brand or shop grid, its scope (`scope=brand:acme`) (JSON).

const QuerySchema = z.object({
  facet: z.enum(LIST_FACETS),
  fq: z.string().trim().min(1).max(100),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const parsed = QuerySchema.safeParse({ facet: params.get('facet'), fq: params.get('fq') })
  const locale = getQueryLocale(request)
  if (!parsed.success)
    return Response.json({ error: getT(locale, 'search')('facetValues.invalid') }, { status: 400 })
  const state = parseSearchState(params, storePriceUnit())
  try {
    const values = await searchFacet(state, parsed.data.facet, parsed.data.fq, {
      scope: parseScopeParam(params.get('scope')),
      locale,
    })
    return Response.json({ values }, { headers: { 'Cache-Control': 'private, max-age=30' } })
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error
    return Response.json(
      { values: [], unavailable: true },
      { status: 503, headers: { 'Retry-After': '30' } },
    )
  }
}

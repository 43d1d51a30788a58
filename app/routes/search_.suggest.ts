import type { LoaderFunctionArgs } from '@remix-run/node'
import { getFormatter, getQueryLocale } from '~/i18n/i18n.server.ts'
import { SearchUnavailableError } from '~/infra/search/client.server.ts'
import { storePriceUnit } from '~/services/search/page.server.ts'
import { suggest } from '~/services/search/suggest.server.ts'
import { parseSearchState } from '~/services/search/state.ts'

// /search/suggest?q=…: what the header search box offers while the shopper types (JSON).

export type SuggestionsData = {
  query: string
  products: Array<{
    id: string
    slug: string
    title: string
    highlightedTitle: string
    brandName: string | null
    price: string
    regularPrice: string | null
    image: { url: string; alt: string } | null
  }>
  categories: Array<{ slug: string; name: string; parentName: string | null; count: number }>
  unavailable?: true
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { q } = parseSearchState(new URL(request.url).searchParams, storePriceUnit())
  try {
    const locale = getQueryLocale(request)
    const f = getFormatter(locale)
    const suggestions = await suggest(q, locale)
    const body: SuggestionsData = {
      query: suggestions.query,
      categories: suggestions.categories,
      products: suggestions.products.map((product) => ({
        id: product.id,
        slug: product.slug,
        title: product.title,
        highlightedTitle: product.highlightedTitle,
        brandName: product.brandName,
        price: f.money(product.price),
        regularPrice: product.price < product.regularPrice ? f.money(product.regularPrice) : null,
        image: product.image ? { url: product.image.url, alt: product.image.alt } : null,
      })),
    }
    return Response.json(body, { headers: { 'Cache-Control': 'private, max-age=30' } })
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error
    const body: SuggestionsData = { query: q, products: [], categories: [], unavailable: true }
    return Response.json(body, {
      status: 503,
      headers: { 'Retry-After': '30', 'Cache-Control': 'no-store' },
    })
  }
}

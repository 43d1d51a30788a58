import { searchProducts } from '~/services/search/search.server.ts'
import { loader as productLoader } from '~/routes/($locale).p.$slug/route.tsx'
import { callRoute, routeRequest } from './remix.ts'
import { state } from './search.ts'

/** What visitors see: each product page's loader data (but the moment it was rendered), and the first page of a search for its title. */
export async function pageView(slugs: string[]) {
  const pages: Record<string, unknown> = {}
  const searches: Record<string, string[]> = {}
  for (const slug of slugs) {
    const page = await callRoute(productLoader, routeRequest(`/p/${slug}`), { params: { slug } })
    if (page.status !== 200) throw new Error(`/p/${slug} answered ${page.status}`)
    // The moment it was rendered aside (the prices resolved against it are compared).
    const { now: _now, ...data } = JSON.parse(JSON.stringify(page.data)) as { now?: string }
    pages[slug] = data
    const { product } = page.data as { product: { title: string } }
    const found = await searchProducts(state({ q: product.title }))
    searches[slug] = found.hits.map((hit) => hit.card.id)
  }
  return { pages, searches }
}

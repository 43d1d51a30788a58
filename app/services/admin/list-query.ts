import { z } from 'zod'

// The query string of an admin list (products, shops): a search, one filter, a page. A value
// that does not parse is dropped rather than refused, so an edited URL still shows the list.

const ListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})

/** The list's query: `q` (empty means none), `page`, and the list's own `filters`. */
export function readListQuery<Filters extends z.ZodObject>(request: Request, filters: Filters) {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const { q, page } = ListQuerySchema.parse(params)
  return { ...filters.parse(params), q: q || undefined, page }
}

import { badQuery } from './endpoint.server.ts'

// Cursor paging of /api/v1 lists. A cursor is opaque to clients (base64url), so what it holds
// can change: a page number where the service pages by offset (the search), a key elsewhere.
// The next page is announced in the body (`next`) and in a `Link: <…>; rel="next"` header.

/** The cursor of a page number. */
export const pageCursor = (page: number) => Buffer.from(`p${page}`).toString('base64url')

/** The page number a cursor stands for (1 without one); a cursor this API never gave is a 400. */
export function pageFromCursor(cursor: string | undefined): number {
  if (!cursor) return 1
  const match = /^p(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match) badQuery('cursor', 'Not a cursor this API gave out')
  return Math.max(1, Number(match[1]))
}

/** The cursor of a key (keyset paging: the last item's key). */
export const keyCursor = (key: string) => Buffer.from(`k${key}`).toString('base64url')

/** The key a cursor stands for (null without one); a cursor this API never gave is a 400. */
export function keyFromCursor(cursor: string | undefined): string | null {
  if (!cursor) return null
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!/^k[\w.:-]{1,150}$/.test(text)) badQuery('cursor', 'Not a cursor this API gave out')
  return text.slice(1)
}

/** The `Link` header of the next page (this request's URL with its cursor), or none. */
export function nextLink(request: Request, next: string | null): Record<string, string> {
  if (!next) return {}
  const url = new URL(request.url)
  url.searchParams.set('cursor', next)
  return { Link: `<${url.pathname}${url.search}>; rel="next"` }
}

/** `next` and the Link header of a page-numbered list. */
export function pageNumbered(request: Request, page: number, pageCount: number) {
  const next = page < pageCount ? pageCursor(page + 1) : null
  return { next, headers: nextLink(request, next) }
}

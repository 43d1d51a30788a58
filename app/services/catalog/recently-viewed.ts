// "Recently viewed": the ids of the last products a browser opened, newest first, in a cookie
// (guests too). Ids are public and pages read them through the listed products only, so a
// forged value shows nothing it should not. The product page writes it only for a request that
// already carries a cookie (a session, a cart, a language choice ...): such a page is rendered
// for its visitor anyway, while a cookie-less visitor's pages stay shared in the page cache
// (docs/decisions/026, 027).

export const RECENTLY_VIEWED_COOKIE = 'shikposh_recent'
export const RECENTLY_VIEWED_MAX = 12
export const RECENTLY_VIEWED_DAYS = 90
/** How many cards a page shows (the product page leaves out the product itself). */
export const RECENTLY_VIEWED_SHOWN = 8

const ID = /^[A-Za-z0-9_-]{1,40}$/

/** The ids in a cookie value, newest first; anything malformed is dropped. */
export function parseRecentlyViewed(value: string | null | undefined): string[] {
  if (!value) return []
  const ids = value
    .split('.')
    .filter((id) => ID.test(id))
    .slice(0, RECENTLY_VIEWED_MAX)
  return [...new Set(ids)]
}

/** The ids after viewing `productId`: it first, the oldest dropped past the maximum. */
export function viewedNow(ids: string[], productId: string): string[] {
  if (!ID.test(productId)) return ids
  return [productId, ...ids.filter((id) => id !== productId)].slice(0, RECENTLY_VIEWED_MAX)
}

/** The cookie's value in a Cookie header (or document.cookie). */
export function recentlyViewedFrom(cookieHeader: string | null | undefined): string[] {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === RECENTLY_VIEWED_COOKIE) return parseRecentlyViewed(rest.join('='))
  }
  return []
}

/** A Set-Cookie (or document.cookie) string holding these ids. */
export function recentlyViewedCookie(ids: string[], secure: boolean) {
  const attributes = [
    `${RECENTLY_VIEWED_COOKIE}=${ids.join('.')}`,
    'Path=/',
    `Max-Age=${RECENTLY_VIEWED_DAYS * 24 * 60 * 60}`,
    'SameSite=Lax',
  ]
  if (secure) attributes.push('Secure')
  return attributes.join('; ')
}

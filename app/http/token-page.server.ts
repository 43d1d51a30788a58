/**
 * Headers of a page opened from an emailed link whose URL holds a token: the token must not leave
 * in a Referer to another site, nor the page be kept by a shared cache. `same-origin`, not
 * `no-referrer`: with that, the page's own form posts `Origin: null`, which Remix refuses as a
 * possible CSRF (a 500 without JavaScript).
 */
export const TOKEN_PAGE_HEADERS = {
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const

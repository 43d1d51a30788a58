// The store's page addresses, apart from the admin form's schema so the footer (on every page)
// ships no validation library to the browser.

/** The store's pages, in the footer's order. A slug is an address: it never changes. */
export const CONTENT_PAGE_SLUGS = [
  'help',
  'shipping',
  'returns',
  'privacy',
  'terms',
  'contact',
  'about',
] as const
export type ContentPageSlug = (typeof CONTENT_PAGE_SLUGS)[number]

export function isContentPageSlug(value: unknown): value is ContentPageSlug {
  return (CONTENT_PAGE_SLUGS as readonly unknown[]).includes(value)
}

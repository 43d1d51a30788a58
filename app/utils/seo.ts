import type { MetaDescriptor } from '@remix-run/node'
import { INTL_LOCALE, LOCALES, type Locale } from '~/i18n/locales.ts'

// Everything search engines and link previews read, built in one place: Open Graph and Twitter
// card tags (rendered for every page by app/components/social-meta.tsx from the deepest route's
// `social` or `meta` data, else the store's defaults) and the JSON-LD blocks (Organization,
// WebSite with its SearchAction, BreadcrumbList; Product is app/services/catalog/structured-data.ts).
// No server code here: the tags follow client-side navigations.

/** What a route's loader returns as `social` to describe its page to link previews. */
export type SocialInput = {
  title: string
  description: string
  /** An absolute address of the page's picture (a product's first photo). */
  image?: string | null
  imageAlt?: string | null
  type?: 'website' | 'product' | 'article'
}

/** The store's default picture for pages without one of their own (public/og-default.png). */
export const DEFAULT_SOCIAL_IMAGE = '/og-default.png'
const DEFAULT_IMAGE_SIZE = { width: 1200, height: 630 }

const absolute = (origin: string, path: string) => new URL(path, origin).toString()

export type SocialTag = { property: string; content: string } | { name: string; content: string }

/** Open Graph and Twitter card tags for a page. `url` is its canonical address. */
export function socialMeta({
  siteName,
  locale,
  url,
  origin,
  page,
}: {
  siteName: string
  locale: Locale
  url: string
  origin: string
  page: SocialInput
}): SocialTag[] {
  const ownImage = Boolean(page.image)
  const image = page.image ? absolute(origin, page.image) : absolute(origin, DEFAULT_SOCIAL_IMAGE)
  const description = clip(page.description, 200)
  return [
    { property: 'og:site_name', content: siteName },
    { property: 'og:type', content: page.type ?? 'website' },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    { property: 'og:locale', content: ogLocale(locale) },
    ...LOCALES.filter((other) => other !== locale).map((other) => ({
      property: 'og:locale:alternate',
      content: ogLocale(other),
    })),
    { property: 'og:image', content: image },
    ...(ownImage
      ? []
      : [
          { property: 'og:image:width', content: String(DEFAULT_IMAGE_SIZE.width) },
          { property: 'og:image:height', content: String(DEFAULT_IMAGE_SIZE.height) },
        ]),
    ...(page.imageAlt ? [{ property: 'og:image:alt', content: page.imageAlt }] : []),
    // A photo of the thing is worth the large card; the store's own picture is not.
    { name: 'twitter:card', content: ownImage ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: page.title },
    { name: 'twitter:description', content: description },
    { name: 'twitter:image', content: image },
    ...(page.imageAlt ? [{ name: 'twitter:image:alt', content: page.imageAlt }] : []),
  ]
}

/** "en_US", "fa_IR": Open Graph's spelling of a language. */
function ogLocale(locale: Locale) {
  return INTL_LOCALE[locale].replace('-', '_')
}

function clip(text: string, max: number) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}

/** A page's title and description, and the description shortened for the meta tag. */
export function pageMeta({
  title,
  description,
  noindex = false,
}: {
  title: string
  description: string
  noindex?: boolean
}): MetaDescriptor[] {
  return [
    { title },
    { name: 'description', content: clip(description, 160) },
    ...(noindex ? [{ name: 'robots', content: 'noindex' }] : []),
  ]
}

/** The deepest route's description of itself: its `social`, else its `meta` title and description. */
export function socialInputOf(data: unknown): SocialInput | null {
  if (typeof data !== 'object' || data === null) return null
  const record = data as Record<string, unknown>
  const own = record.social
  if (isSocialInput(own)) return own
  const meta = record.meta
  if (isSocialInput(meta)) {
    const name = (meta as Record<string, unknown>).name
    return { title: typeof name === 'string' ? name : meta.title, description: meta.description }
  }
  return null
}

function isSocialInput(value: unknown): value is SocialInput {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return typeof record.title === 'string' && typeof record.description === 'string'
}

// ---------------------------------------------------------------- JSON-LD

/** The store as an organisation, with its logo, for the home page. */
export function organizationJsonLd({ name, origin }: { name: string; origin: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name,
    url: absolute(origin, '/'),
    logo: absolute(origin, '/favicon.svg'),
  }
}

/** The store as a web site whose search engines can send queries to (`/search?q=`). */
export function websiteJsonLd({
  name,
  origin,
  homePath,
  searchPath,
  locale,
}: {
  name: string
  origin: string
  homePath: string
  searchPath: string
  locale: Locale
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name,
    url: absolute(origin, homePath),
    inLanguage: locale,
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${absolute(origin, searchPath)}?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  }
}

/** Where a page sits, for search results: each crumb's name and absolute address, the page last. */
export function breadcrumbJsonLd(crumbs: Array<{ name: string; url: string }>) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  }
}

import { LOCALES, localePath, type Locale } from '~/i18n/locales.ts'
import type { SitemapEntry } from '~/services/catalog/sitemap.server.ts'

// The sitemaps protocol (sitemaps.org) with Google's image extension and hreflang alternates:
// every page once per language, each naming its translations.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

export function sitemapIndexXml(locations: Array<{ url: string; lastModified?: Date }>) {
  const items = locations.map(
    ({ url, lastModified }) =>
      `<sitemap><loc>${escape(url)}</loc>${lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ''}</sitemap>`,
  )
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`
}

export function urlSetXml(
  entries: SitemapEntry[],
  { origin, defaultLocale }: { origin: string; defaultLocale: Locale },
) {
  const absolute = (path: string) => new URL(path, origin).href
  const urls = entries.flatMap((entry) => {
    const alternates = LOCALES.map(
      (locale) =>
        `<xhtml:link rel="alternate" hreflang="${locale}" href="${escape(absolute(localePath(locale, defaultLocale, entry.path)))}"/>`,
    )
    alternates.push(
      `<xhtml:link rel="alternate" hreflang="x-default" href="${escape(absolute(entry.path))}"/>`,
    )
    const images = entry.images.map(
      (src) => `<image:image><image:loc>${escape(absolute(src))}</image:loc></image:image>`,
    )
    return LOCALES.map(
      (locale) =>
        `<url><loc>${escape(absolute(localePath(locale, defaultLocale, entry.path)))}</loc><lastmod>${entry.lastModified.toISOString()}</lastmod>${alternates.join('')}${images.join('')}</url>`,
    )
  })
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n${urls.join('\n')}\n</urlset>\n`
}

export function xmlResponse(body: string) {
  return new Response(body, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}

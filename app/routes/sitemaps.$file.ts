import type { LoaderFunctionArgs } from '@remix-run/node'
import { defaultLocale } from '~/i18n/i18n.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { urlSetXml, xmlResponse } from '~/http/sitemap.server.ts'
import { isSitemapSection, sitemapPage } from '~/services/catalog/sitemap.server.ts'

// /sitemaps/products-1.xml, /sitemaps/categories-1.xml … as listed by /sitemap.xml.
export async function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z]+)-([1-9]\d{0,5})\.xml$/.exec(params.file ?? '')
  const [, section = '', page = ''] = match ?? []
  const entries = isSitemapSection(section) ? await sitemapPage(section, Number(page)) : null
  if (!entries) throw new Response('No such sitemap', { status: 404 })
  return xmlResponse(
    urlSetXml(entries, { origin: getEnv().appUrl, defaultLocale: defaultLocale() }),
  )
}

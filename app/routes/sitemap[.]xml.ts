import { getEnv } from '~/infra/env.server.ts'
import { sitemapIndexXml, xmlResponse } from '~/http/sitemap.server.ts'
import { sitemapFiles } from '~/services/catalog/sitemap.server.ts'

export async function loader() {
  const { appUrl } = getEnv()
  const files = await sitemapFiles()
  return xmlResponse(
    sitemapIndexXml(
      files.map(({ section, page }) => ({
        url: new URL(`/sitemaps/${section}-${page}.xml`, appUrl).href,
      })),
    ),
  )
}

import { getEnv } from '~/infra/env.server.ts'
import { LOCALES } from '~/i18n/locales.ts'

// Private areas stay out of search results in every language; the sitemap lists the rest.
const PRIVATE = ['/account', '/sell', '/admin', '/cart', '/checkout', '/orders', '/search', '/api/']

export function loader() {
  const paths = [...PRIVATE, ...LOCALES.flatMap((locale) => PRIVATE.map((p) => `/${locale}${p}`))]
  const body = [
    'User-agent: *',
    ...paths.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${new URL('/sitemap.xml', getEnv().appUrl).href}`,
    '',
  ].join('\n')
  return new Response(body, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}

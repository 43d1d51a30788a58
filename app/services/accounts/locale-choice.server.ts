import { createCookie } from '@remix-run/node'
import { defaultLocale } from '~/i18n/i18n.server.ts'
import { isLocale, localePath, splitLocale, type Locale } from '~/i18n/locales.ts'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { safeRedirect } from '~/utils/http.ts'
import { getSession } from './auth.server.ts'

// The language a visitor chose with the language switch: a cookie on this browser, and on the
// account when signed in (so it follows them to another device). Nothing else sets it: the
// Accept-Language header only ever suggests (see docs/decisions/017-remembered-language.md).

const localeCookie = singleton('locale-cookie', () =>
  createCookie('shikposh_locale', {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().https,
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  }),
)

/** The language this visitor chose: this browser's cookie, else their account's, else null. */
export async function rememberedLocale(request: Request): Promise<Locale | null> {
  const cookie: unknown = await localeCookie.parse(request.headers.get('Cookie'))
  if (isLocale(cookie)) return cookie
  const account = (await getSession(request))?.user.locale
  return isLocale(account) ? account : null
}

/**
 * Remembers the chosen language (cookie, and the account when signed in) and returns the
 * Set-Cookie header with the page to go to: `back` (a path in any language, with its query) in
 * the chosen language.
 */
export async function chooseLocale(request: Request, locale: Locale, back: string | undefined) {
  const session = await getSession(request)
  if (session && session.user.locale !== locale)
    await prisma.user.update({ where: { id: session.userId }, data: { locale } })
  const target = new URL(safeRedirect(back, '/'), 'http://localhost')
  const { rest } = splitLocale(target.pathname)
  return {
    setCookie: await localeCookie.serialize(locale),
    location: localePath(locale, defaultLocale(), `${rest}${target.search}`),
  }
}

/**
 * Where a page request should go instead, or null to serve it:
 * - `/en/...` while English is the default language: the unprefixed URL, for good (301);
 * - an unprefixed (default-language) page opened by someone who chose the other language:
 *   that page in their language (302, never cached). Prefixed URLs are always served as asked,
 *   and only documents are redirected (not the data requests of a page already open).
 */
export async function localeRedirect(
  request: Request,
  urlLocale: Locale | null,
): Promise<{ location: string; status: 301 | 302 } | null> {
  const url = new URL(request.url)
  const fallback = defaultLocale()
  if (urlLocale === fallback) {
    const { rest } = splitLocale(url.pathname)
    return { location: `${rest}${url.search}`, status: 301 }
  }
  if (urlLocale !== null || !isDocumentRequest(request)) return null
  const chosen = await rememberedLocale(request)
  if (!chosen || chosen === fallback) return null
  return { location: localePath(chosen, fallback, `${url.pathname}${url.search}`), status: 302 }
}

function isDocumentRequest(request: Request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const dest = request.headers.get('Sec-Fetch-Dest')
  if (dest) return dest === 'document'
  return (request.headers.get('Accept') ?? '').includes('text/html')
}

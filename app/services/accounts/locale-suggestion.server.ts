import { createCookie } from '@remix-run/node'
import { preferredLocale } from '~/i18n/accept-language.ts'
import type { Locale } from '~/i18n/locales.ts'
import { getEnv } from '~/infra/env.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { safeRedirect } from '~/utils/http.ts'
import { rememberedLocale } from './locale-choice.server.ts'

// A first visit whose browser prefers the store's other language is told that the page exists
// in it, never sent there (docs/decisions/017-remembered-language.md). Choosing a language
// (POST /locale) or dismissing the suggestion (POST /locale/dismiss) ends it for good.

const dismissedCookie = singleton('locale-suggestion-cookie', () =>
  createCookie('shikposh_locale_hint', {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().https,
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  }),
)

/** The language to suggest on a page in `pageLocale`, or null. */
export async function localeSuggestion(request: Request, pageLocale: Locale) {
  const preferred = preferredLocale(request.headers.get('Accept-Language'))
  if (!preferred || preferred === pageLocale) return null
  const dismissed: unknown = await dismissedCookie.parse(request.headers.get('Cookie'))
  if (dismissed === 'dismissed') return null
  if (await rememberedLocale(request)) return null
  return preferred
}

/** Remembers that the suggestion was dismissed; `back` is the page to return to. */
export async function dismissLocaleSuggestion(back: string | undefined) {
  return {
    setCookie: await dismissedCookie.serialize('dismissed'),
    location: safeRedirect(back, '/'),
  }
}

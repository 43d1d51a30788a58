import { describe, expect, test } from 'vitest'
import { preferredLocale } from '~/i18n/accept-language.ts'
import { loader as rootLoader } from '~/root.tsx'
import { action as localeAction } from '~/routes/locale.ts'
import { action as dismissAction } from '~/routes/locale_.dismiss.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

// A first visit whose browser prefers the other language is told the page exists in it (in that
// language), never redirected; choosing a language or dismissing the suggestion ends it.

const html = { Accept: 'text/html', 'Sec-Fetch-Dest': 'document' }
const persianBrowser = { ...html, 'Accept-Language': 'fa-IR,fa;q=0.9,en;q=0.8' }
const englishBrowser = { ...html, 'Accept-Language': 'en-US,en;q=0.9' }

function cookieOf(result: { headers: Headers }) {
  return result.headers.get('Set-Cookie')!.split(';')[0]!
}

async function suggestionOn(path: string, headers: Record<string, string>, cookie?: string) {
  const locale = path.startsWith('/fa') ? 'fa' : undefined
  const page = await callRoute(rootLoader, routeRequest(path, { headers, cookie }), {
    params: locale ? { locale } : {},
  })
  expect(page.status).toBe(200)
  return (page.data as { suggestion: unknown }).suggestion
}

describe('Accept-Language', () => {
  test('ranks the store languages by weight, then order', () => {
    expect(preferredLocale('fa-IR,fa;q=0.9,en;q=0.8')).toBe('fa')
    expect(preferredLocale('en-GB,en;q=0.9,fa;q=0.5')).toBe('en')
    expect(preferredLocale('de-DE,de;q=0.9,fa;q=0.4')).toBe('fa')
    expect(preferredLocale('en;q=0.2, fa;q=0.7')).toBe('fa')
    expect(preferredLocale('fa;q=0, en;q=0.1')).toBe('en')
    expect(preferredLocale('de, fr')).toBeNull()
    expect(preferredLocale('*')).toBeNull()
    expect(preferredLocale(null)).toBeNull()
  })
})

describe('the other-language suggestion', () => {
  test('an English page tells a Persian browser in Persian, and a Persian page an English one in English', async () => {
    expect(await suggestionOn('/c/dresses?page=2', persianBrowser)).toEqual({
      locale: 'fa',
      text: 'این صفحه به فارسی هم هست',
      switch: 'نمایش به فارسی',
      dismiss: 'نه، ممنون',
    })
    expect(await suggestionOn('/fa/cart', englishBrowser)).toMatchObject({
      locale: 'en',
      text: 'This page is also in English',
    })
    expect(await suggestionOn('/c/dresses', englishBrowser)).toBeNull()
    expect(await suggestionOn('/fa', persianBrowser)).toBeNull()
    expect(await suggestionOn('/', html)).toBeNull()
  })

  test('dismissing it is remembered and returns to the same page and query', async () => {
    const dismissed = await callRoute(
      dismissAction,
      routeRequest('/locale/dismiss', { form: { redirectTo: '/c/dresses?size=m' } }),
    )
    expect(dismissed.status).toBe(303)
    expect(dismissed.headers.get('Location')).toBe('/c/dresses?size=m')
    expect(await suggestionOn('/c/dresses', persianBrowser, cookieOf(dismissed))).toBeNull()

    const away = await callRoute(
      dismissAction,
      routeRequest('/locale/dismiss', { form: { redirectTo: '//evil.example/' } }),
    )
    expect(away.headers.get('Location')).toBe('/')
  })

  test('a chosen language (this browser or the account) ends it', async () => {
    const chose = await callRoute(
      localeAction,
      routeRequest('/locale', { form: { locale: 'fa', redirectTo: '/fa' } }),
    )
    expect(await suggestionOn('/fa/c/dresses', englishBrowser, cookieOf(chose))).toBeNull()

    const user = await createUser()
    const { cookie } = await signIn(user.id)
    expect(await suggestionOn('/c/dresses', persianBrowser, cookie)).not.toBeNull()
    await callRoute(
      localeAction,
      routeRequest('/locale', { cookie, form: { locale: 'en', redirectTo: '/' } }),
    )
    expect(await suggestionOn('/c/dresses', persianBrowser, cookie)).toBeNull()
  })
})

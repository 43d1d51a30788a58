import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { loader as rootLoader } from '~/root.tsx'
import { action as localeAction } from '~/routes/locale.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

// The language switch remembers the choice; a remembered choice (never Accept-Language) brings
// a visitor from an unprefixed page to the same page in their language.

const html = { Accept: 'text/html', 'Sec-Fetch-Dest': 'document' }

function cookieOf(result: { headers: Headers }) {
  return result.headers.get('Set-Cookie')!.split(';')[0]!
}

describe('POST /locale', () => {
  test('opens the same page and query in the chosen language and remembers it', async () => {
    const result = await callRoute(
      localeAction,
      routeRequest('/locale', { form: { locale: 'fa', redirectTo: '/c/dresses?size=m' } }),
    )
    expect(result.status).toBe(303)
    expect(result.headers.get('Location')).toBe('/fa/c/dresses?size=m')
    expect(result.headers.get('Set-Cookie')).toMatch(/^shikposh_locale=/)

    const back = await callRoute(
      localeAction,
      routeRequest('/locale', {
        cookie: cookieOf(result),
        form: { locale: 'en', redirectTo: '/fa/c/dresses?size=m' },
      }),
    )
    expect(back.headers.get('Location')).toBe('/c/dresses?size=m')
  })

  test('a signed-in user keeps the choice on their account', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    expect(user.locale).toBeNull()
    const result = await callRoute(
      localeAction,
      routeRequest('/locale', { cookie, form: { locale: 'fa', redirectTo: '/account' } }),
    )
    expect(result.headers.get('Location')).toBe('/fa/account')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe('fa')

    // On a browser without the cookie, the account's choice counts.
    const page = await callRoute(rootLoader, routeRequest('/cart', { cookie, headers: html }))
    expect(page.status).toBe(302)
    expect(page.headers.get('Location')).toBe('/fa/cart')
  })

  test('refuses a language the store does not offer, and never leaves the site', async () => {
    const unknown = await callRoute(
      localeAction,
      routeRequest('/locale', { form: { locale: 'de', redirectTo: '/' } }),
    )
    expect(unknown.status).toBe(400)
    const away = await callRoute(
      localeAction,
      routeRequest('/locale', { form: { locale: 'fa', redirectTo: '//evil.example/x' } }),
    )
    expect(away.headers.get('Location')).toBe('/fa')
  })
})

describe('page requests', () => {
  test('a remembered choice redirects unprefixed pages (documents only, never cached)', async () => {
    const chose = await callRoute(
      localeAction,
      routeRequest('/locale', { form: { locale: 'fa', redirectTo: '/' } }),
    )
    const cookie = cookieOf(chose)
    const page = await callRoute(
      rootLoader,
      routeRequest('/c/dresses?page=2', { cookie, headers: html }),
    )
    expect(page.status).toBe(302)
    expect(page.headers.get('Location')).toBe('/fa/c/dresses?page=2')
    expect(page.headers.get('Cache-Control')).toBe('private, no-store')

    // The prefixed page is served as asked, and so are data requests.
    const persian = await callRoute(
      rootLoader,
      routeRequest('/fa/c/dresses', { cookie, headers: html }),
      { params: { locale: 'fa' } },
    )
    expect(persian.status).toBe(200)
    const data = await callRoute(
      rootLoader,
      routeRequest('/c/dresses', { cookie, headers: { Accept: '*/*', 'Sec-Fetch-Dest': 'empty' } }),
    )
    expect(data.status).toBe(200)
  })

  test('Accept-Language alone never redirects', async () => {
    const page = await callRoute(
      rootLoader,
      routeRequest('/c/dresses', { headers: { ...html, 'Accept-Language': 'fa-IR,fa;q=0.9' } }),
    )
    expect(page.status).toBe(200)
  })

  test('/en/... while English is the default moves for good to the unprefixed URL', async () => {
    const page = await callRoute(
      rootLoader,
      routeRequest('/en/c/dresses?sort=new', { headers: html }),
      { params: { locale: 'en' } },
    )
    expect(page.status).toBe(301)
    expect(page.headers.get('Location')).toBe('/c/dresses?sort=new')
    const home = await callRoute(rootLoader, routeRequest('/en', { headers: html }), {
      params: { locale: 'en' },
    })
    expect(home.headers.get('Location')).toBe('/')
  })
})

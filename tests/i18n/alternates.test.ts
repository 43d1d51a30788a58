import { describe, expect, test } from 'vitest'
import { canonicalQuery, pageAlternates } from '~/i18n/alternates.ts'

const origin = 'https://shikposh.example'

describe('canonical address and hreflang alternates', () => {
  test('each language has its address on the public origin; x-default is the unprefixed one', () => {
    const english = pageAlternates({
      origin: `${origin}/`,
      locale: 'en',
      defaultLocale: 'en',
      pathname: '/c/dresses',
      search: '',
    })
    const persian = pageAlternates({
      origin,
      locale: 'fa',
      defaultLocale: 'en',
      pathname: '/fa/c/dresses',
      search: '',
    })
    expect(english.canonical).toBe(`${origin}/c/dresses`)
    expect(persian.canonical).toBe(`${origin}/fa/c/dresses`)
    expect(persian.alternates).toEqual([
      { hrefLang: 'en', href: `${origin}/c/dresses` },
      { hrefLang: 'fa', href: `${origin}/fa/c/dresses` },
      { hrefLang: 'x-default', href: `${origin}/c/dresses` },
    ])
    expect(english.alternates).toEqual(persian.alternates)
  })

  test('with Persian as the default language, English lives under /en and the home page has no trailing slash', () => {
    const home = pageAlternates({
      origin,
      locale: 'en',
      defaultLocale: 'fa',
      pathname: '/en',
      search: '?utm_source=x',
    })
    expect(home.canonical).toBe(`${origin}/en`)
    expect(home.alternates).toEqual([
      { hrefLang: 'en', href: `${origin}/en` },
      { hrefLang: 'fa', href: `${origin}/` },
      { hrefLang: 'x-default', href: `${origin}/` },
    ])
  })

  test('a plain page number stays; a search, filter, sort or tracking query is a permutation of the plain page', () => {
    expect(canonicalQuery('?page=2')).toBe('?page=2')
    expect(canonicalQuery('?page=1')).toBe('')
    expect(canonicalQuery('?page=abc')).toBe('')
    expect(canonicalQuery('?page=2&color=black')).toBe('')
    expect(canonicalQuery('?sort=newest')).toBe('')
    expect(canonicalQuery('?q=dress')).toBe('')
    const grid = pageAlternates({
      origin,
      locale: 'fa',
      defaultLocale: 'en',
      pathname: '/fa/c/dresses',
      search: '?page=2',
    })
    expect(grid.canonical).toBe(`${origin}/fa/c/dresses?page=2`)
  })
})

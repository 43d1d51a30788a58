import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { PAGE_NAMESPACES, type PageKind } from '~/cli/bench/client-js.ts'
import { prisma } from '~/infra/db.server.ts'
import { createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { expect, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

// The browser loads only the message catalogues a page uses (app/i18n/page-namespaces.tsx): the
// server writes the list into the page, the entry loads those before hydrating, and a page reached
// later by a client-side navigation loads its own before it shows, translated, never as keys.

test.afterAll(async () => {
  await prisma.$disconnect()
})

const LOCALES = ['en', 'fa'] as const

function pageNamespaces(page: Page) {
  return page
    .locator('#i18n-namespaces')
    .textContent()
    .then((text) => JSON.parse(text ?? 'null'))
}

function catalogue(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`app/i18n/locales/${locale}/${namespace}.json`, 'utf8'))
}

/** Every key of a catalogue as a page would show it untranslated (`profile.title`). */
function keysOf(messages: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`.replace(/_(zero|one|two|few|many|other)$/, '')],
  )
}

function watchConsole(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return problems
}

test('each storefront page kind names the namespaces bench:js counts for it', async ({
  page,
  signInAs,
}) => {
  const seller = await createSeller('Namespace Studio')
  const product = await createProduct(seller.shop.id, { title: 'Namespace coat', price: 9000 })
  await waitForSearchIndex()
  const paths: Record<Exclude<PageKind, 'checkout'>, string> = {
    home: '/',
    category: '/c/test-dresses',
    product: `/p/${product.slug}`,
    search: '/search?q=coat',
    cart: '/cart',
  }
  for (const locale of LOCALES) {
    const named: Partial<Record<PageKind, string[]>> = {}
    for (const [kind, path] of Object.entries(paths) as Array<[PageKind, string]>) {
      await page.goto(locale === 'en' ? path : `/fa${path}`)
      named[kind] = await pageNamespaces(page)
      // bench:js counts a search page with results, whose cards name `shop`; one without results
      // (the index may still be catching up) names only the rest.
      if (kind === 'search' && !(await page.locator('a[href*="/p/"]').count()))
        named[kind] = [...named[kind]!, 'shop'].sort()
    }
    const { checkout: _, ...counted } = PAGE_NAMESPACES
    expect(named, locale).toEqual(counted)
  }
  // Checkout, with something in the cart, is a signed-in shopper's page (the header's bell too).
  const { user } = await signInAs('shopper')
  await putInCart(user.id, product.variants[0]!.id, 1, 9000)
  for (const locale of LOCALES) {
    await page.goto(locale === 'en' ? '/checkout' : '/fa/checkout')
    expect(await pageNamespaces(page), `checkout (${locale})`).toEqual(PAGE_NAMESPACES.checkout)
  }
})

for (const locale of LOCALES) {
  const prefix = locale === 'en' ? '' : '/fa'

  test(`a client-side navigation from the home page to a page of another namespace shows it translated (${locale})`, async ({
    page,
    signInAs,
  }) => {
    await signInAs('seller', { name: 'Nima Navigator' })
    const problems = watchConsole(page)
    await page.goto(`${prefix}/`)
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
    const first = await pageNamespaces(page)
    expect(first).not.toContain('account')
    expect(first).not.toContain('seller')
    // Marks this document (a full page load would lose it) and keeps every text the page shows
    // from here on, so a key shown for a moment before its catalogue arrived is caught too.
    await page.evaluate(() => {
      const seen = window as unknown as { sameDocument: boolean; shown: string[] }
      seen.sameDocument = true
      seen.shown = []
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          if (mutation.type === 'characterData') seen.shown.push(mutation.target.textContent ?? '')
          for (const node of mutation.addedNodes) seen.shown.push(node.textContent ?? '')
        }
      }).observe(document.body, { childList: true, characterData: true, subtree: true })
    })

    const account = catalogue(locale, 'account')
    const menu = page.locator('header details')
    await openMenu(page)
    await menu.getByRole('link', { name: headerText(locale, 'yourAccount') }).click()
    await expect(page).toHaveURL(new RegExp(`${prefix}/account$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      (account.profile as Record<string, string>).title!,
    )
    await expectNoKeys(page, account)

    const seller = catalogue(locale, 'seller')
    await openMenu(page)
    await menu.getByRole('link', { name: headerText(locale, 'yourShop') }).click()
    await expect(page).toHaveURL(new RegExp(`${prefix}/sell$`))
    await expect(
      page.getByText((seller.overview as Record<string, string>).glance!, { exact: true }),
    ).toBeVisible()
    await expectNoKeys(page, seller)

    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true)
    expect(problems).toEqual([])
  })
}

async function openMenu(page: Page) {
  const menu = page.locator('header details')
  if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open)))
    await menu.locator('summary').click()
}

function headerText(locale: string, key: string) {
  return (catalogue(locale, 'common').header as Record<string, string>)[key]!
}

/** No key of the catalogue on the page now, nor in any text it showed since the home page. */
async function expectNoKeys(page: Page, messages: Record<string, unknown>) {
  const text = [
    await page.locator('body').innerText(),
    ...(await page.evaluate(() => (window as unknown as { shown: string[] }).shown)),
  ].join('\n')
  const shown = keysOf(messages).filter((key) => key.includes('.') && text.includes(key))
  expect(shown, 'catalogue keys shown instead of their text').toEqual([])
}

import { prisma } from '~/infra/db.server.ts'
import { productsChanged } from '~/services/catalog/changes.server.ts'
import { derivePricing } from '~/services/catalog/derived.ts'
import { createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { expect, test } from './fixtures.ts'

// The page cache on the real build (docs/decisions/026-page-cache.md): an anonymous visitor's
// page is replayed and still hydrates under its CSP; a signed-in shopper's name and cart count
// never reach anyone else; languages stay apart; a price change reaches anonymous visitors
// through the job queue within seconds.

test.afterAll(async () => {
  await prisma.$disconnect()
})

test("a cached page hydrates under its own CSP, and a shopper's name and cart never reach a visitor", async ({
  browser,
  page,
  signInAs,
}) => {
  const { shop } = await createSeller('Cache Seller')
  const product = await createProduct(shop.id, { title: `Cached linen shirt` })
  const url = `/p/${product.slug}`

  const visitor = await browser.newContext()
  const anonymous = await visitor.newPage()
  const violations: string[] = []
  anonymous.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  expect((await anonymous.goto(url))!.headers()['x-page-cache']).toBe('MISS')
  const replay = (await anonymous.goto(url))!
  expect(replay.headers()['x-page-cache']).toBe('HIT')
  const nonce = /'nonce-([^']+)'/.exec(replay.headers()['content-security-policy'] ?? '')?.[1]
  const scriptNonces = await anonymous
    .locator('script')
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce))
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]))
  await anonymous.waitForFunction(() => '__remixRouter' in window)
  expect(violations).toEqual([])

  // The shopper: rendered for them, with their name and their cart.
  const { user } = await signInAs('shopper', { name: 'Parisa Cachetest' })
  await putInCart(user.id, product.variants[0]!.id, 3, 4000)
  const own = (await page.goto(url))!
  expect(own.headers()['x-page-cache']).toBe('BYPASS')
  expect(own.headers()['cache-control']).toBe('private, no-cache')
  await expect(page.getByRole('banner')).toContainText('3')
  await page.locator('header summary').click()
  await expect(page.getByRole('banner')).toContainText('Parisa')

  // The visitor, again and in Persian: never the shopper's parts.
  for (const path of [url, `/fa${url}`]) {
    const response = (await anonymous.goto(path))!
    expect(await response.text()).not.toContain('Parisa')
  }
  await expect(anonymous.locator('html')).toHaveAttribute('lang', 'fa')
  await expect(anonymous.locator('html')).toHaveAttribute('dir', 'rtl')
  await visitor.close()
})

test('a new price reaches anonymous visitors of a cached product page within seconds', async ({
  browser,
}) => {
  const { shop } = await createSeller('Price Seller')
  const product = await createProduct(shop.id, { title: 'Repriced wool coat', price: 4000 })
  const visitor = await browser.newContext()
  const page = await visitor.newPage()
  await page.goto(`/p/${product.slug}`)
  expect((await page.goto(`/p/${product.slug}`))!.headers()['x-page-cache']).toBe('HIT')
  await expect(page.getByRole('main')).toContainText('$40.00')

  // As the seller's save does: the new price and the product's change in one transaction.
  await prisma.$transaction(async (tx) => {
    const pricing = {
      price: 3100,
      discountPercent: null,
      discountStartsAt: null,
      discountEndsAt: null,
    }
    await tx.product.update({
      where: { id: product.id },
      data: { ...pricing, ...derivePricing(pricing, [{ price: null }]) },
    })
    await productsChanged(tx, [product.id])
  })
  // Product pages go as soon as the worker takes the change (it polls every 0.5 s), before the
  // search index has it; the bound is generous for a busy machine.
  await expect
    .poll(
      async () => {
        await page.goto(`/p/${product.slug}`)
        return page.getByRole('main').textContent()
      },
      { timeout: 30_000 },
    )
    .toContain('$31.00')
  await visitor.close()
})

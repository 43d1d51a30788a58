import type { ConsoleMessage, Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createFailedJob } from '../support/jobs.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { expect, signInContext, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

// Every kind of page, in both languages, hydrates without a warning or an error in the console:
// a mismatch between the server's HTML and the browser's first render throws the page's DOM away
// and re-renders it, and a shopper's clicks in between can be lost (the /checkout report of
// issue 12).

test.afterAll(async () => {
  await prisma.$disconnect()
})

/** Console errors and warnings, and uncaught exceptions, while the page loads and hydrates. */
function watchConsole(page: Page) {
  const problems: string[] = []
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`)
  }
  page.on('console', onConsole)
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return problems
}

/** Remix's router exists once the entry script ran; React reports a mismatch as it commits. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => '__remixRouter' in window)
  await page.waitForLoadState('networkidle')
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
  )
}

async function expectCleanHydration(page: Page, path: string, problems: string[]) {
  problems.length = 0
  const response = await page.goto(path)
  expect(response?.status(), path).toBeLessThan(400)
  await hydrated(page)
  expect(problems, `console on ${path}`).toEqual([])
}

test('every page kind hydrates without a console warning or error, in English and in Persian', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const seller = await createSeller('Hydra Studio')
  const product = await createProduct(seller.shop.id, {
    title: 'Hydration coat',
    price: 12000,
    discountPercent: 10,
    variants: [
      { color: 'Navy', size: 'M', stock: 4 },
      { color: 'Rose', size: 'S', stock: 0 },
    ],
  })
  const shopper = await createUser({ name: 'Hana Hydrate' })
  const order = await placeTestOrder(shopper.id, [
    { variantId: product.variants[0]!.id, quantity: 1 },
  ])
  // Something in the cart for /cart and /checkout.
  const { putInCart } = await import('../support/shop-fixtures.ts')
  await putInCart(shopper.id, product.variants[0]!.id, 1, 10800)
  const admin = await createUser({ name: 'Ada Admin', roles: ['SHOPPER', 'ADMIN'] })
  await waitForSearchIndex()

  const problems = watchConsole(page)
  const anyone = [
    '/',
    '/c/test-dresses',
    `/p/${product.slug}`,
    '/search?q=coat',
    '/brands',
    `/shops/${seller.shop.slug}`,
    '/login',
    '/register',
    '/nowhere-at-all-404',
  ]
  const shopperPages = [
    '/cart',
    '/checkout',
    '/orders',
    `/orders/${order.number}`,
    '/account',
    '/account/addresses',
    '/account/security',
  ]
  const sellerPages = [
    '/sell',
    '/sell/products',
    '/sell/products/new',
    `/sell/products/${product.id}`,
    `/sell/products/${product.id}/images`,
    '/sell/orders',
    `/sell/orders/${order.number}`,
    '/sell/sales',
    '/sell/shop',
  ]
  // A job that failed for good, so the failed-jobs page has a row to render.
  await createFailedJob('mail.send', { to: 'hydration@example.test' }, 'SMTP said no')
  const adminPages = [
    '/admin',
    '/admin/users',
    `/admin/users/${shopper.id}`,
    '/admin/products',
    '/admin/reviews',
    '/admin/shops',
    '/admin/catalog',
    '/admin/audit',
    '/admin/jobs',
  ]
  const both = (paths: string[]) =>
    paths.flatMap((path) => [path, `/fa${path === '/' ? '' : path}`])

  for (const path of both(anyone)) await visit(path)
  await signInContext(page.context(), shopper.id)
  for (const path of both(shopperPages)) await visit(path)
  await page.context().clearCookies()
  await signInContext(page.context(), seller.user.id)
  for (const path of both(sellerPages)) await visit(path)
  await page.context().clearCookies()
  await signInContext(page.context(), admin.id)
  for (const path of both(adminPages)) await visit(path)

  async function visit(path: string) {
    await test.step(path, () =>
      path.includes('nowhere')
        ? expectNotFoundHydrates(page, path, problems)
        : expectCleanHydration(page, path, problems),
    )
  }
})

async function expectNotFoundHydrates(page: Page, path: string, problems: string[]) {
  problems.length = 0
  const response = await page.goto(path)
  expect(response?.status()).toBe(404)
  await hydrated(page)
  // The browser itself reports the 404 document; nothing else may.
  expect(
    problems.filter((problem) => !problem.includes('404')),
    `console on ${path}`,
  ).toEqual([])
}

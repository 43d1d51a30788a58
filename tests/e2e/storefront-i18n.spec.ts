import type { Locator, Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import {
  createBrand,
  createProduct,
  createShop,
  ensureCatalogBasics,
} from '../support/search-catalog.ts'
import { expect, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

// The shopper's pages in Persian: the document is right to left, headings and prices are in
// Persian with Persian digits, links stay under /fa, and nothing overflows a phone's width.

const TITLE = 'Saffron Linen Dress'

test.afterAll(async () => {
  await prisma.$disconnect()
})

test.beforeAll(async () => {
  if (await prisma.product.count({ where: { title: TITLE } })) return waitForSearchIndex()
  await ensureCatalogBasics()
  const shop = await createShop('Saffron Studio')
  const brand = await createBrand('Saffronwear')
  await createProduct({
    shopId: shop.id,
    title: TITLE,
    category: 'dresses',
    brandId: brand.id,
    price: 12_500,
    discountPercent: 20,
    variants: [
      { color: 'red', size: 'S', stock: 3 },
      { color: 'blue', size: 'M', stock: 0 },
    ],
  })
  await waitForSearchIndex()
})

const PERSIAN_DIGIT = /[۰-۹]/

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

/** Mirrored horizontally (Tailwind's `rtl:-scale-x-100` sets the `scale` property). */
async function expectMirrored(locator: Locator) {
  expect(await locator.evaluate((node) => getComputedStyle(node).scale)).toMatch(/^-1 /)
}

test('the home page and the brands page in Persian read right to left', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/fa')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'لباس‌هایی با داستان، از فروشگاه‌های مستقل',
  )
  await expect(page.getByRole('link', { name: 'خرید لباس' })).toHaveAttribute(
    'href',
    '/fa/c/clothing',
  )
  await expect(page).toHaveTitle('شیک‌پوش: لباس، کفش و اکسسوری از فروشگاه‌های مستقل')
  await expectNoHorizontalOverflow(page)

  await page.goto('/fa/brands')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('برندها')
  await expect(page).toHaveTitle('برندها · شیک‌پوش')
  await expect(page.getByRole('link', { name: /Saffronwear/ })).toHaveAttribute(
    'href',
    '/fa/brands/saffronwear',
  )
})

test('a Persian category grid shows prices in Persian digits and links to Persian product pages', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/fa/brands/saffronwear')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const card = page.getByTestId('product-card').filter({ hasText: TITLE })
  await expect(card.getByText('حراج', { exact: true })).toBeVisible()
  const price = card.getByTestId('price')
  await expect(price).toHaveText(/[۰-۹]/)
  await expect(price).not.toHaveText(/[0-9]/)
  await expect(card.getByRole('link', { name: TITLE })).toHaveAttribute('href', /^\/fa\/p\//)
  await expectNoHorizontalOverflow(page)

  // The same grid in English keeps ASCII digits and unprefixed links.
  await page.goto('/brands/saffronwear')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  const english = page.getByTestId('product-card').filter({ hasText: TITLE })
  await expect(english.getByTestId('price')).toHaveText(/\$100\.00$/)
  await expect(english.getByRole('link', { name: TITLE })).toHaveAttribute('href', /^\/p\//)
  expect(PERSIAN_DIGIT.test((await page.locator('main').textContent()) ?? '')).toBe(false)
})

test('the Persian department bar and breadcrumbs stay in Persian and lean right to left', async ({
  page,
}) => {
  await page.goto('/fa/c/dresses')
  const departments = page.getByRole('navigation', { name: 'دسته‌ها' })
  await expect(departments.getByRole('link', { name: 'برندها' })).toHaveAttribute(
    'href',
    '/fa/brands',
  )
  for (const href of await departments
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href'))))
    expect(href).toMatch(/^\/fa\//)
  const crumbs = page.getByRole('navigation', { name: 'مسیر صفحه' })
  await expect(crumbs.getByRole('link', { name: 'خانه' })).toHaveAttribute('href', '/fa')
  const separator = crumbs.locator('li span[aria-hidden]').first()
  await expectMirrored(separator)
})

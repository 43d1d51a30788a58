import { prisma } from '~/infra/db.server.ts'
import {
  createBrand,
  createProduct,
  createShop,
  ensureCatalogBasics,
} from '../support/search-catalog.ts'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

// Products are written to the app's database as the catalog does (with their search jobs);
// the app's own worker indexes them into its embedded Meilisearch.

test.afterAll(async () => {
  await prisma.$disconnect()
})

// Four Persian products whose titles share a word written with Persian yeh (نیلوفری), two red
// and two black (the demo taxonomy names both colours in Persian), at $15, $25, $35 and $45.
const LOTUS = 'نیلوفری'
const LOTUS_ARABIC_YEH = 'نيلوفري'

async function createPersianCatalog() {
  if (await prisma.product.count({ where: { title: { endsWith: LOTUS } } })) return
  const shop = await createShop('Nilufar Boutique')
  for (const [i, noun] of ['پیراهن', 'روسری', 'دامن', 'مانتو'].entries()) {
    await createProduct({
      shopId: shop.id,
      title: `${noun} ${LOTUS}`,
      locale: 'fa',
      category: 'dresses',
      price: 1500 + i * 1000,
      variants: [{ color: i < 2 ? 'red' : 'black', size: 'M', stock: 2 }],
    })
  }
}

test.beforeAll(async () => {
  // A failed test restarts the worker, and with it this hook: create the catalog once per run.
  await ensureCatalogBasics()
  await createPersianCatalog()
  if (await prisma.product.count({ where: { title: { startsWith: 'Lagoon' } } }))
    return waitForSearchIndex()
  const shop = await createShop('Lagoon Atelier')
  const [tide, reef] = [await createBrand('Tidewear'), await createBrand('Reefline')]
  // 30 "lagoon" products: two brands, blue or red, in sizes S/M/L, prices 10.00 … 39.00.
  for (let i = 0; i < 30; i++) {
    await createProduct({
      shopId: shop.id,
      title: `Lagoon ${['shirt', 'dress', 'skirt'][i % 3]} ${String(i).padStart(2, '0')}`,
      category: i % 3 === 1 ? 'dresses' : 'women-tops',
      brandId: i % 2 ? tide.id : reef.id,
      price: 1000 + i * 100,
      variants: [
        {
          color: i % 4 === 0 ? 'red' : 'blue',
          size: ['S', 'M', 'L'][i % 3]!,
          stock: i % 5 ? 3 : 0,
        },
      ],
    })
  }
  await waitForSearchIndex()
})

test('search from the header, sort, page through, filter, and step back with the back button', async ({
  page,
}) => {
  await page.goto('/')
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.fill('lagoon')
  await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeVisible()
  await box.press('Enter')

  await expect(page).toHaveURL(/\/search\?q=lagoon$/)
  await expect(page.getByRole('heading', { name: 'Results for “lagoon”' })).toBeVisible()
  const count = page.getByTestId('result-count')
  const cards = page.getByTestId('product-card')
  await expect(count).toHaveText('30 products')
  await expect(cards).toHaveCount(24)
  await expect(cards.first().getByText('Lagoon', { exact: true })).toHaveJSProperty(
    'tagName',
    'MARK',
  )

  await page.getByLabel('Sort by').selectOption('price-asc')
  await expect(page).toHaveURL(/sort=price-asc/)
  await expect(cards.first()).toContainText('Lagoon shirt 00')
  await expect(cards.first()).toContainText('$10.00')

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /Next/ }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(cards).toHaveCount(6)
  await expect(cards.first()).toContainText('Lagoon shirt 24')

  const filters = page.getByRole('form', { name: 'Filters' })
  await filters.getByRole('checkbox', { name: /Tidewear/ }).check()
  await expect(page).toHaveURL(/brand=tidewear/)
  await expect(page).not.toHaveURL(/page=/)
  await expect(count).toHaveText('15 products')
  // OR within a facet: the other brand keeps its count and can be added.
  await expect(filters.getByRole('checkbox', { name: /Reefline/ })).toBeEnabled()
  await expect(filters.getByRole('checkbox', { name: /Reefline/ })).not.toBeChecked()

  await filters.getByText('M', { exact: true }).click()
  await expect(page).toHaveURL(/size=M/)
  await expect(count).toHaveText('5 products')
  // Values with nothing under the other filters stay listed, disabled: no Tidewear product is red.
  await expect(filters.getByRole('checkbox', { name: /^Red/ })).toBeDisabled()
  await expect(page.getByRole('group', { name: 'Active filters' }).getByRole('link')).toHaveText([
    /Tidewear/,
    /^M/,
    'Clear all',
  ])

  await page.goBack()
  await expect(page).not.toHaveURL(/size=M/)
  await expect(count).toHaveText('15 products')
  await expect(filters.getByRole('checkbox', { name: /^M\b/ })).not.toBeChecked()
  await page.goBack()
  await expect(page).toHaveURL(/page=2/)
  await expect(cards).toHaveCount(6)
  await expect(filters.getByRole('checkbox', { name: /Tidewear/ })).not.toBeChecked()
  await page.goBack()
  await expect(page).not.toHaveURL(/page=/)
  await expect(page.getByLabel('Sort by')).toHaveValue('price-asc')
  await page.goBack()
  await expect(page.getByLabel('Sort by')).toHaveValue('relevance')
})

test("a filter and the sort ask for the page's own data only, not the header's", async ({
  page,
}) => {
  await page.goto('/search?q=lagoon')
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  const asked: URL[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.endsWith('.data')) asked.push(url)
  })
  const count = page.getByTestId('result-count')
  await page.getByLabel('Sort by').selectOption('price-asc')
  await expect(page).toHaveURL(/sort=price-asc/)
  await page
    .getByRole('form', { name: 'Filters' })
    .getByRole('checkbox', { name: /Tidewear/ })
    .check()
  await expect(count).toHaveText('15 products')
  expect(asked).toHaveLength(2)
  for (const url of asked)
    expect(url.searchParams.getAll('_routes')).toEqual(['routes/($locale).search'])

  // Another page runs every loader again: the header's too.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Home', exact: true }).click()
  await expect(page).toHaveURL(/\/$/)
  expect(asked.length).toBeGreaterThan(2)
  for (const url of asked.slice(2)) expect(url.searchParams.has('_routes')).toBe(false)
})

test('a category page: the same facets, pages and URL state, and the back button restores each step', async ({
  page,
}) => {
  await page.goto('/c/women')
  await expect(page.getByRole('heading', { level: 1, name: 'Women' })).toBeVisible()
  // The category's own heading stays: breadcrumbs and the way into its sub-categories.
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Clothing')
  await expect(
    page.getByRole('navigation', { name: 'Inside Women' }).getByRole('link', { name: 'Dresses' }),
  ).toBeVisible()

  const filters = page.getByRole('form', { name: 'Filters' })
  const count = page.getByTestId('result-count')
  const cards = page.getByTestId('product-card')
  const shop = filters.getByRole('checkbox', { name: /Lagoon Atelier/ })
  await shop.check()
  await expect(page).toHaveURL(/\/c\/women\?shop=lagoon-atelier-[0-9a-f]+$/)
  await expect(count).toHaveText('30 products')
  await page.getByLabel('Sort by').selectOption('price-asc')
  await expect(page).toHaveURL(/sort=price-asc/)
  await expect(cards.first()).toContainText('Lagoon shirt 00')
  // The card is the catalog's: brand, title, shop, price.
  await expect(cards.first()).toContainText('Reefline')
  await expect(cards.first()).toContainText('Lagoon Atelier')
  await expect(cards.first()).toContainText('$10.00')

  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: 'Page 2' })
    .click()
  await expect(page).toHaveURL(/\/c\/women\?.*page=2/)
  await expect(cards).toHaveCount(6)
  await expect(cards.first()).toContainText('Lagoon shirt 24')

  await page.goBack()
  await expect(page).not.toHaveURL(/page=/)
  await expect(cards).toHaveCount(24)
  await expect(cards.first()).toContainText('Lagoon shirt 00')
  await expect(shop).toBeChecked()
  await expect(page.getByLabel('Sort by')).toHaveValue('price-asc')
  await page.goBack()
  await expect(page.getByLabel('Sort by')).toHaveValue('relevance')
  await expect(shop).toBeChecked()
  await page.goBack()
  await expect(page).toHaveURL(/\/c\/women$/)
  await expect(shop).not.toBeChecked()
})

test("text typed in the search box before the page's script runs gets its suggestions once it does", async ({
  page,
}) => {
  // Hold the client's entry script back until the shopper has typed.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/entry\.client-[\w-]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/', { waitUntil: 'domcontentloaded' })
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.fill('lagoon')
  release()
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  const listbox = page.getByRole('listbox', { name: 'Search suggestions' })
  await expect(listbox.getByRole('option').filter({ hasText: 'Lagoon' }).first()).toBeVisible()
  await expect(box).toHaveValue('lagoon')
})

test('the header search box is a keyboard-navigable combobox', async ({ page }) => {
  await page.goto('/')
  // Typed once the page's script runs (typing before it has a test of its own, above): about one
  // run in fifteen under load, keys typed while the page hydrated got no suggestions, a race not
  // yet understood.
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.pressSequentially('lago', { delay: 30 })
  const listbox = page.getByRole('listbox', { name: 'Search suggestions' })
  await expect(listbox.getByRole('option').filter({ hasText: 'Lagoon' }).first()).toBeVisible()
  await expect(box).toHaveAttribute('aria-expanded', 'true')

  await box.press('ArrowDown')
  const first = listbox.getByRole('option').first()
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!)
  // Up from the first wraps to the last option: search for what was typed.
  await box.press('ArrowUp')
  await expect(listbox.getByRole('option').last()).toHaveAttribute('aria-selected', 'true')
  await box.press('Escape')
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await box.press('ArrowDown')
  await expect(first).toHaveAttribute('aria-selected', 'true')
  // The first option is a category.
  await expect(first).toContainText(/Women|Tops|Dresses/)
  await box.press('Enter')
  await expect(page).toHaveURL(/\/search\?category=(women|women-tops|dresses)$/)
  await expect(page.getByTestId('result-count')).toHaveText(/\d+ products?/)
})

test('an empty result lists the filters to remove, with what each would give', async ({ page }) => {
  await page.goto('/search?q=lagoon&color=red&brand=tidewear')
  const empty = page.getByTestId('empty-results')
  await expect(empty).toContainText('No products match “lagoon” with these filters')
  const removeColour = empty.getByRole('link', { name: 'Remove “Colour: Red”' })
  await expect(empty).toContainText('(15 results)')
  await removeColour.click()
  await expect(page.getByTestId('result-count')).toHaveText('15 products')
})

test.describe('in Persian', () => {
  test('a Persian shopper types with Arabic yeh, filters by a colour, reads Persian digits and removes the filter, right to left', async ({
    page,
  }, testInfo) => {
    await page.goto('/fa')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    const box = page.getByRole('combobox', { name: 'جست‌وجوی محصولات' })
    // Typed key by key once the page has hydrated: a value filled in before hydration fires no
    // change event, so no suggestions would be asked for.
    await page.waitForFunction(() => '__remixRouter' in window)
    await box.pressSequentially(LOTUS_ARABIC_YEH, { delay: 30 })
    const listbox = page.getByRole('listbox', { name: 'پیشنهادهای جست‌وجو' })
    await expect(listbox.getByRole('option').filter({ hasText: `پیراهن ${LOTUS}` })).toBeVisible()
    await box.press('Enter')

    await expect(page).toHaveURL(/\/fa\/search\?q=/)
    await expect(
      page.getByRole('heading', { level: 1, name: `نتایج جست‌وجوی «${LOTUS_ARABIC_YEH}»` }),
    ).toBeVisible()
    const count = page.getByTestId('result-count')
    await expect(count).toHaveText('۴ محصول')
    const cards = page.getByTestId('product-card')
    await expect(cards).toHaveCount(4)
    await expect(cards.filter({ hasText: `پیراهن ${LOTUS}` })).toContainText('۱۵٫۰۰')

    // The filters panel is on the right (the start of the line), the results on its left.
    const aside = await page.getByRole('complementary', { name: 'محدود کردن نتایج' }).boundingBox()
    const results = await page.getByRole('region', { name: 'نتایج' }).boundingBox()
    expect(aside!.x).toBeGreaterThan(results!.x)

    const filters = page.getByRole('form', { name: 'فیلترها' })
    await filters.getByText('قرمز', { exact: true }).click()
    await expect(page).toHaveURL(/color=red/)
    await expect(count).toHaveText('۲ محصول')
    await expect(filters.getByRole('checkbox', { name: /^قرمز/ })).toBeChecked()
    const chip = page
      .getByRole('group', { name: 'فیلترهای فعال' })
      .getByRole('link', { name: 'حذف فیلتر: قرمز' })
    await expect(chip).toBeVisible()
    await expectNoHorizontalOverflow(page)
    await page.screenshot({ path: testInfo.outputPath('fa-search-desktop.png'), fullPage: true })

    await chip.click()
    await expect(page).not.toHaveURL(/color=/)
    await expect(count).toHaveText('۴ محصول')

    // On a phone the filters fold behind a button, which opens them.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await expect(filters.getByText('قرمز', { exact: true })).toBeHidden()
    await expectNoHorizontalOverflow(page)
    await page.getByText('فیلترها', { exact: true }).click()
    await expect(filters.getByText('قرمز', { exact: true })).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('fa-search-390.png'), fullPage: true })
  })

  test('a search with no results offers a spelling, popular categories and the filters to remove', async ({
    page,
  }, testInfo) => {
    await page.goto('/fa/search?q=qxzqxz')
    const empty = page.getByTestId('empty-results')
    await expect(empty).toContainText('محصولی با «qxzqxz» پیدا نشد')
    const popular = page.getByRole('navigation', { name: 'دسته‌بندی‌های پرطرفدار' })
    await expect(popular.getByRole('link', { name: /پیراهن/ })).toBeVisible()
    // A misspelt category name (two letters off) is offered corrected, with what it finds.
    await page.goto(`/fa/search?q=${encodeURIComponent('پبراهم')}`)
    await expect(page.getByTestId('did-you-mean')).toContainText('منظورتان پیراهن بود؟')
    await page.screenshot({ path: testInfo.outputPath('fa-search-empty.png'), fullPage: true })
    await page.getByTestId('did-you-mean').getByRole('link', { name: 'پیراهن' }).click()
    await expect(page.getByTestId('result-count')).not.toHaveText('محصولی پیدا نشد')
    await page.goto(`/fa/search?q=${encodeURIComponent(LOTUS)}&color=red&minPrice=30`)
    await expect(empty).toContainText('یکی از فیلترها را بردارید')
    await empty.getByRole('link', { name: 'حذف «رنگ: قرمز»' }).click()
    await expect(page.getByTestId('result-count')).toHaveText('۲ محصول')
  })

  test('the Persian search page, with a filter and with no results, has no serious accessibility violations', async ({
    page,
  }) => {
    for (const path of [
      `/fa/search?q=${encodeURIComponent(LOTUS)}&color=red`,
      '/fa/search?q=qxzqxz',
      `/search?q=${encodeURIComponent(LOTUS)}&color=red`,
    ]) {
      await page.goto(path)
      await expect(page.getByTestId('result-count')).toBeVisible()
      const { violations } = await new AxeBuilder({ page }).analyze()
      const serious = violations
        .filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
        .map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`,
        )
      expect(serious, path).toEqual([])
    }
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('search, a colour and a price range typed in Persian digits, with plain forms', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto('/fa')
      await page.getByRole('combobox', { name: 'جست‌وجوی محصولات' }).fill(LOTUS_ARABIC_YEH)
      await page.getByRole('combobox', { name: 'جست‌وجوی محصولات' }).press('Enter')
      await expect(page).toHaveURL(/\/fa\/search\?q=/)
      const count = page.getByTestId('result-count')
      await expect(count).toHaveText('۴ محصول')

      // On a phone the filters are folded behind their button, JavaScript or not.
      const drawer = page.locator('summary', { hasText: 'فیلترها' })
      const filters = page.getByRole('form', { name: 'فیلترها' })
      await drawer.click()
      await filters.getByText('مشکی', { exact: true }).click()
      await filters.getByRole('button', { name: 'اعمال فیلترها' }).click()
      await expect(page).toHaveURL(/color=black/)
      await expect(count).toHaveText('۲ محصول')

      await drawer.click()
      await filters.getByLabel('از (USD)').fill('۴۰')
      await filters.getByRole('button', { name: 'اعمال بازهٔ قیمت' }).click()
      await expect(count).toHaveText('۱ محصول')
      await expect(filters.getByLabel('از (USD)')).toBeHidden()

      // An amount that is not one stays in its field, with an error beside it (the drawer open).
      await drawer.click()
      await expect(filters.getByLabel('از (USD)')).toHaveValue('۴۰')
      await filters.getByLabel('از (USD)').fill('چهل')
      await filters.getByRole('button', { name: 'اعمال بازهٔ قیمت' }).click()
      await expect(filters.getByLabel('از (USD)')).toHaveValue('چهل')
      await expect(filters.getByRole('alert')).toHaveText('مبلغ را با رقم بنویسید، مثلاً ۲۵ یا 25.')

      await page
        .getByRole('group', { name: 'فیلترهای فعال' })
        .getByRole('link', { name: 'حذف فیلتر: مشکی' })
        .click()
      await expect(page).not.toHaveURL(/color=/)
      await expect(count).toHaveText('۴ محصول')
      await expectNoHorizontalOverflow(page)
    })
  })
})

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the search box and the filters are plain forms', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('combobox', { name: 'Search products' }).fill('lagoon')
    await page.getByRole('combobox', { name: 'Search products' }).press('Enter')
    await expect(page).toHaveURL(/\/search\?q=lagoon$/)
    await expect(page.getByTestId('result-count')).toHaveText('30 products')

    const filters = page.getByRole('form', { name: 'Filters' })
    await filters.getByRole('checkbox', { name: /Reefline/ }).check()
    // The swatch is the visible part of the colour checkbox.
    await filters.getByText('Red', { exact: true }).click()
    await expect(filters.getByRole('checkbox', { name: /^Red/ })).toBeChecked()
    await filters.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page).toHaveURL(/brand=reefline/)
    await expect(page).toHaveURL(/color=red/)
    await expect(page.getByTestId('result-count')).toHaveText('8 products')

    await page.getByLabel('Sort by').selectOption('price-desc')
    await page.getByRole('button', { name: 'Sort', exact: true }).click()
    await expect(page).toHaveURL(/sort=price-desc/)
    await expect(page.getByTestId('product-card').first()).toContainText('Lagoon dress 28')
  })

  test('a category page filters and pages with plain forms and links', async ({ page }) => {
    await page.goto('/c/women')
    const filters = page.getByRole('form', { name: 'Filters' })
    await filters.getByRole('checkbox', { name: /Lagoon Atelier/ }).check()
    await filters.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page).toHaveURL(/\/c\/women\?.*shop=lagoon-atelier-/)
    await expect(page.getByTestId('result-count')).toHaveText('30 products')
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: /Next/ })
      .click()
    await expect(page).toHaveURL(/page=2/)
    await expect(page.getByTestId('product-card')).toHaveCount(6)
  })
})

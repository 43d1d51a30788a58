import { E2E_BASE_URL } from './environment.ts'
import { expect, test } from './fixtures.ts'

// Page-wide language features: the other-language suggestion (never a redirect), the language
// switch in the header and the footer, and each page's canonical and hreflang addresses.

test.describe('a browser that prefers Persian on an English page', () => {
  test.use({ locale: 'fa-IR' })

  test('is told in Persian, without JavaScript, and dismissing it is remembered', async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'fa-IR', javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/c/dresses?sort=newest')
    await expect(page).toHaveURL(/\/c\/dresses\?sort=newest$/)
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
    const banner = page.getByTestId('locale-suggestion')
    await expect(banner).toHaveAttribute('lang', 'fa')
    await expect(banner).toHaveAttribute('dir', 'rtl')
    await expect(banner).toContainText('این صفحه به فارسی هم هست')
    await banner.getByRole('button', { name: 'نه، ممنون' }).click()
    await expect(page).toHaveURL(/\/c\/dresses\?sort=newest$/)
    await expect(page.getByTestId('locale-suggestion')).toHaveCount(0)
    await page.goto('/cart')
    await expect(page.getByTestId('locale-suggestion')).toHaveCount(0)
    await context.close()
  })

  test('switching from the suggestion opens the same page and query in Persian', async ({
    page,
  }) => {
    await page.goto('/c/dresses?sort=newest')
    await page.getByRole('button', { name: 'نمایش به فارسی' }).click()
    await expect(page).toHaveURL(/\/fa\/c\/dresses\?sort=newest$/)
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.getByTestId('locale-suggestion')).toHaveCount(0)
    // The choice is remembered: the unprefixed page now opens in Persian.
    await page.goto('/cart')
    await expect(page).toHaveURL(/\/fa\/cart$/)
  })
})

test('the header and the footer switch language and keep the page and its query', async ({
  page,
}) => {
  await page.goto('/c/dresses?sort=newest')
  await expect(page.getByTestId('locale-suggestion')).toHaveCount(0)
  await page.getByRole('banner').getByRole('button', { name: 'فارسی' }).click()
  await expect(page).toHaveURL(/\/fa\/c\/dresses\?sort=newest$/)
  await page.getByRole('contentinfo').getByRole('button', { name: 'English' }).click()
  await expect(page).toHaveURL(/\/c\/dresses\?sort=newest$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('every page names its canonical address and its hreflang alternates', async ({ page }) => {
  await page.goto('/fa/c/dresses?page=2')
  const head = page.locator('head')
  await expect(head.locator('link[rel=canonical]')).toHaveAttribute(
    'href',
    `${E2E_BASE_URL}/fa/c/dresses?page=2`,
  )
  const alternates = () =>
    head
      .locator('link[rel=alternate][hreflang]')
      .evaluateAll((links) =>
        links.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`),
      )
  expect(await alternates()).toEqual([
    `en ${E2E_BASE_URL}/c/dresses?page=2`,
    `fa ${E2E_BASE_URL}/fa/c/dresses?page=2`,
    `x-default ${E2E_BASE_URL}/c/dresses?page=2`,
  ])
  // A filtered permutation points at the plain page; a client-side navigation follows along.
  await page.goto('/fa/c/dresses?sort=newest')
  await expect(head.locator('link[rel=canonical]')).toHaveAttribute(
    'href',
    `${E2E_BASE_URL}/fa/c/dresses`,
  )
  await page.getByRole('banner').getByRole('link', { name: 'شیک‌پوش', exact: true }).click()
  await expect(page).toHaveURL(/\/fa$/)
  await expect(head.locator('link[rel=canonical]')).toHaveAttribute('href', `${E2E_BASE_URL}/fa`)
  expect(await head.locator('link[rel=canonical]').count()).toBe(1)
})

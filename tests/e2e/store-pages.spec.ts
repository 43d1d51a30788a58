import { prisma } from '~/infra/db.server.ts'
import { createProduct, createShop, ensureCatalogBasics } from '../support/search-catalog.ts'
import { expect, test } from './fixtures.ts'

// Issue 17: the pages every store has. A footer page in both languages, edited by an admin (a
// bad field answered at the field, then saved), and the size guide opened from a product page
// with JavaScript off. Screenshots at phone width in both languages are kept as artifacts.

const TITLE = 'Guide Test Shirt'

test.afterAll(async () => {
  await prisma.$disconnect()
})

test('a footer page opens in English and in Persian, with its canonical address and link preview', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Returns' }).click()
  await expect(page).toHaveURL(/\/pages\/returns$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Returns|Returns and refunds/)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/pages\/returns$/)
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary')
  await page.screenshot({ path: testInfo.outputPath('returns-en-390.png'), fullPage: true })

  await page.goto('/fa')
  await page.getByRole('contentinfo').getByRole('link', { name: 'قوانین و مقررات' }).click()
  await expect(page).toHaveURL(/\/fa\/pages\/terms$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('قوانین و مقررات')
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'fa_IR')
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: testInfo.outputPath('terms-fa-390.png'), fullPage: true })
})

test('an admin edits a page in both languages: an empty Persian title is refused at the field, nothing lost', async ({
  page,
  signInAs,
}) => {
  const { user: admin } = await signInAs('admin', { name: 'Paria Pages' })
  await page.goto('/admin/pages')
  await page.getByRole('link', { name: 'Edit “Shipping”' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit “Shipping”')

  const english = page.getByRole('group', { name: 'English' })
  const persian = page.getByRole('group', { name: 'Persian' })
  await english.getByLabel('Title').fill('Shipping and delivery')
  await persian.getByLabel('Title').fill('')
  // Past the browser's own check, so the server's answer is what is seen.
  await page
    .locator('form[action$="/admin/pages/shipping"]')
    .evaluate((form) => form.setAttribute('novalidate', ''))
  await page.getByRole('button', { name: 'Save page' }).click()
  await expect(persian.getByText('Enter a title')).toBeVisible()
  await expect(english.getByLabel('Title')).toHaveValue('Shipping and delivery')

  await persian.getByLabel('Title').fill('ارسال و تحویل سفارش')
  await page.getByRole('button', { name: 'Save page' }).click()
  await expect(page.getByText('“Shipping and delivery” saved.')).toBeVisible()

  await page.goto('/pages/shipping')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shipping and delivery')
  await page.goto('/fa/pages/shipping')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ارسال و تحویل سفارش')
  const audit = await prisma.auditEntry.findFirst({
    where: { action: 'page.update', actorId: admin.id },
  })
  expect(audit?.targetLabel).toBe('Shipping and delivery')
})

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('the size guide opens from the size picker and leads back, in English and Persian', async ({
    page,
  }, testInfo) => {
    await ensureCatalogBasics()
    const shop = await createShop('Guide Studio')
    const product = await createProduct({
      shopId: shop.id,
      title: TITLE,
      category: 'dresses',
      sizeScale: 'letters',
      variants: [
        { color: 'black', size: 'S', stock: 3 },
        { color: 'black', size: 'M', stock: 2 },
      ],
    })
    await page.setViewportSize({ width: 390, height: 844 })
    for (const prefix of ['', '/fa']) {
      await page.goto(`${prefix}/p/${product.slug}?size=M`)
      await page.getByTestId('size-guide-link').click()
      await expect(page).toHaveURL(new RegExp(`${prefix}/size-guide/letters\\?from=`))
      const row = page.getByRole('row', { name: /^M\b/ })
      if (prefix) {
        await expect(page.getByRole('heading', { level: 1 })).toContainText('راهنمای سایز')
        await expect(row).toContainText('۸۸ تا ۹۴')
      } else {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Size guide: Letter sizes')
        await expect(row).toContainText('88–94')
      }
      await page.screenshot({
        path: testInfo.outputPath(`size-guide-${prefix ? 'fa' : 'en'}-390.png`),
        fullPage: true,
      })
      await page
        .getByRole('link', { name: prefix ? 'بازگشت به محصول' : 'Back to the product' })
        .click()
      await expect(page).toHaveURL(new RegExp(`${prefix}/p/${product.slug}\\?size=M$`))
    }
  })
})

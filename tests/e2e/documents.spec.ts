import type { Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { expect, signInContext, test } from './fixtures.ts'

// Issue 16's documents in a browser without JavaScript, at phone width, in both languages: the
// invoice from the order page and the packing slip from the seller's order page, on screen and
// as printed (print media: no site header, footer or dashboard navigation). Screenshots are kept
// as test artifacts (the test's output folder).

test.afterAll(async () => {
  await prisma.$disconnect()
})

test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })

async function arrangeOrder() {
  const seller = await createSeller('Paper Studio')
  const coat = await createProduct(seller.shop.id, {
    title: 'Long wool coat with a very long descriptive name',
    price: 24_900,
    discountPercent: 10,
    variants: [{ stock: 5 }],
  })
  const shopper = await createUser({ name: 'Hana Shopper' })
  const order = await placeTestOrder(shopper.id, [{ variantId: coat.variants[0]!.id, quantity: 2 }])
  return { seller, shopper, order }
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

test('the shopper’s invoice, from the order page, in English and Persian, on screen and printed', async ({
  page,
  context,
}, testInfo) => {
  const { shopper, order } = await arrangeOrder()
  const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id } })
  await signInContext(context, shopper.id)

  await page.goto(`/orders/${order.number}`)
  await page.getByRole('link', { name: 'Invoice' }).click()
  await expect(page).toHaveURL(new RegExp(`/orders/${order.number}/invoice$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invoice')
  await expect(page.getByTestId('invoice-total')).toHaveText(
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      stored.total / 100,
    ),
  )
  await expect(page.getByText('Use your browser’s Print command')).toBeVisible()
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: testInfo.outputPath('invoice-en-390.png'), fullPage: true })

  await page.goto(`/fa/orders/${order.number}`)
  await page.getByRole('link', { name: 'فاکتور' }).click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('فاکتور')
  await expect(page.getByTestId('invoice-total')).toHaveText(/[۰-۹]/)
  await expect(page.getByTestId('invoice-total')).not.toHaveText(/[0-9]/)
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: testInfo.outputPath('invoice-fa-390.png'), fullPage: true })

  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: 794, height: 1123 })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('contentinfo')).toBeHidden()
  await expect(page.getByRole('link', { name: 'بازگشت به سفارش' })).toBeHidden()
  await expect(page.getByRole('columnheader', { name: 'قیمت واحد' }).first()).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('invoice-fa-print.png'), fullPage: true })
})

test('the seller’s packing slip: their lines, no prices, printable, in Persian', async ({
  page,
  context,
}, testInfo) => {
  const { seller, order } = await arrangeOrder()
  await signInContext(context, seller.user.id)

  await page.goto(`/fa/sell/orders/${order.number}`)
  await page.getByRole('link', { name: 'برگهٔ بسته‌بندی' }).click()
  await expect(page).toHaveURL(new RegExp(`/fa/sell/orders/${order.number}/slip$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('برگهٔ بسته‌بندی')
  await expect(page.getByTestId('slip-line')).toHaveCount(1)
  await expect(page.getByTestId('slip-units')).toHaveText('۲')
  await expect(page.getByRole('main')).not.toContainText('$')
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: testInfo.outputPath('slip-fa-390.png'), fullPage: true })

  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: 794, height: 1123 })
  await expect(page.getByRole('navigation', { name: 'پیشخوان فروشنده' })).toBeHidden()
  await expect(page.getByRole('banner')).toBeHidden()
  await page.screenshot({ path: testInfo.outputPath('slip-fa-print.png'), fullPage: true })

  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/sell/orders/${order.number}/slip`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Packing slip')
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: testInfo.outputPath('slip-en-390.png'), fullPage: true })
})

test('the seller’s sales analytics: a Persian range at phone width, a bad date at its field, charts in SVG', async ({
  page,
  context,
}, testInfo) => {
  const { seller, order } = await arrangeOrder()
  await signInContext(context, seller.user.id)
  void order
  await page.goto('/fa/sell/sales?by=week')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByTestId('total-units')).toHaveText('۲')
  await expect(page.getByTestId('revenue-chart').locator('svg rect')).not.toHaveCount(0)
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: testInfo.outputPath('sales-fa-390.png'), fullPage: true })

  await page.getByLabel('از', { exact: true }).fill('فردا')
  await page.getByRole('button', { name: 'نمایش' }).click()
  await expect(page.getByText('تاریخی مانند ۱۴۰۵/۰۱/۰۱ بنویسید')).toBeVisible()
  await expect(page.getByLabel('از', { exact: true })).toHaveValue('فردا')

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/sell/sales')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales')
  await page.screenshot({ path: testInfo.outputPath('sales-en-desktop.png'), fullPage: true })
})

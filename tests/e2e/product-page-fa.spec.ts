import type { Locator, Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { createUser } from '../support/fixtures.ts'
import { photo } from '../support/images.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { expect, randomClientIp, signInContext, test } from './fixtures.ts'

// The product page in Persian in Chromium: right to left, the gallery's previous and next
// buttons and arrow keys mirrored, Add to cart with and without JavaScript, a review's field
// error in Persian. SCREENSHOT_DIR, when set, receives the page at phone and desktop widths.

test.afterAll(async () => {
  await prisma.$disconnect()
})

const TITLE_FA = 'پیراهن کتان زعفرانی'

/** A dress in two sizes with two real photos uploaded through the seller's API, titled in Persian. */
async function persianDress(page: Page, baseURL: string) {
  const seller = await createSeller('Golestan Atelier')
  const dress = await createProduct(seller.shop.id, {
    title: 'Saffron linen dress',
    price: 1_250_000,
    variants: [
      { color: 'Black', size: 'S', stock: 3 },
      { color: 'Black', size: 'M', stock: 8 },
    ],
  })
  await prisma.product.update({
    where: { id: dress.id },
    data: {
      translatedTitle: TITLE_FA,
      translatedDescription: 'پیراهنی سبک از کتان، برای روزهای گرم تابستان.',
    },
  })
  await signInContext(page.context(), seller.user.id)
  for (const [name, leftColor] of [
    ['front.jpg', { r: 200, g: 140, b: 40 }],
    ['back.jpg', { r: 40, g: 60, b: 120 }],
  ] as const) {
    const response = await page.request.post(`/api/products/${dress.id}/images`, {
      headers: { Origin: baseURL },
      multipart: {
        photo: {
          name,
          mimeType: 'image/jpeg',
          buffer: await photo({ width: 900, height: 1125, leftColor }),
        },
      },
    })
    expect(response.status(), await response.text()).toBeLessThan(300)
  }
  await page.context().clearCookies()
  return dress
}

/** Mirrored horizontally (Tailwind's `rtl:-scale-x-100` sets the `scale` property). */
async function expectMirrored(locator: Locator) {
  expect(await locator.evaluate((node) => getComputedStyle(node).scale)).toMatch(/^-1 /)
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

test('the Persian product page reads right to left; the gallery mirrors; add to cart and a review error in Persian', async ({
  page,
  baseURL,
}) => {
  const dress = await persianDress(page, baseURL!)
  const path = `/fa/p/${dress.slug}`
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(path)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa')
  await expect(page).toHaveTitle(`${TITLE_FA} · شیک‌پوش`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE_FA)
  await expect(page.getByTestId('product-price')).toHaveText(/[۰-۹]/)
  await expect(page.getByTestId('product-price')).not.toHaveText(/[0-9]/)

  // Previous at the start of the line (the right), next at its end (the left); arrows mirrored.
  const gallery = page.getByRole('region', { name: `عکس‌های ${TITLE_FA}` })
  const previous = gallery.getByRole('button', { name: 'عکس قبلی' })
  const next = gallery.getByRole('button', { name: 'عکس بعدی' })
  await expect(next).toBeVisible()
  const [previousBox, nextBox] = [await previous.boundingBox(), await next.boundingBox()]
  expect(nextBox!.x).toBeLessThan(previousBox!.x)
  await expectMirrored(next.locator('svg'))
  await expectMirrored(previous.locator('svg'))
  const caption = gallery.locator('figcaption')
  await expect(caption).toHaveText('عکس ۱ از ۲')
  await next.click()
  await expect(caption).toHaveText('عکس ۲ از ۲')
  await previous.click()
  await expect(caption).toHaveText('عکس ۱ از ۲')

  // The arrow keys follow the reading direction: ArrowLeft is the next photo in Persian.
  const thumbnails = gallery.getByRole('toolbar', { name: 'انتخاب عکس' })
  await thumbnails.getByRole('button', { name: 'نمایش عکس ۱ از ۲' }).focus()
  await page.keyboard.press('ArrowLeft')
  await expect(caption).toHaveText('عکس ۲ از ۲')
  await expect(thumbnails.getByRole('button', { name: 'نمایش عکس ۲ از ۲' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(caption).toHaveText('عکس ۱ از ۲')

  // Add to cart with JavaScript: it stays on the page and says so in Persian.
  await page.goto(`${path}?color=black&size=S`)
  await expect(page.getByTestId('stock-message')).toHaveText('فقط ۳ عدد باقی مانده')
  await page.getByRole('button', { name: 'افزودن به سبد خرید' }).click()
  // Said once (the toast), and shown beside the button with the cart's link.
  await expect(
    page.getByRole('status').filter({ hasText: 'به سبد خریدتان اضافه شد.' }),
  ).toHaveCount(1)
  await expect(page.getByText('به سبد خرید اضافه شد.')).toBeVisible()
  await expect(page.getByTestId('cart-link')).toHaveAttribute('aria-label', 'سبد خرید، ۱ کالا')
  await expect(page).toHaveURL(new RegExp(`${path}\\?color=black&size=S$`))

  // A review: a title too short is refused at the field, in Persian.
  const shopper = await createUser({ name: 'Sara Shopper' })
  await signInContext(page.context(), shopper.id)
  await page.goto(`${path}#reviews`)
  const form = page.locator('form#review-form')
  await form.getByRole('radio', { name: '۴ ستاره' }).check()
  await form.getByLabel('عنوان').fill('خ')
  await form.getByLabel('متن دیدگاه').fill('جنسش خوب است و بعد از شستن آب نرفت.')
  await form.getByRole('button', { name: 'ثبت دیدگاه' }).click()
  await expect(form.getByLabel('عنوان')).toHaveAccessibleDescription('دست‌کم ۳ نویسه بنویسید')
  expect(await prisma.review.count({ where: { productId: dress.id } })).toBe(0)

  if (process.env.SCREENSHOT_DIR) {
    await page.goto(`${path}?color=black&size=S`)
    await page.screenshot({
      path: `${process.env.SCREENSHOT_DIR}/product-fa-desktop.png`,
      fullPage: true,
    })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.screenshot({
      path: `${process.env.SCREENSHOT_DIR}/product-fa-390.png`,
      fullPage: true,
    })
  }
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${path}?color=black&size=S`)
  await expectNoHorizontalOverflow(page)
})

test('without JavaScript, Add to cart on a Persian product page comes back to it', async ({
  browser,
  page,
  baseURL,
}) => {
  const dress = await persianDress(page, baseURL!)
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const noScript = await context.newPage()
  const path = `/fa/p/${dress.slug}`
  await noScript.goto(`${baseURL}${path}?color=black&size=M`)
  await expect(noScript.locator('html')).toHaveAttribute('dir', 'rtl')
  // Without JavaScript the gallery has its thumbnails only: no buttons that would do nothing.
  await expect(noScript.getByRole('button', { name: 'عکس بعدی' })).toHaveCount(0)
  await noScript.getByLabel('تعداد').selectOption('2')
  await noScript.getByRole('button', { name: 'افزودن به سبد خرید' }).click()
  await expect(noScript).toHaveURL(new RegExp(`${path}\\?color=black&size=M$`))
  await expect(noScript.getByTestId('cart-link')).toHaveAttribute('aria-label', 'سبد خرید، ۲ کالا')
  await context.close()
})

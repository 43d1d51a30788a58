import type { Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { createPromo } from '../support/promo-fixtures.ts'
import { expect, randomClientIp, signInContext, test } from './fixtures.ts'

// A shopper applies a promo code in the cart and at checkout, with and without JavaScript, in
// English and Persian: the reason when it cannot apply, each line's share, the total charged.

test.afterAll(async () => {
  await prisma.$disconnect()
})

let serial = 0
const unique = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${serial++}`

/** A shopper with two $30 dresses from one shop in the cart ($60: standard delivery $4.95). */
async function shopperWithDresses() {
  const { shop } = await createSeller()
  const first = await createProduct(shop.id, {
    title: 'Wrap dress',
    price: 3000,
    variants: [{ color: 'Navy', size: 'M', stock: 4 }],
  })
  const second = await createProduct(shop.id, {
    title: 'Shirt dress',
    price: 3000,
    variants: [{ color: 'Navy', size: 'M', stock: 4 }],
  })
  const shopper = await createUser()
  await putInCart(shopper.id, first.variants[0]!.id, 1, 3000)
  await putInCart(shopper.id, second.variants[0]!.id, 1, 3000)
  return { shopper, shop }
}

async function fillNewAddress(page: Page) {
  await page.getByLabel('Full name').fill('Parisa Parcel')
  await page.getByLabel('Street address').fill('221 Baker Street')
  await page.getByLabel('Town or city').fill('London')
  await page.getByLabel('Postal code').fill('NW1 6XE')
  await page.getByLabel('Country').selectOption('GB')
  await page.getByLabel('Phone').fill('+44 20 7946 0000')
}

for (const javaScriptEnabled of [true, false]) {
  test(`English, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: a refused code says why, a good one shows per line, and the order is charged the total shown`, async ({
    browser,
  }) => {
    const { shopper, shop } = await shopperWithDresses()
    const expired = unique('OLD')
    const good = unique('SHOP')
    await createPromo({
      code: expired,
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() - 3_600_000),
    })
    await createPromo({ code: good, shopId: shop.id, kind: 'PERCENT', value: 15 })
    const context = await browser.newContext({
      javaScriptEnabled,
      extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
    })
    await signInContext(context, shopper.id)
    const page = await context.newPage()
    await page.goto('/cart')

    await page.getByLabel('Promo code').fill(expired.toLowerCase())
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect(page.getByRole('alert')).toHaveText('This code has expired.')
    await page.getByLabel('Promo code').fill(good)
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect(page.getByTestId('promo-state')).toHaveText(`Code ${good} applied`)
    // 15% of $60 is $9.00, $4.50 from each line.
    await expect(page.getByTestId('line-promo')).toHaveText([
      `Code ${good}: −$4.50`,
      `Code ${good}: −$4.50`,
    ])
    await expect(page.getByTestId('promo-discount')).toContainText('−$9.00')

    await page.goto('/checkout')
    await expect(page.getByTestId('checkout-total')).toHaveText('$55.95')
    await fillNewAddress(page)
    await page.getByRole('button', { name: 'Place order · $55.95' }).click()
    await expect(page.getByText('Thank you! Your order is placed.')).toBeVisible()
    const order = await prisma.order.findFirstOrThrow({
      where: { userId: shopper.id },
      include: { lines: { include: { discounts: true } } },
    })
    expect(order).toMatchObject({ total: 5595, promoDiscount: 900, shippingCost: 495 })
    expect(order.lines.map((line) => line.discounts[0]?.amount)).toEqual([450, 450])
    await context.close()
  })
}

test('Persian, JavaScript off: the code applied in the checkout form keeps the address typed, and the order is placed at the new total', async ({
  browser,
}) => {
  const { shopper } = await shopperWithDresses()
  const code = unique('FA')
  await createPromo({ code, kind: 'FIXED', value: 1000, minOrder: 10_000 })
  const fixed = unique('FB')
  await createPromo({ code: fixed, kind: 'FIXED', value: 1000 })
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(context, shopper.id)
  const page = await context.newPage()
  await page.goto('/fa/checkout')
  await page.getByLabel('نام و نام خانوادگی').fill('پریسا')
  await page.getByLabel('کد تخفیف').fill(code)
  await page.getByRole('button', { name: 'اعمال' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'این کد برای سفارشی با دست‌کم' }),
  ).toBeVisible()
  await expect(page.getByLabel('نام و نام خانوادگی')).toHaveValue('پریسا')
  await page.getByLabel('کد تخفیف').fill(fixed)
  await page.getByRole('button', { name: 'اعمال' }).click()
  await expect(page.getByTestId('promo-state')).toContainText(fixed)
  await expect(page.getByTestId('promo-discount')).toBeVisible()
  await expect(page.getByTestId('line-promo')).toHaveCount(2)
  await page.screenshot({ path: 'test-results/promo-checkout-fa.png', fullPage: true })
  // $60 − $10 + $4.95 delivery, in Persian digits.
  const total = (await page.getByTestId('checkout-total').textContent())!
  expect(total).toMatch(/[۰-۹]/)
  await page.getByLabel('نام و نام خانوادگی').fill('Parisa Parcel')
  await page.getByLabel('نشانی (خیابان، کوچه، پلاک)').fill('221 Baker Street')
  await page.getByLabel('شهر').fill('London')
  await page.getByLabel('کد پستی').fill('NW1 6XE')
  await page.getByLabel('کشور').selectOption('GB')
  await page.getByLabel('تلفن').fill('+44 20 7946 0000')
  await page.getByRole('button', { name: /ثبت سفارش/ }).click()
  await expect(page).toHaveURL(/\/fa\/orders\/SP-/)
  const order = await prisma.order.findFirstOrThrow({ where: { userId: shopper.id } })
  expect(order).toMatchObject({ total: 6000 - 1000 + 495, promoDiscount: 1000, locale: 'fa' })
  await context.close()
})

test('at phone width the cart with a code does not scroll sideways', async ({ browser }) => {
  const { shopper, shop } = await shopperWithDresses()
  const code = unique('PH')
  await createPromo({ code, shopId: shop.id, kind: 'FREE_DELIVERY', value: 0 })
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(context, shopper.id)
  const page = await context.newPage()
  for (const path of ['/cart', '/fa/cart']) {
    await page.goto(path)
    if (path === '/cart') {
      await page.getByLabel('Promo code').fill(code)
      await page.getByRole('button', { name: 'Apply' }).click()
      await expect(page.getByTestId('promo-state')).toHaveText(
        `Code ${code} applied: free delivery`,
      )
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({
      path: `test-results/promo-cart${path.replace(/\//g, '-')}.png`,
      fullPage: true,
    })
  }
  await page.goto('/checkout')
  await expect(page.getByTestId('checkout-total')).toHaveText('$60.00')
  await context.close()
})

test('a seller creates a code for one product from /sell/promos/new (a field error first), and a shopper uses it on that product only', async ({
  page,
  signInAs,
  browser,
}) => {
  const { shop } = await signInAs('seller', { name: 'Promo Maker' })
  const limited = await createProduct(shop.id, {
    title: 'Promo linen shirt',
    price: 4000,
    variants: [{ stock: 4 }],
  })
  const other = await createProduct(shop.id, {
    title: 'Promo wool scarf',
    price: 2000,
    variants: [{ stock: 4 }],
  })
  const code = unique('MINE')

  await page.goto('/sell/promos/new')
  await page.getByLabel('Code', { exact: true }).fill('x!')
  await page.getByLabel('Percentage off').check()
  await page.getByLabel('Percentage', { exact: true }).fill('25')
  await page.getByLabel('Promo linen shirt').check()
  await page.getByRole('button', { name: 'Create code' }).click()
  await expect(page.getByText('Codes are 3 to 32 letters, digits or dashes.')).toBeVisible()
  // Nothing typed is lost.
  await expect(page.getByLabel('Percentage', { exact: true })).toHaveValue('25')
  await expect(page.getByLabel('Promo linen shirt')).toBeChecked()
  await page.getByLabel('Code', { exact: true }).fill(code.toLowerCase())
  await page.getByRole('button', { name: 'Create code' }).click()
  await expect(page).toHaveURL('/sell/promos')
  await expect(page.getByText(`Code ${code} created.`)).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: code })).toBeVisible()
  expect(await prisma.promoCode.findUniqueOrThrow({ where: { code } })).toMatchObject({
    shopId: shop.id,
    kind: 'PERCENT',
    value: 25,
    productIds: [limited.id],
    version: 1,
  })

  // A shopper with both products: 25% off the shirt only ($10.00), nothing off the scarf.
  const shopper = await createUser()
  await putInCart(shopper.id, limited.variants[0]!.id, 1, 4000)
  await putInCart(shopper.id, other.variants[0]!.id, 1, 2000)
  const context = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(context, shopper.id)
  const cart = await context.newPage()
  await cart.goto('/cart')
  await cart.getByLabel('Promo code').fill(code)
  await cart.getByRole('button', { name: 'Apply' }).click()
  await expect(cart.getByTestId('promo-state')).toHaveText(`Code ${code} applied`)
  await expect(cart.getByTestId('line-promo')).toHaveText([`Code ${code}: −$10.00`])
  await expect(cart.getByTestId('promo-discount')).toContainText('−$10.00')
  await context.close()
})

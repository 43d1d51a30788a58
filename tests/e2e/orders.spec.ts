import type { BrowserContext, Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { E2E_BASE_URL } from './environment.ts'
import { TEST_PASSWORD, createUser, signIn } from '../support/fixtures.ts'
import { createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { expect, randomClientIp, test } from './fixtures.ts'
import { mailsTo } from './mailbox.ts'

// The shopping journey in the browser: a guest picks a colour and size on the product page and
// adds to the cart, signs in (the carts merge), checks out; the seller ships; the shopper sees it.

test.afterAll(async () => {
  await prisma.$disconnect()
})

async function cookieValue(header: string) {
  const [pair] = header.split(';')
  const index = pair!.indexOf('=')
  return { name: pair!.slice(0, index), value: pair!.slice(index + 1) }
}

/** What a shopper does on a product page: pick the colour and the size, then Add to cart. */
async function addFromProductPage(
  page: Page,
  slug: string,
  colour: string,
  size: string,
  expectedCount: number,
) {
  await page.goto(`/p/${slug}`)
  const swatch = page.getByRole('link', { name: colour, exact: true })
  await swatch.click()
  await expect(page).toHaveURL(new RegExp(`color=${colour.toLowerCase()}`))
  // The address changes before the page shows the new colour; the size links carry the colour
  // the page shows, so the shopper picks a size once the swatch is marked as chosen.
  await expect(swatch).toHaveAttribute('aria-current', 'true')
  await page.getByRole('link', { name: size, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`size=${size}`))
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible()
  await expect(page.getByTestId('cart-link')).toHaveAttribute(
    'aria-label',
    `Cart, ${expectedCount} ${expectedCount === 1 ? 'item' : 'items'}`,
  )
  // Still on the product page, as it was.
  await expect(page).toHaveURL(
    new RegExp(`/p/${slug}\\?color=${colour.toLowerCase()}&size=${size}$`),
  )
}

async function signInContext(context: BrowserContext, userId: string) {
  const { cookie } = await signIn(userId)
  await context.addCookies([{ ...(await cookieValue(cookie)), url: E2E_BASE_URL }])
}

async function fillNewAddress(page: Page) {
  await page.getByLabel('Full name').fill('Parisa Parcel')
  await page.getByLabel('Street address').fill('221 Baker Street')
  await page.getByLabel('Town or city').fill('London')
  await page.getByLabel('Postal code').fill('NW1 6XE')
  await page.getByLabel('Country').selectOption('GB')
  await page.getByLabel('Phone').fill('+44 20 7946 0000')
}

test('a guest’s cart joins their account at sign-in; they check out, the seller ships, and they see it shipped', async ({
  page,
  browser,
}) => {
  const ana = await createSeller('Ana Atelier')
  const bo = await createSeller('Bo Boutique')
  const dress = await createProduct(ana.shop.id, {
    title: 'Silk slip dress',
    price: 12000,
    discountPercent: 25,
    variants: [
      { color: 'Rose', size: 'S', stock: 3 },
      { color: 'Rose', size: 'M', stock: 0 },
      { color: 'Black', size: 'S', stock: 2 },
    ],
  })
  const boots = await createProduct(bo.shop.id, {
    title: 'Chelsea boots',
    price: 9900,
    variants: [
      { color: 'Black', size: 'M', stock: 5 },
      { color: 'Black', size: 'L', stock: 5 },
    ],
  })
  const scarf = await createProduct(ana.shop.id, {
    title: 'Wool scarf',
    price: 3500,
    variants: [{ color: 'Navy', size: 'XS', stock: 9 }],
  })
  const shopper = await createUser({ name: 'Parisa Parcel' })
  // Something already in the account's cart from an earlier visit.
  await putInCart(shopper.id, scarf.variants[0]!.id, 1, 3500)
  // On the dress's page nothing can be added before a size is chosen, and Rose M is sold out.
  await page.goto(`/p/${dress.slug}?color=rose`)
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeDisabled()
  await expect(page.getByTestId('add-to-cart-reason')).toHaveText('Choose a size first.')
  await expect(page.locator('[data-disabled-size="M"]')).toBeVisible()
  await addFromProductPage(page, dress.slug, 'Rose', 'S', 1)
  await addFromProductPage(page, boots.slug, 'Black', 'M', 2)

  await page.goto('/cart')
  await expect(page.getByTestId('cart-link')).toHaveAttribute('aria-label', 'Cart, 2 items')
  await expect(page.getByTestId('cart-line')).toHaveCount(2)
  await page.getByRole('link', { name: 'Check out as a guest' }).click()
  // A guest may check out with only an email; this one has an account and signs in from there.
  await expect(page).toHaveURL('/checkout')
  await page.locator('form#checkout').getByRole('link', { name: 'Sign in', exact: true }).click()
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcheckout/)
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  await page.getByLabel('Email').fill(shopper.email)
  await page.getByLabel('Password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()

  // Back at checkout with the guest's two items and the account's scarf.
  await expect(page).toHaveURL('/checkout')
  const lines = page.getByTestId('checkout-lines').getByRole('listitem')
  await expect(lines).toHaveCount(3)
  await expect(page.getByTestId('cart-link')).toHaveAttribute('aria-label', 'Cart, 3 items')
  await expect(page.getByTestId('checkout-total')).toHaveText('$224.00') // 90 + 99 + 35, free standard delivery

  await page.getByRole('button', { name: /Place order/ }).click()
  await expect(page.getByText('Enter the recipient’s name')).toBeVisible()
  await fillNewAddress(page)
  await page.getByText('Express delivery').click()
  await expect(page.getByTestId('checkout-total')).toHaveText('$238.95')
  await page.getByRole('button', { name: 'Place order · $238.95' }).click()

  await expect(page.getByText('Thank you! Your order is placed.')).toBeVisible()
  await expect(page).toHaveURL(/\/orders\/SP-[A-Z0-9]{4}-[A-Z0-9]{4}\?placed=1$/)
  const number = new URL(page.url()).pathname.split('/').pop()!
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible()
  await expect(page.getByTestId('shipment')).toHaveCount(2)
  await expect(page.getByTestId('cart-link')).toHaveAttribute('aria-label', 'Cart, 0 items')
  expect(
    (await prisma.variant.findUniqueOrThrow({ where: { id: dress.variants[0]!.id } })).stock,
  ).toBe(2)
  // The confirmation email went out (the app writes what it sends to files).
  await expect
    .poll(async () =>
      (await mailsTo(shopper.email)).filter((mail) =>
        mail.subject.startsWith('Your Shikposh order SP-'),
      ),
    )
    .toHaveLength(1)

  // Ana ships her part.
  const sellerContext = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(sellerContext, ana.user.id)
  const seller = await sellerContext.newPage()
  await seller.goto('/sell/orders')
  await expect(seller.getByTestId('seller-order-row')).toHaveCount(1)
  await seller.getByRole('link', { name: `Ship order ${number}` }).click()
  await expect(seller.getByText('Silk slip dress')).toBeVisible()
  await expect(seller.getByText('Chelsea boots')).toHaveCount(0) // Bo's part is not Ana's business
  await seller.getByLabel('Tracking number').fill('12')
  await seller.getByRole('button', { name: 'Mark as shipped' }).click()
  await expect(seller.getByRole('listitem').filter({ hasText: 'Choose the carrier' })).toBeVisible()
  await expect(seller.getByText('A tracking number has at least 6 characters')).toBeVisible()
  await seller.getByLabel('Carrier').selectOption('royal-mail')
  await seller.getByLabel('Tracking number').fill('ab 1234 5678 gb')
  await seller.getByRole('button', { name: 'Mark as shipped' }).click()
  await expect(seller.getByText(`Order ${number} is marked shipped.`)).toBeVisible()
  await expect(seller.getByText('AB12345678GB')).toBeVisible()
  await sellerContext.close()

  // The shopper sees it: partly shipped, with the tracking number.
  await page.goto(`/orders/${number}`)
  await expect(page.getByText('Partly shipped').first()).toBeVisible()
  const anasParcel = page.getByRole('article', { name: "Parcel from Ana Atelier's shop" })
  await expect(anasParcel.getByText('Shipped', { exact: true })).toBeVisible()
  await expect(anasParcel.getByRole('link', { name: /AB12345678GB/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0)
  await page.goto('/orders')
  await expect(page.getByTestId('order-row')).toHaveCount(1)
  await expect(page.getByTestId('order-row').getByText('Partly shipped')).toBeVisible()
})

test('two tabs placing the same checkout get one order and the same confirmation', async ({
  page,
}) => {
  const { shop } = await createSeller()
  const tee = await createProduct(shop.id, {
    title: 'Boxy tee',
    price: 2500,
    variants: [{ stock: 10 }],
  })
  const shopper = await createUser()
  await prisma.address.create({
    data: {
      userId: shopper.id,
      defaultOf: shopper.id,
      fullName: 'Tab Tester',
      line1: '1 Main St',
      city: 'Austin',
      region: 'TX',
      postalCode: '78701',
      country: 'US',
      phone: '+1 512 555 0101',
    },
  })
  await putInCart(shopper.id, tee.variants[0]!.id, 2, 2500)
  await signInContext(page.context(), shopper.id)
  const second = await page.context().newPage()

  await page.goto('/checkout')
  await second.goto('/checkout')
  // The saved default address is chosen already.
  await expect(page.getByRole('radio', { name: /Tab Tester/ })).toBeChecked()
  await page.getByRole('button', { name: /Place order/ }).click()
  await expect(page.getByText('Thank you! Your order is placed.')).toBeVisible()
  await second.getByRole('button', { name: /Place order/ }).click()
  await expect(second.getByText('Thank you! Your order is placed.')).toBeVisible()
  expect(second.url()).toBe(page.url())
  expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(1)
  expect(
    (await prisma.variant.findUniqueOrThrow({ where: { id: tee.variants[0]!.id } })).stock,
  ).toBe(8)
})

test('the cart shows what changed and lets the shopper fix it; cancelling an order puts the stock back', async ({
  page,
}) => {
  const { shop } = await createSeller()
  const coat = await createProduct(shop.id, {
    title: 'Rain coat',
    price: 8000,
    variants: [{ color: 'Navy', size: 'M', stock: 5 }],
  })
  const cap = await createProduct(shop.id, {
    title: 'Knit cap',
    price: 1500,
    variants: [{ color: 'Ivory', size: 'S', stock: 5 }],
  })
  const shopper = await createUser()
  await putInCart(shopper.id, coat.variants[0]!.id, 3, 8000)
  await putInCart(shopper.id, cap.variants[0]!.id, 1, 1500)
  await prisma.variant.update({ where: { id: coat.variants[0]!.id }, data: { stock: 2 } })
  await prisma.product.update({ where: { id: cap.id }, data: { price: 1200 } })
  await signInContext(page.context(), shopper.id)

  await page.goto('/cart')
  await expect(page.getByText('Only 2 left.')).toBeVisible()
  await expect(
    page.getByText('Good news: cheaper since you added it: now $12.00, was $15.00.'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Check out' })).toBeDisabled()
  await page.getByRole('button', { name: 'Change to 2' }).click()
  await expect(page.getByText('Only 2 left.')).toHaveCount(0)
  await page.getByRole('button', { name: 'OK, got it' }).click()
  await expect(page.getByText('Some prices changed since you added them')).toHaveCount(0)
  await page.getByRole('button', { name: 'One more Knit cap, Ivory, size S' }).click()
  await expect(page.getByTestId('cart-link')).toHaveAttribute('aria-label', 'Cart, 4 items')
  await page.getByRole('button', { name: 'Remove Knit cap, Ivory, size S' }).click()
  await expect(page.getByTestId('cart-line')).toHaveCount(1)
  await expect(page.getByTestId('cart-link')).toHaveAttribute('aria-label', 'Cart, 2 items')

  await page.getByRole('link', { name: 'Check out' }).click()
  await fillNewAddress(page)
  await page.getByRole('button', { name: /Place order/ }).click()
  await expect(page.getByText('Thank you! Your order is placed.')).toBeVisible()
  expect(
    (await prisma.variant.findUniqueOrThrow({ where: { id: coat.variants[0]!.id } })).stock,
  ).toBe(0)

  await page.getByText('Cancel order').click()
  await page.getByRole('button', { name: 'Yes, cancel it' }).click()
  await expect(page.getByText('Your order is cancelled.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 }).getByText('Cancelled')).toBeVisible()
  expect(
    (await prisma.variant.findUniqueOrThrow({ where: { id: coat.variants[0]!.id } })).stock,
  ).toBe(2)

  // The address was saved for next time.
  await page.goto('/account/addresses')
  await expect(page.getByTestId('address-card')).toHaveCount(1)
  await expect(page.getByTestId('address-card').getByText('Default')).toBeVisible()
})

test('without JavaScript, Add to cart still works: back on the product page with the count, or the refusal on the cart page', async ({
  browser,
}) => {
  const { shop } = await createSeller()
  const tee = await createProduct(shop.id, {
    title: 'Pocket tee',
    price: 2200,
    variants: [
      { color: 'Ivory', size: 'M', stock: 2 },
      { color: 'Ivory', size: 'L', stock: 4 },
    ],
  })
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const page = await context.newPage()
  await page.goto(`/p/${tee.slug}`)
  await page.getByRole('link', { name: 'M', exact: true }).click()
  await expect(page).toHaveURL(/size=M/)
  await page.getByLabel('Quantity').selectOption('2')
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await expect(page).toHaveURL(new RegExp(`/p/${tee.slug}\\?.*size=M`))
  await expect(page.getByText('Added to your cart.')).toBeVisible()
  await expect(page.getByTestId('cart-link')).toHaveAttribute('aria-label', 'Cart, 2 items')

  // Both left are in the cart now: one more is refused, and the cart page says why.
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await expect(page).toHaveURL('/cart')
  await expect(page.getByText('That could not be added to your cart')).toBeVisible()
  await expect(page.getByText('Only 2 left, and 2 are already in your cart.')).toBeVisible()
  await expect(page.getByTestId('cart-line')).toHaveCount(1)
  await context.close()
})

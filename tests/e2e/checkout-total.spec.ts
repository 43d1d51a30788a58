import type { Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { expect, randomClientIp, signInContext, test } from './fixtures.ts'

// The checkout's promise: an order is placed only at the total the shopper was shown, with and
// without JavaScript, whatever changed in between (the delivery chosen, a price, a discount).

test.afterAll(async () => {
  await prisma.$disconnect()
})

async function fillNewAddress(page: Page) {
  await page.getByLabel('Full name').fill('Parisa Parcel')
  await page.getByLabel('Street address').fill('221 Baker Street')
  await page.getByLabel('Town or city').fill('London')
  await page.getByLabel('Postal code').fill('NW1 6XE')
  await page.getByLabel('Country').selectOption('GB')
  await page.getByLabel('Phone').fill('+44 20 7946 0000')
}

/** A shopper with a $90 dress in the cart: standard delivery is free, express is $14.95. */
async function shopperWithDress() {
  const { shop } = await createSeller()
  const dress = await createProduct(shop.id, {
    title: 'Wrap dress',
    price: 9000,
    variants: [{ color: 'Navy', size: 'M', stock: 4 }],
  })
  const shopper = await createUser()
  await putInCart(shopper.id, dress.variants[0]!.id, 1, 9000)
  return { shopper, dress }
}

test('without JavaScript, choosing Express asks to update the total first, and the order is placed at the total shown', async ({
  browser,
}) => {
  const { shopper } = await shopperWithDress()
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(context, shopper.id)
  const page = await context.newPage()
  await page.goto('/checkout')
  await expect(page.getByTestId('checkout-total')).toHaveText('$90.00')
  await fillNewAddress(page)
  await page.getByText('Express delivery').click()
  // The summary was worked out for Standard: no "Place order · $90.00" to click any more.
  await expect(page.getByRole('button', { name: /Place order/ })).toBeHidden()
  await expect(page.getByText(/agree to pay/)).toBeHidden()
  await page.getByRole('button', { name: 'Update total' }).click()

  await expect(page.getByTestId('checkout-total')).toHaveText('$104.95')
  await expect(page.getByRole('radio', { name: /Express delivery/ })).toBeChecked()
  await expect(page.getByLabel('Street address')).toHaveValue('221 Baker Street')
  await expect(page.getByRole('button', { name: 'Update total' })).toBeHidden()
  await page.getByRole('button', { name: 'Place order · $104.95' }).click()

  await expect(page.getByText('Thank you! Your order is placed.')).toBeVisible()
  const order = await prisma.order.findFirstOrThrow({ where: { userId: shopper.id } })
  expect(order).toMatchObject({ total: 10495, shippingMethod: 'express' })
  await context.close()
})

test('without JavaScript, a price that changed under the page is refused with the new total, and placing again charges it', async ({
  browser,
}) => {
  const { shopper, dress } = await shopperWithDress()
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(context, shopper.id)
  const page = await context.newPage()
  await page.goto('/checkout')
  await fillNewAddress(page)
  await page.getByText('Express delivery').click()
  await page.getByRole('button', { name: 'Update total' }).click()
  await expect(page.getByTestId('checkout-total')).toHaveText('$104.95')
  // The seller's sale starts while the shopper reads the page.
  await prisma.product.update({ where: { id: dress.id }, data: { discountPercent: 10 } })
  await page.getByRole('button', { name: 'Place order · $104.95' }).click()

  await expect(page.getByText(/The total is now \$95\.95, not the \$104\.95/)).toBeVisible()
  await expect(page.getByTestId('checkout-total')).toHaveText('$95.95')
  expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)
  await page.getByRole('button', { name: 'Place order · $95.95' }).click()
  await expect(page.getByText('Thank you! Your order is placed.')).toBeVisible()
  const order = await prisma.order.findFirstOrThrow({ where: { userId: shopper.id } })
  expect(order).toMatchObject({ total: 9595, shippingMethod: 'express' })
  await context.close()
})

test('with JavaScript, the total follows the delivery chosen, and a discount that ended meanwhile is refused with the new total', async ({
  page,
}) => {
  const { shop } = await createSeller()
  const dress = await createProduct(shop.id, {
    title: 'Wrap dress',
    price: 10000,
    discountPercent: 10,
    variants: [{ color: 'Navy', size: 'M', stock: 4 }],
  })
  const shopper = await createUser()
  await putInCart(shopper.id, dress.variants[0]!.id, 1, 9000)
  await signInContext(page.context(), shopper.id)
  await page.goto('/checkout')
  await fillNewAddress(page)
  await page.getByText('Express delivery').click()
  await expect(page.getByTestId('checkout-total')).toHaveText('$104.95')
  await expect(page.getByRole('button', { name: 'Update total' })).toBeHidden()
  await prisma.product.update({
    where: { id: dress.id },
    data: { discountEndsAt: new Date(Date.now() - 1000) },
  })
  await page.getByRole('button', { name: 'Place order · $104.95' }).click()

  await expect(page.getByText(/The total is now \$114\.95, not the \$104\.95/)).toBeVisible()
  await expect(page.getByTestId('checkout-total')).toHaveText('$114.95')
  await expect(page.getByRole('radio', { name: /Express delivery/ })).toBeChecked()
  expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)
  await page.getByRole('button', { name: 'Place order · $114.95' }).click()
  await expect(page.getByText('Thank you! Your order is placed.')).toBeVisible()
  const order = await prisma.order.findFirstOrThrow({ where: { userId: shopper.id } })
  expect(order).toMatchObject({ total: 11495, shippingMethod: 'express' })
})

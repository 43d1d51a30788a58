import type { Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { E2E_STRIPE_URL } from './environment.ts'
import { expect, randomClientIp, signInContext, test } from './fixtures.ts'

// Paying by card in the browser, JavaScript on: checkout sends the shopper to Stripe's hosted
// Checkout page (the local stand-in of it, tests/support/payments/stripe-stand-in.ts), where they
// type a test card; Stripe sends them back and posts its signed webhook, and the order is paid
// once. Then a return of a delivered item, refunded in part through Stripe.

test.afterAll(async () => {
  await prisma.$disconnect()
})

/** A shopper with a saved address, `quantity` of a new product in their cart, signed in. */
async function shopperWithCart(page: Page, quantity: number) {
  const seller = await createSeller('Card Corner')
  const product = await createProduct(seller.shop.id, {
    title: 'Linen shirt',
    price: 4_000,
    variants: [{ color: 'Navy', size: 'M', stock: 5 }],
  })
  const shopper = await createUser({ name: 'Kasra Card' })
  await prisma.address.create({
    data: {
      userId: shopper.id,
      defaultOf: shopper.id,
      fullName: 'Kasra Card',
      line1: '1 Main St',
      city: 'Austin',
      region: 'TX',
      postalCode: '78701',
      country: 'US',
      phone: '+1 512 555 0101',
    },
  })
  const variantId = product.variants[0]!.id
  await putInCart(shopper.id, variantId, quantity, 4_000)
  await signInContext(page.context(), shopper.id)
  return { seller, product, shopper, variantId }
}

/** On the hosted page: types a test card and pays. */
async function enterCard(page: Page, number: string) {
  await expect(page).toHaveURL(new RegExp(`^${E2E_STRIPE_URL}/c/pay/cs_`))
  await page.getByLabel('Card number').fill(number)
  await page.getByLabel('Expiry (MM / YY)').fill('12 / 34')
  await page.getByLabel('CVC').fill('123')
  await page.getByRole('button', { name: 'Pay' }).click()
}

const orderNumberOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!

test('pay by card: declined, back to the store, pay again with 3-D Secure; the order and the seller’s order say paid', async ({
  page,
  browser,
}) => {
  // Two visits to the hosted page and a seller: longer than most journeys.
  test.slow()
  const { seller, variantId } = await shopperWithCart(page, 2)
  await page.goto('/checkout')
  await page.getByText('Card', { exact: true }).click()
  await page.getByRole('button', { name: /Place order/ }).click()

  // Stripe's page: the bank declines the first card; the shopper goes back to the store.
  await enterCard(page, '4000 0000 0000 0002')
  await expect(page.getByRole('alert')).toHaveText('Your card was declined.')
  await page.getByRole('link', { name: /Back to the store/ }).click()
  await expect(page).toHaveURL(/\/orders\/SP-[A-Z0-9-]+\?payment=cancelled$/)
  const number = orderNumberOf(page)
  const notice = page.getByTestId('payment-notice')
  await expect(notice).toContainText('Payment not completed')
  await expect(notice).toContainText('Your items are held for you until')
  const order = await prisma.order.findFirstOrThrow({ where: { number } })
  expect(order).toMatchObject({ paymentMethod: 'stripe', paymentStatus: 'PENDING' })
  expect((await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(3)

  // Pay now: the same Stripe page again; this card asks for 3-D Secure, which the shopper completes.
  await notice.getByRole('button', { name: 'Pay now' }).click()
  await enterCard(page, '4000002760003184')
  await expect(page.getByRole('heading', { name: '3D Secure 2 Test Page' })).toBeVisible()
  await page.getByRole('button', { name: 'Complete authentication' }).click()

  await expect(page).toHaveURL(new RegExp(`/orders/${number}\\?payment=paid$`))
  await expect(page.getByTestId('payment-notice')).toContainText('Payment received. Thank you!')
  const payment = page.getByRole('region', { name: 'Payment' })
  await expect(payment).toContainText('Card')
  await expect(payment).toContainText('Paid')
  // Stripe's signed webhook reached the app too, and changed nothing more: one paid order.
  await expect
    .poll(() =>
      prisma.paymentEvent.count({
        where: { orderId: order.id, type: 'checkout.session.completed' },
      }),
    )
    .toBe(1)
  const paid = await prisma.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(paid).toMatchObject({ paymentStatus: 'PAID', paymentHeldUntil: null })
  expect(paid.paymentReference).toMatch(/^pi_/)

  // The seller sees it paid before packing.
  const sellerContext = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(sellerContext, seller.user.id)
  const sellerPage = await sellerContext.newPage()
  await sellerPage.goto(`/sell/orders/${number}`)
  await expect(sellerPage.getByTestId('payment-status')).toHaveText('Paid')
  await sellerContext.close()
})

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  // A plain form's POST is answered with a redirect to Stripe's page: the store's CSP must let a
  // form's navigation go there (form-action), or the browser stops it on the checkout page. Shoppers
  // whose JavaScript has not started yet (a slow phone) submit the same plain forms.
  test('place the order, leave Stripe’s page, pay now: the same hosted page each time, then paid', async ({
    page,
  }) => {
    test.slow()
    await shopperWithCart(page, 1)
    await page.goto('/checkout')
    await page.getByText('Card', { exact: true }).click()
    await page.getByRole('button', { name: /Place order/ }).click()
    await expect(page).toHaveURL(new RegExp(`^${E2E_STRIPE_URL}/c/pay/cs_`))
    const session = page.url()
    await page.getByRole('link', { name: /Back to the store/ }).click()
    await expect(page).toHaveURL(/\/orders\/SP-[A-Z0-9-]+\?payment=cancelled$/)
    const number = orderNumberOf(page)

    await page.getByTestId('payment-notice').getByRole('button', { name: 'Pay now' }).click()
    await expect(page).toHaveURL(session)
    await enterCard(page, '4242 4242 4242 4242')
    await expect(page).toHaveURL(new RegExp(`/orders/${number}\\?payment=paid$`))
    await expect(page.getByTestId('payment-notice')).toContainText('Payment received. Thank you!')
    const order = await prisma.order.findFirstOrThrow({ where: { number } })
    expect(order).toMatchObject({ paymentMethod: 'stripe', paymentStatus: 'PAID' })
  })
})

test('in Persian: pay by card, the item is delivered, a return is approved and received, and the card refund shows', async ({
  page,
  browser,
}) => {
  // The longest journey here: three people, a background refund (and a machine that may be busy).
  test.slow()
  const { seller, variantId } = await shopperWithCart(page, 2)
  await page.goto('/fa/checkout')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await page.getByText('کارت بانکی', { exact: true }).click()
  await page.getByRole('button', { name: /ثبت سفارش/ }).click()
  await enterCard(page, '4242 4242 4242 4242')
  await expect(page).toHaveURL(/\/fa\/orders\/SP-[A-Z0-9-]+\?payment=paid$/)
  await expect(page.getByTestId('payment-notice')).toContainText('پرداخت انجام شد. سپاسگزاریم!')
  const number = orderNumberOf(page)
  const order = await prisma.order.findFirstOrThrow({
    where: { number },
    include: { lines: true },
  })
  expect(order.paymentStatus).toBe('PAID')
  expect((await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(3)

  // The parcel goes out and arrives.
  await markShipped(seller.user.id, number, { carrier: 'usps', trackingNumber: 'TRACK-123456' })
  await markDelivered(seller.user.id, number, new Date())

  // One shirt is too small: the shopper asks to return it.
  await page.goto(`/fa/orders/${number}`)
  await page.getByText('مرجوع کردن این کالا').click()
  await page.getByLabel('تعداد').selectOption('1')
  await page.getByLabel('چرا این کالا را برمی‌گردانید؟').selectOption('WRONG_SIZE')
  await page.getByRole('button', { name: 'درخواست مرجوعی' }).click()
  await expect(page.getByText('درخواست مرجوعی شما برای فروشگاه فرستاده شد.')).toBeVisible()
  await expect(page.getByText('درخواست مرجوعی', { exact: true }).first()).toBeVisible()

  // The seller approves it, and marks it received when the parcel is back.
  const sellerContext = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(sellerContext, seller.user.id)
  const sellerPage = await sellerContext.newPage()
  await sellerPage.goto(`/sell/orders/${number}`)
  await sellerPage.getByRole('button', { name: 'Approve return' }).click()
  await expect(
    sellerPage.getByText('Return approved. The shopper is told to send the items back.'),
  ).toBeVisible()
  await sellerPage.getByText('Yes, put them back in stock').click()
  await sellerPage.getByRole('button', { name: 'Mark received and refund' }).click()
  await expect(sellerPage.getByText('Return received and the refund is recorded.')).toBeVisible()
  await sellerContext.close()

  // The refund goes through Stripe (a job); the shopper's order page shows it, and the shirt is back on sale.
  await expect
    .poll(async () => (await prisma.refund.findFirst({ where: { orderId: order.id } }))?.status, {
      timeout: 20_000,
    })
    .toBe('SUCCEEDED')
  const refund = await prisma.refund.findFirstOrThrow({ where: { orderId: order.id } })
  expect(refund).toMatchObject({ provider: 'stripe', amount: order.lines[0]!.unitPrice })
  expect(refund.providerReference).toMatch(/^re_/)
  await page.reload()
  await expect(page.getByText('مرجوع شد', { exact: true })).toBeVisible()
  await expect(page.getByText(/به روش پرداخت شما بازگشت/)).toBeVisible()
  await expect(page.getByTestId('refunded')).toBeVisible()
  expect((await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(4)
})

import type { Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { submitReview } from '~/services/reviews/reviews.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { expect, randomClientIp, signInContext, test } from './fixtures.ts'

// Live notifications as people meet them: the seller ships in one browser while the shopper's
// page, open in another, gets the bell's count through the event stream (no reload); the
// notification leads to the order and is marked read, in English and Persian. The seller's order
// list takes a new order by itself, and the admin's review queue offers a banner.

test.afterAll(async () => {
  await prisma.$disconnect()
})

// The stream brings a change after the app's worker has run the delivery job: allow for its poll.
const LIVE = { timeout: 20_000 }

/** Marks the page's document, so a test can tell that a change came without a reload. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    ;(window as unknown as { stillHere: boolean }).stillHere = true
  })
}

async function documentKept(page: Page) {
  return page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true)
}

/** Opens the path and waits until the page has hydrated and its event stream answered. */
async function openLive(page: Page, path: string) {
  const stream = page.waitForResponse(
    (response) => response.url().includes('/notifications/stream') && response.ok(),
  )
  await page.goto(path)
  await stream
  await markDocument(page)
}

const journeys = [
  {
    language: 'English',
    prefix: '',
    bellWith: 'Notifications, 1 unread',
    title: 'Notifications',
    shipped: (order: string, shop: string) => `Your order ${order} from ${shop} is on its way.`,
    markRead: (text: string) => `Mark “${text}” read`,
  },
  {
    language: 'Persian',
    prefix: '/fa',
    bellWith: 'اعلان‌ها، ۱ خوانده‌نشده',
    title: 'اعلان‌ها',
    // Latin names inside Persian text are set apart with bidi isolates.
    shipped: (order: string, shop: string) =>
      `سفارش \u2068${order}\u2069 شما از \u2068${shop}\u2069 در راه است.`,
    markRead: (text: string) => `«${text}» خوانده شد`,
  },
] as const

for (const journey of journeys) {
  test(`${journey.language}: the seller ships, the shopper's bell counts it live, the notification leads to the order and is read`, async ({
    browser,
  }) => {
    const seller = await createSeller('Nia Notifier')
    const dress = await createProduct(seller.shop.id, {
      title: 'Live wrap dress',
      price: 4200,
      variants: [{ stock: 3 }],
    })
    const shopper = await createUser({ name: 'Bell Shopper' })
    const order = await placeTestOrder(shopper.id, [
      { variantId: dress.variants[0]!.id, quantity: 1 },
    ])

    const shopperContext = await browser.newContext({
      extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
    })
    await signInContext(shopperContext, shopper.id)
    const page = await shopperContext.newPage()
    await openLive(page, `${journey.prefix}/orders`)
    const bell = page.getByTestId('notification-bell')
    await expect(bell).toHaveAccessibleName(journey.title)
    await expect(bell).toHaveAttribute('data-count', '0')

    // The seller ships from a browser of their own.
    const sellerContext = await browser.newContext({
      extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
    })
    await signInContext(sellerContext, seller.user.id)
    const sellerPage = await sellerContext.newPage()
    await sellerPage.goto(`/sell/orders/${order.number}`)
    await sellerPage.getByLabel('Carrier').selectOption('royal-mail')
    await sellerPage.getByLabel('Tracking number').fill('RM 5566 7788 GB')
    await sellerPage.getByRole('button', { name: 'Mark as shipped' }).click()
    await expect(sellerPage.getByText(`Order ${order.number} is marked shipped.`)).toBeVisible()
    await sellerContext.close()

    // The shopper's open page counts it, without a reload.
    await expect(bell).toHaveAttribute('data-count', '1', LIVE)
    await expect(bell).toHaveAccessibleName(journey.bellWith)
    expect(await documentKept(page)).toBe(true)

    // The notification is unread and leads to the order.
    await bell.click()
    await expect(page).toHaveURL(`${journey.prefix}/notifications`)
    const notification = page.getByTestId('notification')
    await expect(notification).toHaveCount(1)
    await expect(notification).toHaveAttribute('data-unread', '')
    await expect(notification).toHaveAttribute('data-kind', 'ORDER_SHIPPED')
    const text = journey.shipped(order.number, seller.shop.name)
    await notification.getByRole('link', { name: text }).click()
    await expect(page).toHaveURL(`${journey.prefix}/orders/${order.number}`)
    await expect(page.getByText('RM55667788GB')).toBeVisible()

    // Marked read: the highlight and the bell's count go.
    await page.goBack()
    await expect(page).toHaveURL(`${journey.prefix}/notifications`)
    await notification.getByRole('button', { name: journey.markRead(text) }).click()
    await expect(notification).not.toHaveAttribute('data-unread')
    await expect(notification.getByRole('button', { name: journey.markRead(text) })).toHaveCount(0)
    await expect(bell).toHaveAttribute('data-count', '0')
    await expect(bell).toHaveAccessibleName(journey.title)
    const row = await prisma.notification.findFirstOrThrow({ where: { userId: shopper.id } })
    expect(row.readAt).not.toBeNull()
    await shopperContext.close()
  })
}

test("a new order appears on the seller's open order list without a reload", async ({
  page,
  signInAs,
}) => {
  const { shop, user: seller } = await signInAs('seller', { name: 'Lia Listwatcher' })
  const coat = await createProduct(shop.id, {
    title: 'Live wool coat',
    price: 9900,
    variants: [{ stock: 5 }],
  })
  const first = await createUser()
  const placed = await placeTestOrder(first.id, [{ variantId: coat.variants[0]!.id, quantity: 1 }])
  // The app's worker writes the seller's notification of that order: once it is there, the page
  // opened next counts it as already seen.
  await expect
    .poll(() => prisma.notification.count({ where: { userId: seller.id, kind: 'NEW_ORDER' } }), LIVE)
    .toBe(1)

  await openLive(page, '/sell/orders')
  const rows = page.getByTestId('seller-order-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(placed.number)

  const second = await createUser()
  const next = await placeTestOrder(second.id, [{ variantId: coat.variants[0]!.id, quantity: 2 }])
  await expect(rows).toHaveCount(2, LIVE)
  await expect(rows.filter({ hasText: next.number })).toHaveCount(1)
  await expect(page.getByTestId('live-refresh')).toHaveText('1 new order arrived.')
  expect(await documentKept(page)).toBe(true)
})

test('a review waiting for moderation shows a banner on the open queue; Show brings it in', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin', { name: 'Banner Admin' })
  const { shop } = await createSeller()
  const scarf = await createProduct(shop.id, { title: 'Banner silk scarf', price: 2500 })
  const author = await createUser({ name: 'Rami Reviewer' })

  await openLive(page, '/admin/reviews')
  const banner = page.getByTestId('live-refresh')
  await expect(banner.getByRole('button')).toHaveCount(0)

  const { id } = await submitReview(author.id, scarf.slug, {
    rating: 4,
    title: 'Soft and bright',
    body: 'The colour is exactly as shown.',
  })
  // The queue is oldest first and shared with other tests: put this one at its front.
  await prisma.review.update({ where: { id }, data: { queuedAt: new Date('2000-01-01') } })

  // Other tests' reviews may arrive meanwhile: the banner says at least one.
  await expect(banner).toContainText(/reviews? waits? for moderation since this page opened/, LIVE)
  const row = page.getByTestId('queue-row').filter({ hasText: 'Soft and bright' })
  await expect(row).toHaveCount(0)
  expect(await documentKept(page)).toBe(true)
  await banner.getByRole('button', { name: 'Show' }).click()
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Banner silk scarf')
  await expect(banner.getByRole('button')).toHaveCount(0)
  expect(await documentKept(page)).toBe(true)
})

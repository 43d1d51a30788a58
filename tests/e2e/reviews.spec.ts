import type { BrowserContext } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { E2E_BASE_URL } from './environment.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { expect, randomClientIp, test } from './fixtures.ts'

// Reviews end to end: a shopper buys, the seller ships and marks it delivered, the shopper
// reviews it (verified purchase), an admin approves it from the moderation queue, and the
// product page shows the review and the new average. Markup typed into a review shows as text.

test.afterAll(async () => {
  await prisma.$disconnect()
})

async function signInContext(context: BrowserContext, userId: string) {
  const { cookie } = await signIn(userId)
  const [pair] = cookie.split(';')
  const index = pair!.indexOf('=')
  await context.addCookies([
    { name: pair!.slice(0, index), value: pair!.slice(index + 1), url: E2E_BASE_URL },
  ])
}

test('buy, deliver, review, moderate: the approved review and the new average show on the product page', async ({
  page,
  browser,
}) => {
  const ana = await createSeller('Ana Reviews')
  const dress = await createProduct(ana.shop.id, {
    title: 'Reviewed linen dress',
    price: 6000,
    variants: [
      { color: 'Ivory', size: 'S', stock: 5 },
      { color: 'Ivory', size: 'M', stock: 5 },
    ],
  })
  const shopper = await createUser({ name: 'Vera Verified' })
  // An earlier approved 2-star review, so the average visibly moves.
  const earlier = await createUser({ name: 'Earlier Reviewer' })
  await prisma.review.create({
    data: {
      productId: dress.id,
      userId: earlier.id,
      rating: 2,
      title: 'Meh',
      body: 'Not my style at all.',
      status: 'APPROVED',
    },
  })
  await prisma.product.update({
    where: { id: dress.id },
    data: { ratingCount: 1, ratingSum: 2, rating2: 1 },
  })

  // The shopper buys it (through the real checkout service).
  const order = await placeTestOrder(shopper.id, [
    { variantId: dress.variants[0]!.id, quantity: 1 },
  ])

  // The seller ships and marks it delivered in the browser.
  const sellerContext = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(sellerContext, ana.user.id)
  const seller = await sellerContext.newPage()
  await seller.goto(`/sell/orders/${order.number}`)
  await seller.getByLabel('Carrier').selectOption('royal-mail')
  await seller.getByLabel('Tracking number').fill('AB123456789GB')
  await seller.getByRole('button', { name: 'Mark as shipped' }).click()
  await expect(seller.getByText(`Order ${order.number} is marked shipped.`)).toBeVisible()
  await seller.getByRole('button', { name: 'Mark as delivered' }).click()
  await expect(seller.getByText(`Order ${order.number} is marked delivered.`)).toBeVisible()
  await sellerContext.close()

  // Anonymous first: the summary and a sign-in prompt, no form.
  await page.goto(`/p/${dress.slug}`)
  await expect(page.getByTestId('review-average')).toHaveText('2.0')
  await expect(page.getByTestId('review-sign-in')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Submit review' })).toHaveCount(0)

  // The shopper writes the review: stars are radio inputs; the title carries markup.
  await signInContext(page.context(), shopper.id)
  await page.goto(`/p/${dress.slug}`)
  await page.getByRole('button', { name: 'Submit review' }).click()
  await expect(page.getByText('Choose from 1 to 5 stars')).toBeVisible()
  await page.getByRole('radio', { name: '5 stars' }).check()
  await page.getByLabel('Title').fill('<b>Perfect</b> <script>window.pwned=1</script>')
  await page
    .getByLabel('Your review')
    .fill('Soft linen, <img src=x onerror="window.pwned=1"> and it fits just right.')
  await page.getByLabel('How does it fit? (optional)').selectOption('TRUE_TO_SIZE')
  await page.getByRole('button', { name: 'Submit review' }).click()
  await expect(
    page.getByText('Thank you! Your review will show once a moderator approves it.'),
  ).toBeVisible()
  await expect(page.getByTestId('own-review')).toHaveAttribute('data-status', 'PENDING')
  await expect(page.getByTestId('own-review')).toContainText('Waiting for approval')
  await expect(page.getByTestId('review-average')).toHaveText('2.0')

  // An admin approves it from the queue.
  const admin = await createUser({ name: 'Queue Admin', roles: ['SHOPPER', 'ADMIN'] })
  const adminContext = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  await signInContext(adminContext, admin.id)
  const moderator = await adminContext.newPage()
  await moderator.goto('/admin/reviews')
  await expect(moderator.getByRole('link', { name: 'Reviews', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )
  const row = moderator.getByTestId('queue-row').filter({ hasText: 'Reviewed linen dress' })
  await expect(row).toContainText('<b>Perfect</b>')
  await expect(row).toContainText('Verified purchase')
  await expect(row.getByTestId('author-history')).toContainText('0 approved, 0 rejected, 1 pending')
  await row.getByRole('button', { name: 'Approve' }).click()
  await expect(moderator.getByText('Review approved.')).toBeVisible()
  await expect(
    moderator.getByTestId('queue-row').filter({ hasText: 'Reviewed linen dress' }),
  ).toHaveCount(0)
  await adminContext.close()

  // The product page: the review, as typed, with the badge, and the new average (2 + 5) / 2.
  await page.goto(`/p/${dress.slug}`)
  await expect(page.getByTestId('review-average')).toHaveText('3.5')
  await expect(page.getByTestId('review-count')).toHaveText('2 reviews')
  await expect(page.getByTestId('review-bar-5')).toHaveText('1')
  await expect(page.getByTestId('review-fit')).toContainText('Most say: true to size')
  const review = page.getByTestId('review').filter({ hasText: 'Perfect' })
  await expect(review.getByRole('heading')).toHaveText(
    '<b>Perfect</b> <script>window.pwned=1</script>',
  )
  await expect(review).toContainText('<img src=x onerror="window.pwned=1">')
  await expect(review.getByTestId('verified-purchase')).toBeVisible()
  await expect(review.locator('b, script, img')).toHaveCount(0)
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
  await expect(page.getByTestId('own-review')).toHaveAttribute('data-status', 'APPROVED')
})

test('the moderation queue works from the keyboard: j to move, r to reject with a reason, a to approve', async ({
  page,
}) => {
  const { shop } = await createSeller('Keyboard Shop')
  const product = await createProduct(shop.id, {
    title: 'Keyboard tee',
    variants: [{ size: 'S' }, { size: 'M' }],
  })
  const first = await createUser({ name: 'First Writer' })
  const second = await createUser({ name: 'Second Writer' })
  // The queue is oldest first and shared with other tests (one of them puts its review at the
  // very front): these two sit next to each other near its start, and j walks down to them.
  const run = test.info().retry
  const old = new Date(Date.UTC(2001, 0, 1, 0, 0, run * 10))
  const spammy = `Spammy ${run}`
  const solid = `Solid tee ${run}`
  await prisma.review.create({
    data: {
      productId: product.id,
      userId: first.id,
      rating: 1,
      title: spammy,
      body: 'Buy followers at example.',
      queuedAt: old,
    },
  })
  await prisma.review.create({
    data: {
      productId: product.id,
      userId: second.id,
      rating: 4,
      title: solid,
      body: 'Good weight, keeps shape.',
      queuedAt: new Date(old.getTime() + 1000),
    },
  })
  const admin = await createUser({ name: 'Keys Admin', roles: ['SHOPPER', 'ADMIN'] })
  await signInContext(page.context(), admin.id)

  const row = (title: string) => page.getByTestId('queue-row').filter({ hasText: title })
  const focused = (title: string) =>
    row(title).evaluate((element) => element === document.activeElement)
  /** Presses j until the row is focused: rows of other tests may come first, or none. */
  async function walkTo(title: string) {
    for (let step = 0; step < 10 && !(await focused(title)); step++) await page.keyboard.press('j')
    await expect(row(title)).toBeFocused()
  }

  await page.goto('/admin/reviews')
  await expect(page.getByTestId('queue-shortcuts')).toBeVisible()
  // The shortcuts are the page's script: keys pressed before it runs go nowhere.
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  await page.keyboard.press('j')
  await expect(page.getByTestId('queue-row').first()).toBeFocused()
  await walkTo(spammy)
  // j moves one row down: the next is the other review written a second later.
  await page.keyboard.press('j')
  await expect(row(solid)).toBeFocused()
  await page.keyboard.press('k')
  await expect(row(spammy)).toBeFocused()
  await page.keyboard.press('r')
  await page.keyboard.type('Spam')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Review rejected.')).toBeVisible()
  await expect(row(spammy)).toHaveCount(0)
  await walkTo(solid)
  await page.keyboard.press('a')
  await expect(page.getByText('Review approved.')).toBeVisible()
  await expect(row(solid)).toHaveCount(0)
  expect(
    await prisma.review.findMany({
      where: { productId: product.id },
      orderBy: { rating: 'asc' },
      select: { status: true, rejectionReason: true },
    }),
  ).toEqual([
    { status: 'REJECTED', rejectionReason: 'Spam' },
    { status: 'APPROVED', rejectionReason: null },
  ])
  expect(
    await prisma.product.findUniqueOrThrow({
      where: { id: product.id },
      select: { ratingCount: true, rating4: true },
    }),
  ).toEqual({ ratingCount: 1, rating4: 1 })
})

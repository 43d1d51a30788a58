import { prisma } from '~/infra/db.server.ts'
import { TEST_PASSWORD, createUser } from '../support/fixtures.ts'
import { expect, randomClientIp, signInThroughForm, test } from './fixtures.ts'

test.afterAll(async () => {
  await prisma.$disconnect()
})

test('an admin finds a user by email, blocks them with a reason, the user is signed out, and the audit log shows it', async ({
  page,
  browser,
}) => {
  const admin = await createUser({ name: 'Ava Admin', roles: ['SHOPPER', 'ADMIN'] })
  const user = await createUser({ name: 'Rowdy Reviewer' })

  // The user is signed in somewhere else.
  const elsewhere = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const userPage = await elsewhere.newPage()
  await signInThroughForm(userPage, user.email, TEST_PASSWORD)
  await expect(userPage.getByText('Welcome, Rowdy Reviewer.')).toBeVisible()

  await signInThroughForm(page, admin.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Ava Admin.')).toBeVisible()
  await page.goto('/admin/users')
  await page.getByLabel('Email, name or account id').fill(user.email.toUpperCase())
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/admin\/users\?q=/)
  await expect(page.getByTestId('user-row')).toHaveCount(1)
  await page.getByRole('link', { name: 'Rowdy Reviewer' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Rowdy Reviewer' })).toBeVisible()
  await expect(page.getByTestId('activity-sessions')).toContainText('1')
  // The reason is required: an empty submit is stopped at the field.
  await page.getByRole('button', { name: 'Block account' }).click()
  await expect(page.getByText('Say why this account is blocked')).toBeVisible()
  await page.getByLabel('Reason (required)').fill('Abusive language in reviews')
  await page.getByRole('button', { name: 'Block account' }).click()
  await expect(
    page.getByText('The account was blocked and its session was signed out.'),
  ).toBeVisible()
  await expect(page.getByRole('note')).toContainText('Abusive language in reviews')
  await expect(page.getByRole('button', { name: 'Unblock account' })).toBeVisible()

  // The user's open session has ended: the next page asks them to sign in, and signing in is refused.
  await userPage.goto('/account')
  await expect(userPage).toHaveURL(/\/login\?redirectTo=%2Faccount/)
  await signInThroughForm(userPage, user.email, TEST_PASSWORD)
  await expect(userPage.getByText(/This account has been blocked/)).toBeVisible()
  await elsewhere.close()

  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Audit log' })
    .click()
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()
  const row = page.getByTestId('audit-entry').filter({ hasText: 'Rowdy Reviewer' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Blocked user')
  await expect(row).toContainText(admin.email)
  await expect(row).toContainText('Abusive language in reviews')
  await expect(row).toContainText('Active → Blocked')

  // Filters live in the URL.
  await page.getByLabel('Target or reason contains').fill('abusive LANGUAGE')
  await page.getByLabel('Action').selectOption('user.block')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL(/action=user.block/)
  await expect(page.getByTestId('audit-entry')).toHaveCount(1)
  await page.getByLabel('Action').selectOption('user.unblock')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page.getByText('No entry matches these filters.')).toBeVisible()
})

test('admin pages are closed to shoppers and to signed-out visitors', async ({ page }) => {
  const response = await page.goto('/admin/audit')
  expect(response?.status()).toBe(200)
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Faudit/)

  const shopper = await createUser({ name: 'Curious Shopper' })
  await signInThroughForm(page, shopper.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Curious Shopper.')).toBeVisible()
  // A shopper is invited to sell; sellers and admins are not (see the next test).
  await expect(page.getByRole('link', { name: 'Sell on Shikposh' })).toBeVisible()
  for (const path of ['/admin/audit', '/admin/users', `/admin/users/${shopper.id}`]) {
    const forbidden = await page.goto(path)
    expect(forbidden?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  }
})

test('the admin area in Persian: right to left, Persian words and digits, links and forms keep /fa', async ({
  page,
}) => {
  const admin = await createUser({ name: 'Parisa Admin', roles: ['SHOPPER', 'ADMIN'] })
  const user = await createUser({ name: 'Kaveh Shopper' })
  await signInThroughForm(page, admin.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Parisa Admin.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sell on Shikposh' })).toHaveCount(0)

  await page.goto('/fa/admin/users')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page).toHaveTitle('کاربران · مدیریت · شیک‌پوش')
  await expect(page.getByRole('heading', { level: 1, name: 'کاربران' })).toBeVisible()
  await page.getByLabel('ایمیل، نام یا شناسهٔ حساب').fill(user.email)
  await page.getByRole('button', { name: 'جست‌وجو' }).click()
  await expect(page).toHaveURL(/\/fa\/admin\/users\?q=/)
  await expect(page.getByText('۱ حساب یافت شد')).toBeVisible()
  await page.getByRole('link', { name: 'Kaveh Shopper' }).click()
  await expect(page).toHaveURL(new RegExp(`/fa/admin/users/${user.id}$`))

  // A refusal at the field, then the block itself, all in Persian and on the Persian page.
  await page.getByRole('button', { name: 'مسدود کردن حساب' }).click()
  await page.getByLabel('دلیل (الزامی)').fill('هرزنامه')
  await page.getByRole('button', { name: 'مسدود کردن حساب' }).click()
  await expect(page.getByText('حساب مسدود شد.')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/fa/admin/users/${user.id}$`))
  await expect(page.getByRole('note')).toContainText('مسدودشده در')
  // The date is Solar Hijri in Persian digits.
  await expect(page.getByRole('note')).toContainText(/۱۴[۰-۹]{2}/)

  await page
    .getByRole('navigation', { name: 'مدیریت' })
    .getByRole('link', { name: 'گزارش رویدادها' })
    .click()
  await expect(page).toHaveURL(/\/fa\/admin\/audit$/)
  const row = page.getByTestId('audit-entry').first()
  await expect(row).toContainText('مسدود کردن کاربر')
  await expect(row).toContainText('فعال ← مسدود')

  // No horizontal overflow on a phone.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/fa/admin/users')
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
})

import { prisma } from '~/infra/db.server.ts'
import { TEST_PASSWORD, createUser, uniqueEmail } from '../support/fixtures.ts'
import { expect, openAccountMenu, randomClientIp, signInThroughForm, test } from './fixtures.ts'

test.afterAll(async () => {
  await prisma.$disconnect()
})

test('register, sign in before confirming, sign out, sign in, and revoke a session from another browser', async ({
  page,
  browser,
}) => {
  const email = uniqueEmail('journey')
  await page.goto('/register')
  await page.getByLabel('Name').fill('Elif Example')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill('a long password')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible()

  // Before confirming the address, the password signs in too.
  await signInThroughForm(page, email, 'a long password')
  await expect(page.getByText('Welcome, Elif Example.')).toBeVisible()
  await expect(page.getByRole('img', { name: 'Elif Example' })).toBeVisible()

  await openAccountMenu(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(
    page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
  ).toBeVisible()

  await signInThroughForm(page, email, 'a long password')
  await expect(page.getByText('Welcome, Elif Example.')).toBeVisible()

  const elsewhere = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const otherPage = await elsewhere.newPage()
  await signInThroughForm(otherPage, email, 'a long password')
  await expect(otherPage.getByText('Welcome, Elif Example.')).toBeVisible()

  await page.goto('/account/security')
  const rows = page.getByTestId('session-row')
  await expect(rows).toHaveCount(2)
  const other = rows.filter({ hasNot: page.getByText('This browser') })
  await other.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByText('That session was signed out.')).toBeVisible()
  await expect(rows).toHaveCount(1)

  await otherPage.goto('/account')
  await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Faccount/)
  await elsewhere.close()
})

test('wrong details show one message at the form and keep the email typed', async ({ page }) => {
  const user = await createUser()
  await signInThroughForm(page, user.email, 'not my password')
  await expect(page.getByText('Email or password is incorrect')).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
})

test('ten failed sign-ins pause signing in to that account from this IP, with a page saying when to retry', async ({
  page,
}) => {
  const user = await createUser()
  for (let attempt = 1; attempt <= 10; attempt++) {
    await signInThroughForm(page, user.email, `wrong guess ${attempt}`)
    await expect(page.getByText('Email or password is incorrect')).toBeVisible()
  }
  await signInThroughForm(page, user.email, TEST_PASSWORD)
  await expect(page.getByRole('heading', { name: 'Too many sign-in attempts' })).toBeVisible()
  await expect(page.getByText(/Try again in 1[45] minutes/)).toBeVisible()
  expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)

  // The pause applies to the page itself too, straight from the server.
  const response = await page.request.post('/login', {
    form: { email: user.email, password: TEST_PASSWORD },
  })
  expect(response.status()).toBe(429)
  expect(Number(response.headers()['retry-after'])).toBeGreaterThan(800)
})

test('a blocked user is signed out at once and cannot sign back in', async ({ page }) => {
  const user = await createUser({ name: 'Soon Blocked' })
  await signInThroughForm(page, user.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Soon Blocked.')).toBeVisible()

  await prisma.user.update({
    where: { id: user.id },
    data: { status: 'BLOCKED', blockedReason: 'Spam', blockedAt: new Date() },
  })

  await page.goto('/account')
  await expect(page).toHaveURL(/\/login/)
  await signInThroughForm(page, user.email, TEST_PASSWORD)
  await expect(page.getByText(/This account has been blocked/)).toBeVisible()
  expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
})

test('unknown pages get the 404 page inside the site layout', async ({ page }) => {
  const response = await page.goto('/no/such/page')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to the shop' })).toBeVisible()
})

import { prisma } from '~/infra/db.server.ts'
import { expect, test } from './fixtures.ts'

// The API's two faces in a browser: the interactive docs under the CSP, and the account page
// where a person makes a token (shown once), uses it, and revokes it. English and Persian, with
// and without JavaScript, and on a phone.

test.afterAll(async () => {
  await prisma.$disconnect()
})

test('/api/docs renders the OpenAPI document with Swagger UI, served by the app, without CSP errors', async ({
  page,
}) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  const requested: string[] = []
  page.on('request', (request) => requested.push(request.url()))
  await page.goto('/api/docs')
  const origin = new URL(page.url()).origin
  // Swagger UI builds the page from the document after its own large bundle has loaded.
  await expect(page.getByRole('heading', { name: /Shikposh API/ })).toBeVisible({
    timeout: 30_000,
  })
  await expect(
    page.locator('.opblock-summary-path').filter({ hasText: '/me' }).first(),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: /Authorize/ })).toBeVisible()
  expect(problems).toEqual([])
  // Everything comes from the app itself: no CDN.
  expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([])
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/api-docs.png`, fullPage: false })
})

test('create a token (shown once), call the API with it, revoke it: English, with JavaScript', async ({
  page,
  request,
  signInAs,
}) => {
  await signInAs('seller', { name: 'Tara Tokens' })
  await page.goto('/account')
  await page
    .getByRole('navigation', { name: 'Your account' })
    .getByRole('link', { name: 'API tokens' })
    .click()
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible()

  // Nothing chosen: the errors sit at their fields.
  await page.getByRole('button', { name: 'Create token' }).click()
  await expect(page.getByText('Name the token (what will use it?)')).toBeVisible()

  await page.getByLabel('Name').fill('Inventory sync')
  await page.getByLabel('Expires after').selectOption('90')
  await page.getByRole('checkbox', { name: /account:read/ }).check()
  await page.getByRole('checkbox', { name: /shop:write/ }).check()
  await page.getByRole('button', { name: 'Create token' }).click()
  const shown = page.getByTestId('new-token')
  await expect(shown).toContainText('Token “Inventory sync” created')
  const secret = await page.getByLabel('Your new token').inputValue()
  expect(secret).toMatch(/^shk_/)

  const me = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } })
  expect(me.status()).toBe(200)
  expect(await me.json()).toMatchObject({
    name: 'Tara Tokens',
    scopes: ['account:read', 'shop:write'],
  })

  // Shown once: the page read again lists it without the secret, now used.
  await page.reload()
  await expect(page.getByTestId('new-token')).toHaveCount(0)
  await expect(page.getByText(secret)).toHaveCount(0)
  const row = page.getByTestId('token-row').filter({ hasText: 'Inventory sync' })
  await expect(row).toContainText(secret.slice(0, 10))
  await expect(row).toContainText('last used')

  await row.getByRole('button', { name: 'Revoke the token “Inventory sync”' }).click()
  await expect(page.getByText('Token revoked: it no longer works.')).toBeVisible()
  await expect(page.getByTestId('token-row')).toHaveCount(0)
  const after = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } })
  expect(after.status()).toBe(401)
  expect(after.headers()['content-type']).toBe('application/problem+json')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('Persian: create and revoke a token at phone width, fields and digits in Persian', async ({
    page,
    signInAs,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await signInAs('shopper', { name: 'سارا' })
    await page.goto('/fa/account/tokens')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.getByRole('heading', { name: 'توکن‌های API', level: 1 })).toBeVisible()
    // A shopper is offered no shop or admin scopes.
    await expect(page.getByRole('checkbox', { name: /shop:write/ })).toHaveCount(0)
    await expect(page.getByRole('option', { name: '۳۰ روز' })).toHaveCount(1)

    await page.getByRole('button', { name: 'ساختن توکن' }).click()
    await expect(
      page.getByText('برای توکن نامی بگذارید (چه چیزی از آن استفاده می‌کند؟)'),
    ).toBeVisible()

    await page.getByLabel('نام').fill('اپ موبایل')
    await page.getByRole('checkbox', { name: /orders:read/ }).check()
    await page.getByRole('button', { name: 'ساختن توکن' }).click()
    await expect(page.getByTestId('new-token')).toContainText('توکن «اپ موبایل» ساخته شد')
    expect(await page.getByLabel('توکن تازهٔ شما').inputValue()).toMatch(/^shk_/)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({
        path: `${process.env.SCREENSHOT_DIR}/account-tokens-fa-390.png`,
        fullPage: true,
      })

    await page.goto('/fa/account/tokens')
    await page.getByRole('button', { name: 'باطل کردن توکن «اپ موبایل»' }).click()
    await expect(page.getByText('توکن باطل شد: دیگر کار نمی‌کند.')).toBeVisible()
    await expect(page.getByTestId('token-row')).toHaveCount(0)
  })
})

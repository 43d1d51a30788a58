import { prisma } from '~/infra/db.server.ts'
import { TEST_PASSWORD, createUser } from '../support/fixtures.ts'
import { expect, randomClientIp, signInThroughForm, test } from './fixtures.ts'
import { mailsTo } from './mailbox.ts'

test.afterAll(async () => {
  await prisma.$disconnect()
})

/** The reset link of the latest email to `to`, as the app sent it (it writes .eml files). */
async function resetLinkSentTo(to: string) {
  await expect.poll(async () => (await mailsTo(to)).length).toBeGreaterThan(0)
  const text = (await mailsTo(to)).at(-1)!.text
  const url = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(text)![0]
  return new URL(url).pathname + new URL(url).search
}

test('forgot password: a link by email sets a new password, signs in here and out everywhere else', async ({
  page,
  browser,
}) => {
  const user = await createUser({ name: 'Reza Reset' })
  const elsewhere = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const otherPage = await elsewhere.newPage()
  await signInThroughForm(otherPage, user.email, TEST_PASSWORD)
  await expect(otherPage.getByText('Welcome, Reza Reset.')).toBeVisible()

  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot password?' }).click()
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible()
  await page.getByLabel('Email').fill(user.email)
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await expect(page.getByText('Check your inbox')).toBeVisible()
  await expect(page.getByText(user.email)).toBeVisible()

  await page.goto(await resetLinkSentTo(user.email))
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill('my fresh password')
  await page.getByLabel('Repeat the new password').fill('my fresh password')
  await page.getByRole('button', { name: 'Save and sign in' }).click()
  await expect(page).toHaveURL('/account')
  await expect(page.getByText('Your password is changed.')).toBeVisible()

  // The other browser was signed out.
  await otherPage.goto('/account')
  await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Faccount/)
  await elsewhere.close()

  // The link is used up.
  await page.goto(await resetLinkSentTo(user.email))
  await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible()
})

test('forgot password works without JavaScript and in Persian', async ({ browser }) => {
  const user = await createUser()
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const page = await context.newPage()
  await page.goto('/fa/login')
  await page.getByRole('link', { name: 'رمز عبور را فراموش کرده‌اید؟' }).click()
  await expect(page).toHaveURL('/fa/forgot-password')
  await page.getByLabel('ایمیل').fill(user.email)
  await page.getByRole('button', { name: 'پیوند را برایم بفرست' }).click()
  await expect(page.getByText('صندوق ایمیلتان را ببینید')).toBeVisible()

  const link = await resetLinkSentTo(user.email)
  expect(link.startsWith('/fa/reset-password?token=')).toBe(true)
  await page.goto(link)
  await page.getByLabel('رمز عبور تازه', { exact: true }).fill('my fresh password')
  await page.getByLabel('تکرار رمز عبور تازه').fill('my fresh password')
  await page.getByRole('button', { name: 'ذخیره و ورود' }).click()
  await expect(page).toHaveURL('/fa/account')
  await context.close()
})

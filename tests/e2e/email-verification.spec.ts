import { prisma } from '~/infra/db.server.ts'
import { TEST_PASSWORD, createUser, uniqueEmail } from '../support/fixtures.ts'
import { expect, signInContext, test } from './fixtures.ts'
import { mailsTo } from './mailbox.ts'

test.afterAll(async () => {
  await prisma.$disconnect()
})

/** The path of the verification link in the latest email to `to` (as the app sent it). */
async function verifyLinkSentTo(to: string) {
  await expect.poll(async () => (await mailsTo(to)).length).toBeGreaterThan(0)
  const text = (await mailsTo(to)).at(-1)!.text
  const url = new URL(/https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(text)![0])
  return url.pathname + url.search
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('register, check the inbox, open the link: confirmed and signed in', async ({ page }) => {
      const email = uniqueEmail('verify-e2e')
      await page.goto('/register')
      await page.getByLabel('Name').fill('Vera Verify')
      await page.getByLabel('Email').fill(email)
      await page.getByLabel('Password', { exact: true }).fill('a long password')
      await page.getByRole('button', { name: 'Create account' }).click()
      await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible()
      await expect(page.getByText(email)).toBeVisible()

      await page.goto(await verifyLinkSentTo(email))
      await expect(page.getByRole('heading', { name: 'Confirm your email' })).toBeVisible()
      await page.getByRole('button', { name: 'Confirm my email' }).click()
      await expect(page).toHaveURL('/account')
      await expect(page.getByText('Your email is confirmed.')).toBeVisible()
      await expect(page.getByTestId('verify-reminder')).toHaveCount(0)
      const user = await prisma.user.findUniqueOrThrow({ where: { email } })
      expect(user.emailVerifiedAt).not.toBeNull()
    })
  })
}

test('an unverified account is reminded and can ask for a new link', async ({ page, context }) => {
  const user = await createUser({ verified: false })
  await signInContext(context, user.id)
  await page.goto('/account/addresses')
  const reminder = page.getByTestId('verify-reminder')
  await expect(reminder).toContainText(user.email)
  await reminder.getByRole('button', { name: 'Send a new link' }).click()
  await expect(page).toHaveURL('/account/addresses')
  await expect(page.getByText(`We sent a new link to ${user.email}.`)).toBeVisible()
  await page.goto(await verifyLinkSentTo(user.email))
  await page.getByRole('button', { name: 'Confirm my email' }).click()
  await expect(page.getByText('Your email is confirmed.')).toBeVisible()
})

test('change the email: the old address is told, the new one confirmed by its link', async ({
  page,
  context,
}) => {
  const user = await createUser()
  await signInContext(context, user.id)
  const newEmail = uniqueEmail('changed')
  await page.goto('/account')
  await page.getByLabel('Email').fill(newEmail)
  await page.getByLabel('Current password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByText(`We sent a link to ${newEmail}.`)).toBeVisible()
  await expect(page.getByTestId('verify-reminder')).toContainText(newEmail)
  await expect.poll(async () => (await mailsTo(user.email)).length).toBe(1)

  await page.goto(await verifyLinkSentTo(newEmail))
  await page.getByRole('button', { name: 'Confirm my email' }).click()
  await expect(page.getByText('Your email is confirmed.')).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue(newEmail)
  await expect(page.getByTestId('verify-reminder')).toHaveCount(0)
})

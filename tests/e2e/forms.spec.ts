import { prisma } from '~/infra/db.server.ts'
import { TEST_PASSWORD, uniqueEmail } from '../support/fixtures.ts'
import { expect, test } from './fixtures.ts'

// A click right after fixing a field must land: the error line that goes away must not move the
// button out from under the pointer between mousedown (the field's blur) and mouseup.

test.afterAll(async () => {
  await prisma.$disconnect()
})

test('register: after a too-short password, typing a valid one and clicking once creates the account', async ({
  page,
}) => {
  const email = uniqueEmail('one-click')
  await page.goto('/register')
  await page.waitForFunction(() => '__remixRouter' in window)
  await page.getByLabel('Name').pressSequentially('Elif Example')
  await page.getByLabel('Email').pressSequentially(email)
  const password = page.getByLabel('Password', { exact: true })
  await password.pressSequentially('123')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText('Use at least 8 characters')).toBeVisible()

  await password.clear()
  await password.pressSequentially('a long password')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible()
  expect(await prisma.user.count({ where: { email } })).toBe(1)
})

test('change password: after a mismatch, fixing it and clicking once changes the password', async ({
  page,
  signInAs,
}) => {
  await signInAs('shopper')
  await page.goto('/account/security')
  await page.waitForFunction(() => '__remixRouter' in window)
  await page.getByLabel('Current password').pressSequentially(TEST_PASSWORD)
  await page.getByLabel('New password', { exact: true }).pressSequentially('a brand new password')
  const repeat = page.getByLabel('Repeat new password')
  await repeat.pressSequentially('a brand new passwor')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('The two passwords do not match')).toBeVisible()

  await repeat.pressSequentially('d')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Password changed.')).toBeVisible()
  // Issue 17: no password stays typed in the form after the change.
  await expect(page.getByLabel('Current password')).toHaveValue('')
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue('')
  await expect(repeat).toHaveValue('')
})

test('register: the trap field is hidden from people, screen readers and autofill; filled, it is shown with a clear error', async ({
  page,
}) => {
  await page.goto('/register')
  const trap = page.locator('#register-website')
  // `hidden`: not rendered, so neither read out nor autofilled, but still sent by form-filling bots.
  await expect(trap).toBeHidden()
  await expect(page.getByRole('textbox', { name: 'Leave this field empty' })).toHaveCount(0)
  const email = uniqueEmail('trap')
  await page.getByLabel('Name').fill('Tara Trap')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill('a long password')
  await trap.evaluate((input: HTMLInputElement) => (input.value = 'https://autofill.example'))
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('textbox', { name: 'Leave this field empty' })).toBeVisible()
  await expect(page.getByText('perhaps your browser’s autofill')).toBeVisible()
  expect(await prisma.user.count({ where: { email } })).toBe(0)

  // The person empties it, as the message says, and registers.
  await page.getByRole('textbox', { name: 'Leave this field empty' }).fill('')
  await page.getByLabel('Password', { exact: true }).fill('a long password')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible()
  expect(await prisma.user.count({ where: { email } })).toBe(1)
})

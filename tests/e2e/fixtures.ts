import { randomInt } from 'node:crypto'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { signIn } from '../support/fixtures.ts'

export { expect }

/** A documentation-range address, different for each test so rate limits never leak between tests. */
export function randomClientIp() {
  return `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`
}

export const test = base.extend<{ clientIp: string }>({
  clientIp: async ({}, use) => use(randomClientIp()),
  extraHTTPHeaders: async ({ clientIp }, use) => use({ 'X-Forwarded-For': clientIp }),
})

export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

export async function openAccountMenu(page: Page) {
  await page.locator('header summary').click()
}

/** Signs the browser context in as the user, without the sign-in form. */
export async function signInContext(context: BrowserContext, baseURL: string, userId: string) {
  const { cookie } = await signIn(userId)
  const [name, value] = cookie.split('=') as [string, string]
  await context.addCookies([{ name, value, url: baseURL }])
}

import { randomInt } from 'node:crypto'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { createUser, signIn } from '../support/fixtures.ts'
import { createSeller } from '../support/shop-fixtures.ts'
import { E2E_BASE_URL } from './environment.ts'

export { expect }

/** A documentation-range address, different for each test so rate limits never leak between tests. */
export function randomClientIp() {
  return `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`
}

type User = Awaited<ReturnType<typeof createUser>>
type Shop = Awaited<ReturnType<typeof createSeller>>['shop']

/**
 * Signs the test's browser context in as a new user of that role, without the sign-in form: a
 * shopper, a seller with a shop of their own, or an admin.
 */
type SignInAs = {
  (role: 'shopper' | 'admin', options?: { name?: string }): Promise<{ user: User }>
  (role: 'seller', options?: { name?: string }): Promise<{ user: User; shop: Shop }>
}

export const test = base.extend<{ clientIp: string; signInAs: SignInAs }>({
  clientIp: async ({}, use) => use(randomClientIp()),
  extraHTTPHeaders: async ({ clientIp }, use) => use({ 'X-Forwarded-For': clientIp }),
  signInAs: async ({ context }, use) => {
    const signInAs = async (role: 'shopper' | 'seller' | 'admin', options = {}) => {
      const { name } = options as { name?: string }
      const signedIn =
        role === 'seller'
          ? await createSeller(name)
          : {
              user: await createUser({
                name,
                roles: role === 'admin' ? ['SHOPPER', 'ADMIN'] : ['SHOPPER'],
              }),
            }
      await signInContext(context, signedIn.user.id)
      return signedIn
    }
    await use(signInAs as SignInAs)
  },
})

export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto('/login')
  // Typed once the page's script runs, as a person who sees the page does.
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

export async function openAccountMenu(page: Page) {
  await page.locator('header summary').click()
}

/** Signs the browser context in as the user, without the sign-in form. */
export async function signInContext(context: BrowserContext, userId: string) {
  const { cookie } = await signIn(userId)
  const index = cookie.indexOf('=')
  await context.addCookies([
    { name: cookie.slice(0, index), value: cookie.slice(index + 1), url: E2E_BASE_URL },
  ])
}

import bcrypt from 'bcryptjs'
import { describe, expect, test, vi } from 'vitest'
import { message } from '~/i18n/validation.ts'
import { prisma } from '~/infra/db.server.ts'
import { LOGIN_LIMITS, loginDelayMs } from '~/services/accounts/login-limits.server.ts'
import { action as loginAction, loader as loginLoader } from '~/routes/($locale).login.tsx'
import { action as logoutAction } from '~/routes/logout.tsx'
import { TEST_PASSWORD, createUser, signIn, uniqueEmail } from '../support/fixtures.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'

const SESSION_COOKIE = 'shikposh_session'

function formErrors(result: { data: unknown }) {
  return (result.data as { error?: Record<string, string[]> }).error ?? {}
}

function login(form: Record<string, string>, ip = '198.51.100.1') {
  return callRoute(loginAction, routeRequest('/login', { form }), { context: { clientIp: ip } })
}

describe('sign in', () => {
  test('starts a new session with a new id at every sign-in', async () => {
    const user = await createUser()
    const first = await login({ email: user.email, password: TEST_PASSWORD })
    const second = await login({ email: user.email.toUpperCase(), password: TEST_PASSWORD })
    expect(first.status).toBe(302)
    expect(second.status).toBe(302)
    const a = cookieFrom(first.headers, SESSION_COOKIE)
    const b = cookieFrom(second.headers, SESSION_COOKIE)
    expect(a).toBeTruthy()
    expect(a).not.toBe(b)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2)
  })

  test('signing in from a browser that had a session replaces that session', async () => {
    const user = await createUser()
    const { cookie, session } = await signIn(user.id)
    // The sign-in page itself sends signed-in people to their account.
    const page = await callRoute(loginLoader, routeRequest('/login', { cookie }))
    expect(page.headers.get('Location')).toBe('/account')
    const result = await callRoute(
      loginAction,
      routeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD }, cookie }),
    )
    expect(result.status).toBe(302)
    expect(await prisma.session.findUnique({ where: { id: session.id } })).toBeNull()
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
  })

  test('the session cookie holds only a random token: HttpOnly, SameSite=Lax, 30 days', async () => {
    const user = await createUser()
    const result = await login({ email: user.email, password: TEST_PASSWORD })
    const header = result.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))!
    expect(header).toMatch(/HttpOnly/i)
    expect(header).toMatch(/SameSite=Lax/i)
    expect(header).toMatch(/Max-Age=2592000/)
    expect(header).not.toContain(user.id)
    const row = await prisma.session.findFirstOrThrow({ where: { userId: user.id } })
    expect(header).not.toContain(row.id)
    expect(header).not.toContain(row.tokenHash)
  })

  test('unknown email and wrong password get the same answer after the same bcrypt work', async () => {
    const user = await createUser()
    const compare = vi.spyOn(bcrypt, 'compare')
    const wrongPassword = await login(
      { email: user.email, password: 'not the password' },
      '198.51.100.20',
    )
    const comparesForWrongPassword = compare.mock.calls.length
    const unknownEmail = await login(
      { email: uniqueEmail('nobody'), password: 'not the password' },
      '198.51.100.21',
    )
    expect(wrongPassword.status).toBe(400)
    expect(unknownEmail.status).toBe(400)
    expect(formErrors(wrongPassword)).toEqual(formErrors(unknownEmail))
    expect(formErrors(wrongPassword)['']).toEqual(['Email or password is incorrect'])
    expect(comparesForWrongPassword).toBe(1)
    expect(compare.mock.calls.length - comparesForWrongPassword).toBe(1)
  })

  test('a blocked user cannot sign in', async () => {
    const user = await createUser({ status: 'BLOCKED' })
    const result = await login({ email: user.email, password: TEST_PASSWORD })
    expect(result.status).toBe(400)
    expect(formErrors(result)['']?.[0]).toMatch(/blocked/)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })

  test('10 failures from one IP refuse that IP for that account; the owner elsewhere still signs in', async () => {
    const target = await createUser()
    const bystander = await createUser()
    const attacker = '203.0.113.1'
    for (let i = 0; i < LOGIN_LIMITS.perAccountAndIp.points; i++) {
      expect((await login({ email: target.email, password: `wrong ${i}` }, attacker)).status).toBe(
        400,
      )
    }
    const refused = await login({ email: target.email, password: TEST_PASSWORD }, attacker)
    expect(refused.status).toBe(429)
    expect(refused.thrown).toBe(true)
    expect(Date.parse((refused.data as { retryAt: string }).retryAt)).toBeGreaterThan(
      Date.now() + 14 * 60 * 1000,
    )
    expect(await prisma.session.count({ where: { userId: target.id } })).toBe(0)

    // The lockout cannot be aimed at the owner: from their own IP they sign in at once.
    const owner = await login({ email: target.email, password: TEST_PASSWORD }, '203.0.113.99')
    expect(owner.status).toBe(302)
    // The attacker's IP may still try other accounts (until its own overall limit).
    const other = await login({ email: bystander.email, password: TEST_PASSWORD }, attacker)
    expect(other.status).toBe(302)
  })

  test('an IP failing across many accounts is refused for every account, and only that IP', async () => {
    const user = await createUser()
    const ip = '198.51.100.77'
    for (let i = 0; i < LOGIN_LIMITS.perIp.points; i++) {
      expect((await login({ email: uniqueEmail('guess'), password: 'guess' }, ip)).status).toBe(400)
    }
    expect((await login({ email: user.email, password: TEST_PASSWORD }, ip)).status).toBe(429)
    expect(
      (await login({ email: user.email, password: TEST_PASSWORD }, '198.51.100.78')).status,
    ).toBe(302)
  })

  test('an account failing from many IPs is slowed down, more at each failure, never locked', async () => {
    const target = await createUser()
    const { free, baseMs } = LOGIN_LIMITS.perAccount
    for (let i = 0; i < free; i++) {
      const ip = `192.0.2.${10 + i}`
      expect((await login({ email: target.email, password: `wrong ${i}` }, ip)).status).toBe(400)
    }
    const delays: number[] = [await loginDelayMs(target.email)]
    for (let i = 0; i < 2; i++) {
      const started = performance.now()
      const failed = await login(
        { email: target.email, password: 'still wrong' },
        `192.0.2.${60 + i}`,
      )
      expect(failed.status).toBe(400)
      // The attempt waited the delay before its password was even checked.
      expect(performance.now() - started).toBeGreaterThanOrEqual(delays.at(-1)! - 5)
      delays.push(await loginDelayMs(target.email))
    }
    expect(delays).toEqual([baseMs, baseMs * 2, baseMs * 4])

    // Slowed, not locked: the owner signs in after the same wait.
    const started = performance.now()
    const owner = await login({ email: target.email, password: TEST_PASSWORD }, '192.0.2.99')
    expect(owner.status).toBe(302)
    expect(performance.now() - started).toBeGreaterThanOrEqual(baseMs * 4 - 5)
  })

  test('malformed input is a 400 at the field, not a crash', async () => {
    const result = await login({ email: 'not-an-email', password: '' })
    expect(result.status).toBe(400)
    expect(formErrors(result).email).toEqual([message('account.emailInvalid')])
    expect(formErrors(result).password).toEqual([message('account.yourPassword')])
  })
})

describe('sign out', () => {
  test('deletes the session row and clears the cookie', async () => {
    const user = await createUser()
    const { cookie, session } = await signIn(user.id)
    const result = await callRoute(
      logoutAction,
      routeRequest('/logout', { method: 'POST', cookie }),
    )
    expect(result.status).toBe(302)
    expect(await prisma.session.findUnique({ where: { id: session.id } })).toBeNull()
    expect(result.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(
      /Max-Age=0/,
    )
  })
})

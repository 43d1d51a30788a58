import { describe, expect, test } from 'vitest'
import { message } from '~/i18n/validation.ts'
import { prisma } from '~/infra/db.server.ts'
import {
  action as profileAction,
  loader as profileLoader,
} from '~/routes/($locale).account._index/route.tsx'
import {
  action as securityAction,
  loader as securityLoader,
} from '~/routes/($locale).account.security.tsx'
import { getUser, requireRole } from '~/services/accounts/auth.server.ts'
import { CURRENT_PASSWORD_LIMIT } from '~/services/accounts/login-limits.server.ts'
import { verifyPassword } from '~/services/accounts/passwords.server.ts'
import { SESSION_IDLE_TIMEOUT_MS } from '~/services/accounts/sessions.server.ts'
import { TEST_PASSWORD, createUser, signIn, uniqueEmail } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

function fieldErrors(result: { data: unknown }) {
  const data = result.data as {
    error?: Record<string, string[]>
    result?: { error?: Record<string, string[]> }
  }
  return data.error ?? data.result?.error ?? {}
}

describe('/account', () => {
  test('sends anonymous visitors to sign in and back', async () => {
    const result = await callRoute(profileLoader, routeRequest('/account'))
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe('/login?redirectTo=%2Faccount')
  })

  test('renames without asking for the password', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const result = await callRoute(
      profileAction,
      routeRequest('/account', { cookie, form: { name: 'Renamed Person', email: user.email } }),
    )
    expect(result.status).toBe(302)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(
      'Renamed Person',
    )
  })

  test('changing the email asks for the current password', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const newEmail = uniqueEmail('moved')

    const missing = await callRoute(
      profileAction,
      routeRequest('/account', { cookie, form: { name: user.name, email: newEmail } }),
    )
    expect(missing.status).toBe(400)
    expect(fieldErrors(missing).currentPassword).toEqual(['That is not your current password'])
    const wrong = await callRoute(
      profileAction,
      routeRequest('/account', {
        cookie,
        form: { name: user.name, email: newEmail, currentPassword: 'nope nope' },
      }),
    )
    expect(wrong.status).toBe(400)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email)

    const ok = await callRoute(
      profileAction,
      routeRequest('/account', {
        cookie,
        form: { name: user.name, email: newEmail.toUpperCase(), currentPassword: TEST_PASSWORD },
      }),
    )
    expect(ok.status).toBe(302)
    // The address changes once the new one is confirmed (tests/routes/email-change.test.ts).
    expect(await prisma.emailToken.count({ where: { userId: user.id, email: newEmail } })).toBe(1)
  })
})

describe('/account/security', () => {
  test('changing the password signs out every other session and keeps this one', async () => {
    const user = await createUser()
    const here = await signIn(user.id)
    const phone = await signIn(user.id)
    const laptop = await signIn(user.id)
    const result = await callRoute(
      securityAction,
      routeRequest('/account/security', {
        cookie: here.cookie,
        form: {
          intent: 'change-password',
          currentPassword: TEST_PASSWORD,
          newPassword: 'a brand new one',
          confirmPassword: 'a brand new one',
        },
      }),
    )
    expect(result.status).toBe(302)
    const remaining = await prisma.session.findMany({ where: { userId: user.id } })
    expect(remaining.map((session) => session.id)).toEqual([here.session.id])
    expect(phone.session.id).not.toBe(here.session.id)
    expect(laptop.session.id).not.toBe(here.session.id)
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })
    expect(await verifyPassword('a brand new one', stored.hash)).toBe(true)
  })

  test('a wrong current password or a mismatched repeat changes nothing', async () => {
    const user = await createUser()
    const here = await signIn(user.id)
    await signIn(user.id)
    const wrong = await callRoute(
      securityAction,
      routeRequest('/account/security', {
        cookie: here.cookie,
        form: {
          intent: 'change-password',
          currentPassword: 'wrong wrong',
          newPassword: 'a brand new one',
          confirmPassword: 'a brand new one',
        },
      }),
    )
    expect(wrong.status).toBe(400)
    expect(fieldErrors(wrong).currentPassword).toEqual(['That is not your current password'])
    const mismatch = await callRoute(
      securityAction,
      routeRequest('/account/security', {
        cookie: here.cookie,
        form: {
          intent: 'change-password',
          currentPassword: TEST_PASSWORD,
          newPassword: 'a brand new one',
          confirmPassword: 'another one!',
        },
      }),
    )
    expect(mismatch.status).toBe(400)
    expect(fieldErrors(mismatch).confirmPassword).toEqual([message('account.passwordsDiffer')])
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2)
  })

  test('wrong current passwords are limited per account, across the password and email forms', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const changePassword = (currentPassword: string) =>
      callRoute(
        securityAction,
        routeRequest('/account/security', {
          cookie,
          form: {
            intent: 'change-password',
            currentPassword,
            newPassword: 'a brand new one',
            confirmPassword: 'a brand new one',
          },
        }),
      )
    const changeEmail = (currentPassword: string) =>
      callRoute(
        profileAction,
        routeRequest('/account', {
          cookie,
          form: { name: user.name, email: uniqueEmail('moved'), currentPassword },
        }),
      )
    for (let i = 0; i < CURRENT_PASSWORD_LIMIT.points; i++) {
      const answer = await (i % 2 ? changeEmail : changePassword)(`wrong ${i}`)
      expect(answer.status).toBe(400)
    }
    // Even the right password is not checked any more, on either form.
    for (const answer of [await changePassword(TEST_PASSWORD), await changeEmail(TEST_PASSWORD)]) {
      expect(answer.status).toBe(429)
      expect(Number(answer.headers.get('Retry-After'))).toBeGreaterThan(800)
    }
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })
    expect(await verifyPassword(TEST_PASSWORD, stored.hash)).toBe(true)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email)
  })

  test('lists the sessions with device and marks this one', async () => {
    const user = await createUser()
    const here = await signIn(user.id, {
      userAgent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15',
      ip: '203.0.113.5',
    })
    await signIn(user.id, {
      userAgent:
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
      ip: '203.0.113.6',
    })
    const result = await callRoute(
      securityLoader,
      routeRequest('/account/security', { cookie: here.cookie }),
    )
    const { sessions } = result.data as {
      sessions: Array<{ id: string; device: string; current: boolean; ip: string }>
    }
    expect(sessions).toHaveLength(2)
    expect(sessions.find((session) => session.current)).toMatchObject({
      id: here.session.id,
      device: 'Safari on macOS',
      ip: '203.0.113.5',
    })
    expect(sessions.find((session) => !session.current)).toMatchObject({
      device: 'Chrome on Android',
    })
  })

  test("revokes one of one's own sessions, but never another user's", async () => {
    const user = await createUser()
    const other = await createUser()
    const here = await signIn(user.id)
    const mine = await signIn(user.id)
    const theirs = await signIn(other.id)

    const refused = await callRoute(
      securityAction,
      routeRequest('/account/security', {
        cookie: here.cookie,
        form: { intent: 'revoke-session', sessionId: theirs.session.id },
      }),
    )
    expect(refused.status).toBe(404)
    expect(await prisma.session.findUnique({ where: { id: theirs.session.id } })).not.toBeNull()

    const revoked = await callRoute(
      securityAction,
      routeRequest('/account/security', {
        cookie: here.cookie,
        form: { intent: 'revoke-session', sessionId: mine.session.id },
      }),
    )
    expect(revoked.status).toBe(302)
    expect(await prisma.session.findUnique({ where: { id: mine.session.id } })).toBeNull()
    expect(await getUser(routeRequest('/', { cookie: mine.cookie }))).toBeNull()
    expect(await getUser(routeRequest('/', { cookie: here.cookie }))).toMatchObject({ id: user.id })
  })
})

describe('sessions', () => {
  test('end after the idle timeout and after 30 days whatever the activity', async () => {
    const user = await createUser()
    const idle = await signIn(user.id)
    await prisma.session.update({
      where: { id: idle.session.id },
      data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_TIMEOUT_MS - 1000) },
    })
    expect(await getUser(routeRequest('/', { cookie: idle.cookie }))).toBeNull()
    expect(await prisma.session.findUnique({ where: { id: idle.session.id } })).toBeNull()

    const old = await signIn(user.id)
    await prisma.session.update({
      where: { id: old.session.id },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    })
    expect(await getUser(routeRequest('/', { cookie: old.cookie }))).toBeNull()
  })

  test('of a blocked user end at their next request', async () => {
    const user = await createUser()
    const { cookie, session } = await signIn(user.id)
    await prisma.user.update({
      where: { id: user.id },
      data: { status: 'BLOCKED', blockedReason: 'Spam', blockedAt: new Date() },
    })
    expect(await getUser(routeRequest('/', { cookie }))).toBeNull()
    expect(await prisma.session.findUnique({ where: { id: session.id } })).toBeNull()
  })

  test('a forged or tampered cookie is nobody', async () => {
    expect(await getUser(routeRequest('/', { cookie: 'shikposh_session=forged' }))).toBeNull()
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    expect(await getUser(routeRequest('/', { cookie: `${cookie.slice(0, -3)}abc` }))).toBeNull()
  })
})

describe('requireRole', () => {
  test('gives 403 to a signed-in user without the role and passes one with it', async () => {
    const shopper = await createUser()
    const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
    const denied = await requireRole(
      routeRequest('/admin', { cookie: (await signIn(shopper.id)).cookie }),
      'ADMIN',
    ).catch((error: unknown) => error)
    expect(denied).toBeInstanceOf(Response)
    expect((denied as Response).status).toBe(403)
    await expect(
      requireRole(routeRequest('/admin', { cookie: (await signIn(admin.id)).cookie }), 'ADMIN'),
    ).resolves.toMatchObject({ id: admin.id })
  })
})

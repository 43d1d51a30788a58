import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { hashEmailToken } from '~/services/accounts/email-tokens.server.ts'
import { verifyPassword } from '~/services/accounts/passwords.server.ts'
import { RESET_LIMITS } from '~/services/accounts/recovery.server.ts'
import { action as forgotAction } from '~/routes/($locale).forgot-password.tsx'
import { action as loginAction } from '~/routes/($locale).login.tsx'
import { action as resetAction, loader as resetLoader } from '~/routes/($locale).reset-password.tsx'
import { TEST_PASSWORD, createUser, signIn, uniqueEmail } from '../support/fixtures.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'
import { mailsTo } from '../support/queued-mail.ts'

const NEW_PASSWORD = 'a brand new password'

async function resetMails(to: string) {
  return (await mailsTo(to)).filter((mail) => /password/i.test(mail.text + mail.subject))
}

function tokenIn(mail: { text: string }) {
  const match = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)
  return match?.[1]
}

function askForReset(email: string, { ip = '198.51.100.20', path = '/forgot-password' } = {}) {
  return callRoute(forgotAction, routeRequest(path, { form: { email } }), {
    context: { clientIp: ip },
  })
}

function reset(token: string, password = NEW_PASSWORD, confirm = password) {
  return callRoute(
    resetAction,
    routeRequest('/reset-password', {
      form: { token, newPassword: password, confirmPassword: confirm },
    }),
    { context: { clientIp: '198.51.100.21' } },
  )
}

describe('forgot password', () => {
  test('an existing account gets one link by email; an unknown address gets the same answer and nothing', async () => {
    const user = await createUser()
    const known = await askForReset(user.email.toUpperCase())
    const unknownEmail = uniqueEmail('nobody')
    const unknown = await askForReset(unknownEmail)

    expect(known.status).toBe(200)
    expect(unknown.status).toBe(200)
    expect((known.data as { sentTo: string }).sentTo).toBe(user.email)
    expect((unknown.data as { sentTo: string }).sentTo).toBe(unknownEmail)
    expect(Object.keys(known.data as object).sort()).toEqual(
      Object.keys(unknown.data as object).sort(),
    )

    const mails = await resetMails(user.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Reset your Shikposh password')
    expect(mails[0]!.text).toContain('http://localhost:3000/reset-password?token=')
    expect(await resetMails(unknownEmail)).toHaveLength(0)
    expect(await prisma.emailToken.count({ where: { email: unknownEmail } })).toBe(0)
  })

  test('the token is stored only as its hash, and expires in 30 minutes', async () => {
    const user = await createUser()
    const before = Date.now()
    await askForReset(user.email)
    const token = tokenIn((await resetMails(user.email))[0]!)!
    const rows = await prisma.emailToken.findMany({ where: { userId: user.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]!.tokenHash).toBe(hashEmailToken(token))
    expect(JSON.stringify(rows)).not.toContain(token)
    const ttl = rows[0]!.expiresAt.getTime() - before
    expect(ttl).toBeGreaterThan(29 * 60 * 1000)
    expect(ttl).toBeLessThanOrEqual(30 * 60 * 1000 + 5000)
  })

  test('asked from a Persian page, the email is in Persian and links to the Persian page', async () => {
    const user = await createUser({ name: 'Sara' })
    await askForReset(user.email, { path: '/fa/forgot-password' })
    const [mail] = await resetMails(user.email)
    expect(mail!.subject).toBe('بازنشانی رمز عبور شیک‌پوش')
    expect(mail!.text).toContain('سلام Sara،')
    expect(mail!.text).toContain('http://localhost:3000/fa/reset-password?token=')
    expect(mail!.html).toContain('dir="rtl"')
  })

  test('an account that chose Persian gets it in Persian, even asked from an English page', async () => {
    const user = await createUser({ name: 'Sara' })
    await prisma.user.update({ where: { id: user.id }, data: { locale: 'fa' } })
    await askForReset(user.email, { ip: '198.51.100.90' })
    const [mail] = await resetMails(user.email)
    expect(mail!.subject).toBe('بازنشانی رمز عبور شیک‌پوش')
    expect(mail!.text).toContain('http://localhost:3000/fa/reset-password?token=')
  })

  test('an address gets at most 3 emails an hour, and the answer does not change', async () => {
    const user = await createUser()
    for (let i = 0; i < RESET_LIMITS.perEmail.points + 2; i++) {
      const answer = await askForReset(user.email, { ip: `198.51.100.${30 + i}` })
      expect(answer.status).toBe(200)
    }
    expect(await resetMails(user.email)).toHaveLength(RESET_LIMITS.perEmail.points)
  })

  test('an IP asking too often gets a 429 with Retry-After; another IP does not', async () => {
    const ip = '198.51.100.60'
    for (let i = 0; i < RESET_LIMITS.perIp.points; i++) {
      expect((await askForReset(uniqueEmail(), { ip })).status).toBe(200)
    }
    const refused = await askForReset(uniqueEmail(), { ip })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await askForReset(uniqueEmail(), { ip: '198.51.100.61' })).status).toBe(200)
  })

  test('a malformed email is a 400 at the field', async () => {
    const answer = await askForReset('not an email')
    expect(answer.status).toBe(400)
    const error = (answer.data as { result: { error: Record<string, string[]> } }).result.error
    expect(error.email?.length).toBeGreaterThan(0)
  })
})

describe('reset password', () => {
  test('sets the new password, ends every session, signs this browser in, and the link works once', async () => {
    const user = await createUser()
    await signIn(user.id)
    await signIn(user.id)
    await askForReset(user.email)
    const token = tokenIn((await resetMails(user.email))[0]!)!

    const page = await callRoute(resetLoader, routeRequest(`/reset-password?token=${token}`))
    expect((page.data as { email: string }).email).toBe(user.email)
    expect(page.headers.get('Referrer-Policy')).toBe('same-origin')
    // Opening the page uses nothing up.
    expect(await prisma.emailToken.count({ where: { userId: user.id } })).toBe(1)

    const done = await reset(token)
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe('/account')
    expect(cookieFrom(done.headers, 'shikposh_session')).toBeTruthy()
    const sessions = await prisma.session.findMany({ where: { userId: user.id } })
    expect(sessions).toHaveLength(1)
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })
    expect(await verifyPassword(NEW_PASSWORD, stored.hash)).toBe(true)
    expect(await verifyPassword(TEST_PASSWORD, stored.hash)).toBe(false)

    const again = await reset(token, 'yet another password')
    expect(again.status).toBe(400)
    expect((again.data as { error: Record<string, string[]> }).error['']).toEqual([
      'This link has expired or has already been used.',
    ])
    const after = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })
    expect(after.hash).toBe(stored.hash)

    const login = await callRoute(
      loginAction,
      routeRequest('/login', { form: { email: user.email, password: NEW_PASSWORD } }),
      { context: { clientIp: '198.51.100.22' } },
    )
    expect(login.status).toBe(302)
  })

  test('an expired link changes nothing, and its page says so', async () => {
    const user = await createUser()
    await askForReset(user.email)
    const token = tokenIn((await resetMails(user.email))[0]!)!
    await prisma.emailToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    const page = await callRoute(resetLoader, routeRequest(`/reset-password?token=${token}`))
    expect((page.data as { token: string | null }).token).toBeNull()
    const refused = await reset(token)
    expect(refused.status).toBe(400)
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })
    expect(await verifyPassword(TEST_PASSWORD, stored.hash)).toBe(true)
  })

  test('a newer link replaces the older one', async () => {
    const user = await createUser()
    await askForReset(user.email)
    await askForReset(user.email)
    const [first, second] = (await resetMails(user.email)).map(tokenIn)
    expect((await reset(first!)).status).toBe(400)
    expect((await reset(second!)).status).toBe(302)
  })

  test('a weak or mismatched new password is a 400 at the field and keeps the link', async () => {
    const user = await createUser()
    await askForReset(user.email)
    const token = tokenIn((await resetMails(user.email))[0]!)!
    const short = await reset(token, 'short')
    expect(short.status).toBe(400)
    expect((short.data as { error: Record<string, string[]> }).error.newPassword).toBeTruthy()
    const mismatch = await reset(token, NEW_PASSWORD, 'something else')
    expect(
      (mismatch.data as { error: Record<string, string[]> }).error.confirmPassword,
    ).toBeTruthy()
    expect(await prisma.emailToken.count({ where: { userId: user.id } })).toBe(1)
  })

  test('a forged token is refused without a crash', async () => {
    expect((await reset('x'.repeat(43))).status).toBe(400)
    expect((await reset('\u0000; DROP TABLE')).status).toBe(400)
    const page = await callRoute(resetLoader, routeRequest('/reset-password?token=%00'))
    expect(page.status).toBe(200)
  })

  test('a blocked user gets no email and cannot use an older link', async () => {
    const user = await createUser()
    await askForReset(user.email)
    const token = tokenIn((await resetMails(user.email))[0]!)!
    await prisma.user.update({
      where: { id: user.id },
      data: { status: 'BLOCKED', blockedAt: new Date(), blockedReason: 'test' },
    })
    expect((await reset(token)).status).toBe(400)
    await askForReset(user.email, { ip: '198.51.100.70' })
    expect(await resetMails(user.email)).toHaveLength(1)
  })
})

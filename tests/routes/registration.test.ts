import { describe, expect, test } from 'vitest'
import { message } from '~/i18n/validation.ts'
import { prisma } from '~/infra/db.server.ts'
import { loader as accountLoader } from '~/routes/($locale).account/route.tsx'
import { action as loginAction } from '~/routes/($locale).login.tsx'
import { action as registerAction } from '~/routes/($locale).register.tsx'
import { action as verifyAction, loader as verifyLoader } from '~/routes/($locale).verify-email.tsx'
import { hashEmailToken } from '~/services/accounts/email-tokens.server.ts'
import {
  REGISTRATION_LIMIT,
  REGISTRATION_MAIL_LIMIT,
} from '~/services/accounts/registration.server.ts'
import { RESEND_LIMIT } from '~/services/accounts/verification.server.ts'
import { createUser, signIn, uniqueEmail } from '../support/fixtures.ts'
import { linkToken, mailsTo } from '../support/queued-mail.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'

const SESSION_COOKIE = 'shikposh_session'
const PASSWORD = 'a good password'

function formErrors(result: { data: unknown }) {
  return (result.data as { result?: { error?: Record<string, string[]> } }).result?.error ?? {}
}

// Each call from its own address unless a test says otherwise (the per-IP limit is tested apart).
let lastOctet = 0
const nextIp = () => `203.0.113.${++lastOctet}`

function register(
  form: Record<string, string>,
  {
    ip = nextIp(),
    path = '/register',
    cookie,
  }: { ip?: string; path?: string; cookie?: string } = {},
) {
  return callRoute(registerAction, routeRequest(path, { form, cookie }), {
    context: { clientIp: ip },
  })
}

function confirm(token: string, cookie?: string) {
  return callRoute(verifyAction, routeRequest('/verify-email', { form: { token }, cookie }), {
    context: { clientIp: '192.0.2.2' },
  })
}

describe('register', () => {
  test('creates an unverified account with a lower-cased email, signs nobody in and sends a link', async () => {
    const email = uniqueEmail('New')
    const result = await register({
      name: '  Nasrin  ',
      email: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      redirectTo: '/account',
    })
    expect(result.status).toBe(200)
    expect((result.data as { sentTo: string }).sentTo).toBe(email.toLowerCase())
    expect(cookieFrom(result.headers, SESSION_COOKIE)).toBeFalsy()
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: email.toLowerCase() },
      include: { password: true, sessions: true, emailTokens: true },
    })
    expect(user.name).toBe('Nasrin')
    expect(user.roles).toEqual(['SHOPPER'])
    // bcrypt at the configured cost (12 unless set: tests/infra/env.test.ts; the suites use 4).
    expect(user.password!.hash).toMatch(/^\$2[aby]\$04\$/)
    expect(user.emailVerifiedAt).toBeNull()
    expect(user.sessions).toHaveLength(0)

    const [mail] = await mailsTo(user.email)
    expect(mail!.subject).toBe('Confirm your email for Shikposh')
    const token = linkToken(mail, '/verify-email')!
    expect(mail!.text).toContain(`http://localhost:3000/verify-email?token=${token}`)
    // Stored only as its hash, for 24 hours.
    expect(user.emailTokens).toHaveLength(1)
    expect(user.emailTokens[0]!.tokenHash).toBe(hashEmailToken(token))
    expect(JSON.stringify(user.emailTokens)).not.toContain(token)
    const ttl = user.emailTokens[0]!.expiresAt.getTime() - Date.now()
    expect(ttl).toBeGreaterThan(23.9 * 60 * 60 * 1000)
    expect(ttl).toBeLessThanOrEqual(24 * 60 * 60 * 1000)
  })

  test('an address that has an account gets the same answer, and its owner an email instead', async () => {
    const existing = await createUser({ name: 'Owner' })
    const fresh = await register({ name: 'New', email: uniqueEmail(), password: PASSWORD })
    const taken = await register({
      name: 'Copy',
      email: existing.email.toUpperCase(),
      password: PASSWORD,
    })
    expect(taken.status).toBe(fresh.status)
    expect(Object.keys(taken.data as object).sort()).toEqual(
      Object.keys(fresh.data as object).sort(),
    )
    expect((taken.data as { sentTo: string }).sentTo).toBe(existing.email)
    expect(cookieFrom(taken.headers, SESSION_COOKIE)).toBeFalsy()
    expect(await prisma.user.count({ where: { email: existing.email } })).toBe(1)
    const [mail] = await mailsTo(existing.email)
    expect(mail!.subject).toBe('Someone tried to create a Shikposh account with your email')
    expect(mail!.text).toContain('Hello Owner,')
    expect(mail!.text).toContain('http://localhost:3000/forgot-password')
    expect(await prisma.emailToken.count({ where: { userId: existing.id } })).toBe(0)
  })

  test('the owner of a taken address gets at most 3 such emails an hour, silently', async () => {
    const existing = await createUser()
    for (let i = 0; i < REGISTRATION_MAIL_LIMIT.points + 2; i++) {
      const answer = await register(
        { name: 'Copy', email: existing.email, password: PASSWORD },
        { ip: `192.0.2.${20 + i}` },
      )
      expect(answer.status).toBe(200)
    }
    expect(await mailsTo(existing.email)).toHaveLength(REGISTRATION_MAIL_LIMIT.points)
  })

  test('emails go in the recipient’s language: the page’s for a new account, the chosen one for an owner', async () => {
    const email = uniqueEmail()
    await register({ name: 'Sara', email, password: PASSWORD }, { path: '/fa/register' })
    const [mail] = await mailsTo(email)
    expect(mail!.subject).toBe('تأیید ایمیل شما در شیک‌پوش') // the store's Persian name (STORE_NAME is the default)
    expect(mail!.text).toContain('http://localhost:3000/fa/verify-email?token=')
    expect(mail!.html).toContain('dir="rtl"')

    const persian = await createUser({ name: 'Dara' })
    await prisma.user.update({ where: { id: persian.id }, data: { locale: 'fa' } })
    await register({ name: 'Copy', email: persian.email, password: PASSWORD }, { ip: '192.0.2.40' })
    const [notice] = await mailsTo(persian.email)
    expect(notice!.text).toContain('سلام Dara،')
    expect(notice!.text).toContain('http://localhost:3000/fa/forgot-password')
  })

  test.each([
    ['too short', 'short12', message('text.tooShort', { min: 8 })],
    ['over 72 bytes', 'é'.repeat(37), message('account.passwordBytes', { max: 72 })],
  ])('refuses a password that is %s, at the field', async (_, password, expected) => {
    const email = uniqueEmail()
    const result = await register({ name: 'Pat', email, password })
    expect(result.status).toBe(400)
    expect(formErrors(result).password?.[0]).toBe(expected)
    expect(await prisma.user.count({ where: { email } })).toBe(0)
  })

  test('accepts a password of exactly 72 bytes', async () => {
    const result = await register({ name: 'Pat', email: uniqueEmail(), password: 'é'.repeat(36) })
    expect(result.status).toBe(200)
  })

  test('a filled honeypot creates nothing, says so and shows the field; emptied, the same form registers', async () => {
    const email = uniqueEmail()
    const result = await register({
      name: 'Bot',
      email,
      password: PASSWORD,
      website: 'http://spam.example',
    })
    expect(result.status).toBe(400)
    // Issue 17: the person whose autofill filled the trap is told, and the page shows the field.
    expect(result.data).toMatchObject({ trapFilled: true, sentTo: null })
    expect(await prisma.user.count({ where: { email } })).toBe(0)
    const again = await register({ name: 'Bot', email, password: PASSWORD, website: '' })
    expect(again.status).toBe(200)
    expect(await prisma.user.count({ where: { email } })).toBe(1)
  })

  test('an IP gets a 429 after 10 attempts in the window; another IP is unaffected', async () => {
    const ip = '192.0.2.50'
    for (let i = 0; i < REGISTRATION_LIMIT.points; i++) {
      const attempt = await register({ name: 'x', email: 'bad', password: 'x' }, { ip })
      expect(attempt.status).toBe(400)
    }
    const blocked = await register(
      { name: 'Pat', email: uniqueEmail(), password: PASSWORD },
      { ip },
    )
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(800)
    const other = await register(
      { name: 'Pat', email: uniqueEmail(), password: PASSWORD },
      { ip: '192.0.2.51' },
    )
    expect(other.status).toBe(200)
  })

  test('an email gets a 429 after 10 attempts from any IPs; other emails are unaffected', async () => {
    const email = uniqueEmail()
    for (let i = 0; i < REGISTRATION_LIMIT.points; i++) {
      const attempt = await register(
        { name: 'x', email: email.toUpperCase(), password: 'short' },
        { ip: `192.0.2.${100 + i}` },
      )
      expect(attempt.status).toBe(400)
    }
    const ip = '192.0.2.120'
    const blocked = await register({ name: 'Pat', email, password: PASSWORD }, { ip })
    expect(blocked.status).toBe(429)
    const other = await register({ name: 'Pat', email: uniqueEmail(), password: PASSWORD }, { ip })
    expect(other.status).toBe(200)
  })
})

describe('the verification link', () => {
  async function registered() {
    const email = uniqueEmail('verify')
    await register({ name: 'Vera', email, password: PASSWORD })
    const token = linkToken((await mailsTo(email))[0], '/verify-email')!
    const user = await prisma.user.findUniqueOrThrow({ where: { email } })
    return { email, token, user }
  }

  test('opening it changes nothing; confirming verifies, signs in, and works once', async () => {
    const { email, token, user } = await registered()
    const page = await callRoute(verifyLoader, routeRequest(`/verify-email?token=${token}`))
    expect((page.data as { email: string }).email).toBe(email)
    expect(page.headers.get('Referrer-Policy')).toBe('same-origin')
    expect(await prisma.emailToken.count({ where: { userId: user.id } })).toBe(1)

    const done = await confirm(token)
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe('/account')
    expect(cookieFrom(done.headers, SESSION_COOKIE)).toBeTruthy()
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(after.emailVerifiedAt).not.toBeNull()
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)

    const again = await confirm(token)
    expect(again.status).toBe(400)
    expect((again.data as { formError: string }).formError).toBe(
      'This link has expired or has already been used.',
    )
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    const reopened = await callRoute(verifyLoader, routeRequest(`/verify-email?token=${token}`))
    expect((reopened.data as { token: string | null }).token).toBeNull()
  })

  test('an expired or forged link verifies nothing', async () => {
    const { token, user } = await registered()
    await prisma.emailToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await confirm(token)).status).toBe(400)
    expect((await confirm('x'.repeat(43))).status).toBe(400)
    expect((await confirm('not a token')).status).toBe(400)
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(after.emailVerifiedAt).toBeNull()
  })

  test('before verifying, the password signs in too, and the account shows a reminder', async () => {
    const { email, user } = await registered()
    const signedIn = await callRoute(
      loginAction,
      routeRequest('/login', { form: { email, password: PASSWORD } }),
      { context: { clientIp: '192.0.2.3' } },
    )
    expect(signedIn.status).toBe(302)
    const cookie = cookieFrom(signedIn.headers, SESSION_COOKIE)!
    const account = await callRoute(accountLoader, routeRequest('/account', { cookie }))
    expect((account.data as { verification: unknown }).verification).toEqual({
      verified: false,
      pendingEmail: null,
    })
    const verified = await signIn((await createUser()).id)
    const other = await callRoute(
      accountLoader,
      routeRequest('/account', { cookie: verified.cookie }),
    )
    expect((other.data as { verification: unknown }).verification).toEqual({
      verified: true,
      pendingEmail: null,
    })
    expect(user.emailVerifiedAt).toBeNull()
  })
})

describe('a new link', () => {
  function resend(cookie: string) {
    return callRoute(
      verifyAction,
      routeRequest('/verify-email', {
        cookie,
        form: { intent: 'resend', redirectTo: '/account/addresses' },
      }),
    )
  }

  test('replaces the old one, at most 3 an hour, and back to the page it was asked from', async () => {
    const user = await createUser({ verified: false })
    const { cookie } = await signIn(user.id)
    for (let i = 0; i < RESEND_LIMIT.points; i++) {
      const answer = await resend(cookie)
      expect(answer.status).toBe(302)
      expect(answer.headers.get('Location')).toBe('/account/addresses')
    }
    const mails = await mailsTo(user.email)
    expect(mails).toHaveLength(RESEND_LIMIT.points)
    expect(await prisma.emailToken.count({ where: { userId: user.id } })).toBe(1)
    const latest = linkToken(mails.at(-1), '/verify-email')!
    const first = linkToken(mails[0], '/verify-email')!
    expect((await confirm(first)).status).toBe(400)

    const limited = await resend(cookie)
    expect(limited.status).toBe(302)
    expect(await mailsTo(user.email)).toHaveLength(RESEND_LIMIT.points)
    expect((await confirm(latest)).status).toBe(302)
  })

  test('a verified account gets no link; a visitor is sent to sign in', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    expect((await resend(cookie)).status).toBe(302)
    expect(await mailsTo(user.email)).toHaveLength(0)
    const anonymous = await callRoute(
      verifyAction,
      routeRequest('/verify-email', { form: { intent: 'resend' } }),
    )
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
  })
})

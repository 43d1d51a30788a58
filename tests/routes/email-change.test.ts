import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { action as profileAction } from '~/routes/($locale).account._index/route.tsx'
import { loader as accountLoader } from '~/routes/($locale).account/route.tsx'
import { action as verifyAction } from '~/routes/($locale).verify-email.tsx'
import { TEST_PASSWORD, createUser, signIn, uniqueEmail } from '../support/fixtures.ts'
import { linkToken, mailsTo } from '../support/queued-mail.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

async function askToChange(user: { id: string; name: string }, email: string, path = '/account') {
  const { cookie } = await signIn(user.id)
  const answer = await callRoute(
    profileAction,
    routeRequest(path, {
      cookie,
      form: { name: user.name, email, currentPassword: TEST_PASSWORD },
    }),
  )
  return { answer, cookie }
}

function confirm(token: string) {
  return callRoute(verifyAction, routeRequest('/verify-email', { form: { token } }), {
    context: { clientIp: '192.0.2.9' },
  })
}

describe('changing the email', () => {
  test('sends a link to the new address, tells the old one, and changes only once confirmed', async () => {
    const user = await createUser({ name: 'Mina' })
    const newEmail = uniqueEmail('moved')
    // A reset link sent to the old address must not outlive the change.
    await prisma.emailToken.create({
      data: {
        userId: user.id,
        purpose: 'PASSWORD_RESET',
        email: user.email,
        tokenHash: 'x'.repeat(64),
        expiresAt: new Date(Date.now() + 60_000),
      },
    })
    const { answer, cookie } = await askToChange(user, newEmail)
    expect(answer.status).toBe(302)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email)

    const [notice] = await mailsTo(user.email)
    expect(notice!.subject).toBe('Your Shikposh email is being changed')
    expect(notice!.text).toContain(newEmail)
    const [link] = await mailsTo(newEmail)
    expect(link!.subject).toBe('Confirm your email for Shikposh')
    expect(link!.text).toContain('You asked to use this address for your account.')

    const account = await callRoute(accountLoader, routeRequest('/account', { cookie }))
    expect((account.data as { verification: unknown }).verification).toEqual({
      verified: true,
      pendingEmail: newEmail,
    })

    const done = await confirm(linkToken(link, '/verify-email')!)
    expect(done.status).toBe(302)
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(after.email).toBe(newEmail)
    expect(after.emailVerifiedAt!.getTime()).toBeGreaterThan(user.emailVerifiedAt!.getTime())
    expect(await prisma.emailToken.count({ where: { userId: user.id } })).toBe(0)
  })

  test('an address another account has gets no link, and the answer is the same', async () => {
    const user = await createUser()
    const other = await createUser()
    const { answer } = await askToChange(user, other.email)
    expect(answer.status).toBe(302)
    expect(await mailsTo(other.email)).toHaveLength(0)
    expect(await mailsTo(user.email)).toHaveLength(1)
    expect(await prisma.emailToken.count({ where: { userId: user.id } })).toBe(0)
  })

  test('an address taken between the request and the link is refused, and nothing changes', async () => {
    const user = await createUser()
    const newEmail = uniqueEmail('raced')
    await askToChange(user, newEmail)
    const token = linkToken((await mailsTo(newEmail))[0], '/verify-email')!
    await createUser({ email: newEmail })
    const refused = await confirm(token)
    expect(refused.status).toBe(400)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email)
  })

  test('both emails go in the language the account chose, whatever the page', async () => {
    const user = await createUser({ name: 'Dara' })
    await prisma.user.update({ where: { id: user.id }, data: { locale: 'fa' } })
    const newEmail = uniqueEmail('fa')
    await askToChange(user, newEmail)
    const [notice] = await mailsTo(user.email)
    const [link] = await mailsTo(newEmail)
    expect(notice!.text).toContain('سلام Dara،')
    expect(link!.text).toContain('http://localhost:3000/fa/verify-email?token=')
  })
})

import { prisma } from '~/infra/db.server.ts'
import { consumeOrWait, createLimiter } from '~/infra/rate-limit.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { TooManyAttemptsError } from './login-limits.server.ts'
import {
  InvalidLinkError,
  consumeEmailToken,
  findEmailToken,
  issueEmailToken,
} from './email-tokens.server.ts'
import { accountLink, renderPasswordReset } from './emails.server.ts'
import { hashPassword } from './passwords.server.ts'
import { markEmailVerified, recipientLocale } from './verification.server.ts'

// "Forgot password?": a single-use link by email. The answer is the same whether or not the
// address has an account, and requests are limited per IP (a 429) and per address (silently: a
// refusal would say the address is being asked about).

export const RESET_LIMITS = {
  perIp: { points: 10, durationSeconds: 15 * 60 },
  perEmail: { points: 3, durationSeconds: 60 * 60 },
}

const limiters = singleton('reset-limiters', () => ({
  byIp: createLimiter({ name: 'reset-ip', ...RESET_LIMITS.perIp }),
  byEmail: createLimiter({ name: 'reset-email', ...RESET_LIMITS.perEmail }),
}))

/**
 * Emails a reset link to `email` when it names an active account and has not had too many
 * already; throws TooManyAttemptsError when the IP has asked too often.
 */
export async function requestPasswordReset(email: string, locale: Locale, clientIp: string) {
  const wait = await consumeOrWait(limiters.byIp, clientIp)
  if (wait > 0) throw new TooManyAttemptsError(new Date(Date.now() + wait))
  if ((await consumeOrWait(limiters.byEmail, email)) > 0) return
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, name: true, status: true, locale: true },
  })
  if (!user || user.status !== 'ACTIVE') return
  const language = recipientLocale(user, locale)
  await prisma.$transaction(async (tx) => {
    const token = await issueEmailToken(tx, { userId: user.id, purpose: 'PASSWORD_RESET', email })
    const url = accountLink(language, `/reset-password?${new URLSearchParams({ token })}`)
    await enqueueMail(tx, `user:${user.id}:password-reset`, {
      to: email,
      ...renderPasswordReset(language, user, url),
    })
  })
}

/** The account a reset link is for (to greet them on the form), or null when it cannot be used. */
export async function findPasswordReset(token: unknown) {
  const row = await findEmailToken(prisma, token, 'PASSWORD_RESET')
  return row ? { email: row.user.email, name: row.user.name } : null
}

/**
 * Sets the new password with the link (used up), ends every session of the user and returns
 * the user's id so the caller can start a fresh one. Following the link proves the user reads
 * the address, so an unverified address becomes verified.
 */
export async function resetPassword(token: unknown, newPassword: string) {
  const hash = await hashPassword(newPassword)
  const user = await prisma.$transaction(async (tx) => {
    const row = await consumeEmailToken(tx, token, 'PASSWORD_RESET')
    if (!row) throw new InvalidLinkError()
    await tx.password.upsert({
      where: { userId: row.userId },
      create: { userId: row.userId, hash },
      update: { hash },
    })
    await tx.session.deleteMany({ where: { userId: row.userId } })
    if (!row.user.emailVerifiedAt && row.email === row.user.email)
      await markEmailVerified(tx, row.userId, row.email)
    return row.user
  })
  await limiters.byEmail.delete(user.email)
  return { userId: user.id, email: user.email, newlyVerified: !user.emailVerifiedAt }
}

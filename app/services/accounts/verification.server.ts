import { prisma, type Tx } from '~/infra/db.server.ts'
import { consumeOrWait, createLimiter } from '~/infra/rate-limit.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { isLocale, type Locale } from '~/i18n/locales.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { isUniqueViolation } from './auth.server.ts'
import {
  InvalidLinkError,
  consumeEmailToken,
  findEmailToken,
  issueEmailToken,
} from './email-tokens.server.ts'
import { accountLink, renderVerifyEmail } from './emails.server.ts'
import { TooManyAttemptsError } from './login-limits.server.ts'

// Email verification: a single-use link (24 hours) to the address, at registration and when the
// address changes. The address on the account only changes once the new one is confirmed.

/** Verification links an account may ask to be re-sent: 3 an hour. */
export const RESEND_LIMIT = { points: 3, durationSeconds: 60 * 60 }
const resendLimiter = singleton('verify-resend-limiter', () =>
  createLimiter({ name: 'verify-resend', ...RESEND_LIMIT }),
)

/** Emails in the recipient's language: the one they chose, else the page's they asked from. */
export function recipientLocale(user: { locale: string | null }, pageLocale: Locale): Locale {
  return isLocale(user.locale) ? user.locale : pageLocale
}

/** Emails a link that proves `email` belongs to the user (replacing any older such link). */
export async function sendVerification(
  tx: Tx,
  user: { id: string; name: string },
  email: string,
  locale: Locale,
  reason: 'register' | 'change' | 'resend',
) {
  const token = await issueEmailToken(tx, { userId: user.id, purpose: 'VERIFY_EMAIL', email })
  const url = accountLink(locale, `/verify-email?${new URLSearchParams({ token })}`)
  await enqueueMail(tx, `user:${user.id}:verify-email`, {
    to: email,
    ...renderVerifyEmail(locale, user, url, reason),
  })
}

/**
 * The one place where an address becomes verified (and, for a change, the account's address),
 * with what follows from it: guest orders placed with that address join the account, and reset
 * links sent to a former address stop working.
 */
export async function markEmailVerified(tx: Tx, userId: string, email: string) {
  await tx.user.update({
    where: { id: userId },
    data: { email, emailVerifiedAt: new Date() },
  })
  await adoptGuestOrders(userId, email, tx)
  await tx.emailToken.deleteMany({
    where: { userId, purpose: 'PASSWORD_RESET', email: { not: email } },
  })
}

/** The address a verification link is for (the page shows it before confirming), or null. */
export async function findVerification(token: unknown) {
  const row = await findEmailToken(prisma, token, 'VERIFY_EMAIL')
  return row ? { email: row.email, change: row.email !== row.user.email } : null
}

/**
 * Uses the link up and verifies its address; returns the user's id so the caller can sign them
 * in. Throws InvalidLinkError for a used or expired link, or when another account took the
 * address meanwhile.
 */
export async function confirmEmail(token: unknown) {
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await consumeEmailToken(tx, token, 'VERIFY_EMAIL')
      if (!row) throw new InvalidLinkError()
      await markEmailVerified(tx, row.userId, row.email)
      return { userId: row.userId, email: row.email }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidLinkError()
    throw error
  }
}

/** Whether the user's address is verified, and the address they are changing to, if any. */
export async function getVerificationStatus(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      emailVerifiedAt: true,
      emailTokens: {
        where: { purpose: 'VERIFY_EMAIL', expiresAt: { gt: new Date() } },
        select: { email: true },
      },
    },
  })
  const pending = user.emailTokens.find((token) => token.email !== user.email)
  return { verified: user.emailVerifiedAt !== null, pendingEmail: pending?.email ?? null }
}

/**
 * Sends a new link for the pending change, else for the unverified address; returns the address
 * it went to, or null when there is nothing to verify. TooManyAttemptsError past RESEND_LIMIT.
 */
export async function resendVerification(userId: string, pageLocale: Locale) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, locale: true, emailVerifiedAt: true },
  })
  const { pendingEmail } = await getVerificationStatus(userId)
  const email = pendingEmail ?? (user.emailVerifiedAt ? null : user.email)
  if (!email) return null
  const wait = await consumeOrWait(resendLimiter, userId)
  if (wait > 0) throw new TooManyAttemptsError(new Date(Date.now() + wait))
  await prisma.$transaction((tx) =>
    sendVerification(tx, user, email, recipientLocale(user, pageLocale), 'resend'),
  )
  return email
}

/**
 * Guest orders placed with `email` join the account `userId`: call it when the account's email
 * becomes verified (the owner proved they read that inbox, so the orders sent there are theirs).
 * Pass the transaction that sets `User.emailVerifiedAt`, so both happen or neither. Returns how
 * many orders joined.
 */
export async function adoptGuestOrders(
  userId: string,
  email: string,
  db: Tx | typeof prisma = prisma,
): Promise<number> {
  const { count } = await db.order.updateMany({
    where: { userId: null, email: email.trim().toLowerCase() },
    data: { userId },
  })
  return count
}

import { prisma } from '~/infra/db.server.ts'
import {
  consumeOrWait,
  createLimiter,
  msUntilAllowed,
  recordEvent,
} from '~/infra/rate-limit.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { isUniqueViolation } from './auth.server.ts'
import { accountLink, renderRegistrationAttempt } from './emails.server.ts'
import { TooManyAttemptsError } from './login-limits.server.ts'
import { hashPassword } from './passwords.server.ts'
import { EmailSchema } from './schemas.ts'
import { recipientLocale, sendVerification } from './verification.server.ts'

// Registration never says whether an address is taken: a new address gets a link to confirm it,
// an address that has an account gets "someone tried to register with your address", and the
// page answers "check your inbox" either way. Nobody is signed in by registering: the link
// signs in, and so does the password before the address is confirmed.

/** Registration attempts per IP and per email: 10 in 15 minutes (a 429 page). */
export const REGISTRATION_LIMIT = { points: 10, durationSeconds: 15 * 60 }
/** Emails registration sends to one address: 3 an hour (silently, so it says nothing). */
export const REGISTRATION_MAIL_LIMIT = { points: 3, durationSeconds: 60 * 60 }

const limiters = singleton('register-limiters', () => ({
  byIp: createLimiter({ name: 'register-ip', ...REGISTRATION_LIMIT }),
  byEmail: createLimiter({ name: 'register-account', ...REGISTRATION_LIMIT }),
  mailsTo: createLimiter({ name: 'register-mail', ...REGISTRATION_MAIL_LIMIT }),
}))

/**
 * Counts a registration attempt against the IP and the email it is for, or throws
 * TooManyAttemptsError when either has used its allowance, so one address can neither
 * mass-create accounts nor hammer one email.
 */
export async function countRegistrationAttempt(clientIp: string, submittedEmail: unknown) {
  const email = EmailSchema.safeParse(submittedEmail).data ?? ''
  const waits = await Promise.all([
    msUntilAllowed(limiters.byIp, clientIp),
    email ? msUntilAllowed(limiters.byEmail, email) : 0,
  ])
  const wait = Math.max(...waits)
  if (wait > 0) throw new TooManyAttemptsError(new Date(Date.now() + wait))
  await Promise.all([
    recordEvent(limiters.byIp, clientIp),
    email ? recordEvent(limiters.byEmail, email) : null,
  ])
}

/** Creates the account and emails its link, or tells the existing account's owner; same time. */
export async function register(
  input: { name: string; email: string; password: string },
  pageLocale: Locale,
) {
  const hash = await hashPassword(input.password)
  try {
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, password: { create: { hash } } },
        select: { id: true, name: true },
      })
      await sendVerification(tx, user, input.email, pageLocale, 'register')
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    await tellOwner(input.email, pageLocale)
  }
}

async function tellOwner(email: string, pageLocale: Locale) {
  const owner = await prisma.user.findUnique({
    where: { email },
    select: { id: true, name: true, status: true, locale: true },
  })
  if (!owner || owner.status !== 'ACTIVE') return
  if ((await consumeOrWait(limiters.mailsTo, email)) > 0) return
  const locale = recipientLocale(owner, pageLocale)
  const resetUrl = accountLink(locale, '/forgot-password')
  await prisma.$transaction((tx) =>
    enqueueMail(tx, `user:${owner.id}:register-attempt`, {
      to: email,
      ...renderRegistrationAttempt(locale, owner, resetUrl),
    }),
  )
}

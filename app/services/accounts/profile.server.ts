import { prisma } from '~/infra/db.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import type { z } from 'zod'
import type { Locale } from '~/i18n/locales.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { accountLink, renderEmailChangeNotice } from './emails.server.ts'
import { limitCurrentPasswordChecks } from './login-limits.server.ts'
import { hashPassword, verifyPassword } from './passwords.server.ts'
import { recipientLocale, sendVerification } from './verification.server.ts'
import type { ChangePasswordSchema, ProfileSchema } from './schemas.ts'

export class WrongPasswordError extends DomainError {
  override name = 'WrongPasswordError'
  constructor() {
    super('invalid', 'wrong-password', 'That is not your current password', {
      field: 'currentPassword',
    })
  }
}

export function getProfile(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, roles: true, createdAt: true },
  })
}

/** Throws WrongPasswordError, or TooManyAttemptsError after too many wrong ones (per user). */
async function checkCurrentPassword(userId: string, password: string | undefined) {
  const valid = await limitCurrentPasswordChecks(userId, async () => {
    const stored = await prisma.password.findUnique({ where: { userId } })
    return Boolean(password && stored && (await verifyPassword(password, stored.hash)))
  })
  if (!valid) throw new WrongPasswordError()
}

/**
 * Renames freely. A new email asks for the current password (it controls the account) and is
 * only a request: a link goes to the new address, the account's address changes when it is
 * confirmed, and the old address is told. Returns the address asked for, or null. Whether
 * another account has that address is never said: it just gets no link.
 */
export async function updateProfile(
  userId: string,
  input: z.infer<typeof ProfileSchema>,
  pageLocale: Locale,
) {
  const current = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, locale: true },
  })
  const changing = input.email !== current.email
  if (changing) await checkCurrentPassword(userId, input.currentPassword)
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name: input.name } })
    if (!changing) return
    const locale = recipientLocale(current, pageLocale)
    const owner = { id: userId, name: input.name }
    const taken = await tx.user.count({ where: { email: input.email } })
    if (!taken) await sendVerification(tx, owner, input.email, locale, 'change')
    await enqueueMail(tx, `user:${userId}:email-change`, {
      to: current.email,
      ...renderEmailChangeNotice(
        locale,
        owner,
        input.email,
        accountLink(locale, '/account/security'),
      ),
    })
  })
  return changing ? input.email : null
}

/** Sets a new password and signs out every other session of the user. */
export async function changePassword(
  userId: string,
  currentSessionId: string,
  input: z.infer<typeof ChangePasswordSchema>,
) {
  await checkCurrentPassword(userId, input.currentPassword)
  const hash = await hashPassword(input.newPassword)
  await prisma.$transaction([
    prisma.password.update({ where: { userId }, data: { hash } }),
    prisma.session.deleteMany({ where: { userId, id: { not: currentSessionId } } }),
  ])
}

import { prisma } from '~/infra/db.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import type { z } from 'zod'
import { EmailTakenError, isUniqueViolation } from './auth.server.ts'
import { limitCurrentPasswordChecks } from './login-limits.server.ts'
import { hashPassword, verifyPassword } from './passwords.server.ts'
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

/** Renames freely; changing the email asks for the current password, since it controls the account. */
export async function updateProfile(userId: string, input: z.infer<typeof ProfileSchema>) {
  const current = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true },
  })
  if (input.email !== current.email) await checkCurrentPassword(userId, input.currentPassword)
  try {
    await prisma.user.update({
      where: { id: userId },
      data: { name: input.name, email: input.email },
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError()
    throw error
  }
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

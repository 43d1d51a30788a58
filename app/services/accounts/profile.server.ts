import { z } from 'zod'
import { prisma } from '~/infra/db.server.ts'
import { EmailSchema, EmailTakenError, isUniqueViolation } from './auth.server.ts'
import { PasswordSchema, hashPassword, verifyPassword } from './passwords.server.ts'

export const ProfileSchema = z.object({
  name: z.string({ error: 'Enter your name' }).trim().min(1, 'Enter your name').max(80, 'Use at most 80 characters'),
  email: EmailSchema,
  currentPassword: z.string().max(1024).optional(),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).max(1024),
    newPassword: PasswordSchema,
    confirmPassword: z.string({ error: 'Repeat the new password' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two passwords do not match',
  })

export class WrongPasswordError extends Error {
  override name = 'WrongPasswordError'
  constructor() {
    super('That is not your current password')
  }
}

export function getProfile(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, roles: true, createdAt: true },
  })
}

async function checkCurrentPassword(userId: string, password: string | undefined) {
  const stored = await prisma.password.findUnique({ where: { userId } })
  if (!password || !stored || !(await verifyPassword(password, stored.hash))) throw new WrongPasswordError()
}

/** Renames freely; changing the email asks for the current password, since it controls the account. */
export async function updateProfile(userId: string, input: z.infer<typeof ProfileSchema>) {
  const current = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
  if (input.email !== current.email) await checkCurrentPassword(userId, input.currentPassword)
  try {
    await prisma.user.update({ where: { id: userId }, data: { name: input.name, email: input.email } })
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError()
    throw error
  }
}

/** Sets a new password and signs out every other session of the user. */
export async function changePassword(userId: string, currentSessionId: string, input: z.infer<typeof ChangePasswordSchema>) {
  await checkCurrentPassword(userId, input.currentPassword)
  const hash = await hashPassword(input.newPassword)
  await prisma.$transaction([
    prisma.password.update({ where: { userId }, data: { hash } }),
    prisma.session.deleteMany({ where: { userId, id: { not: currentSessionId } } }),
  ])
}

import { prisma } from '~/infra/db.server.ts'

/** Adds ADMIN to the account's roles (idempotent); null when there is no such account. */
export async function grantAdmin(email: string) {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, roles: true } })
  if (!user) return null
  if (!user.roles.includes('ADMIN')) await prisma.user.update({ where: { id: user.id }, data: { roles: { push: 'ADMIN' } } })
  return { email: user.email }
}

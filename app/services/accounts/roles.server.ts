import { prisma, type Role } from '~/infra/db.server.ts'
import { recordAudit, userLabel } from '~/services/audit/audit.server.ts'

export const ADMIN_GRANT_COMMAND = 'npm run admin:grant'

/**
 * Adds ADMIN to the account's roles (idempotent); null when there is no such account. Run by an
 * operator from the command line, so the audit entry names the command instead of an admin.
 */
export async function grantAdmin(email: string) {
  return prisma.$transaction(async (tx) => {
    // Locked, so the roles read here are the ones the update replaces.
    const [locked] = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT id FROM "User" WHERE email = ${email.trim().toLowerCase()} FOR UPDATE`
    if (!locked) return null
    const user = await tx.user.findUniqueOrThrow({
      where: { id: locked.id },
      select: { id: true, email: true, name: true, roles: true },
    })
    if (!user.roles.includes('ADMIN')) {
      const roles: Role[] = [...user.roles, 'ADMIN']
      await tx.user.update({ where: { id: user.id }, data: { roles } })
      await recordAudit(tx, {
        actor: { command: ADMIN_GRANT_COMMAND },
        action: 'user.grant-admin',
        target: { type: 'USER', id: user.id, label: userLabel(user) },
        details: { before: { roles: user.roles }, after: { roles } },
      })
    }
    return { email: user.email }
  })
}

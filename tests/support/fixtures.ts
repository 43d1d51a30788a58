import { randomBytes } from 'node:crypto'
import { prisma, type Role } from '~/infra/db.server.ts'
import { hashPassword } from '~/services/accounts/passwords.server.ts'
import { createSession } from '~/services/accounts/sessions.server.ts'

// Builders for test data. Users share one bcrypt hash of TEST_PASSWORD (hashing is slow on purpose).

export const TEST_PASSWORD = 'correct horse battery'
let passwordHash: Promise<string> | undefined

export function uniqueEmail(label = 'user') {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`
}

export async function createUser(
  overrides: {
    email?: string
    name?: string
    roles?: Role[]
    status?: 'ACTIVE' | 'BLOCKED'
    /** Users have verified their email unless a test says otherwise. */
    verified?: boolean
  } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  return prisma.user.create({
    data: {
      email: overrides.email ?? uniqueEmail(),
      name: overrides.name ?? 'Test User',
      roles: overrides.roles ?? ['SHOPPER'],
      status: overrides.status ?? 'ACTIVE',
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
      // The database insists that a blocked account says when and why (User_block_fields).
      ...(overrides.status === 'BLOCKED'
        ? { blockedAt: new Date(), blockedReason: 'Blocked by a test fixture' }
        : {}),
      password: { create: { hash: await passwordHash } },
    },
  })
}

/** A Cookie header value that signs the user in, as a browser would send it. */
export async function signIn(userId: string, meta: { userAgent?: string; ip?: string } = {}) {
  const { cookie, session } = await createSession(userId, meta)
  return { cookie: cookie.split(';')[0]!, session }
}

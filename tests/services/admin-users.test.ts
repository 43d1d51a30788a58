import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getUser } from '~/services/accounts/auth.server.ts'
import { grantAdmin } from '~/services/accounts/roles.server.ts'
import { USERS_PAGE_SIZE, UserSearchSchema } from '~/services/admin/schemas.ts'
import {
  UserAdminError,
  blockUser,
  getUserForAdmin,
  grantAdminRole,
  listUsers,
  removeAdminRole,
  unblockUser,
} from '~/services/admin/users.server.ts'
import { createUser, signIn, uniqueEmail } from '../support/fixtures.ts'
import { routeRequest } from '../support/remix.ts'

// User administration: search, the account page, and the four commands with their audit entries.

const createAdmin = (name = 'Acting Admin') => createUser({ name, roles: ['SHOPPER', 'ADMIN'] })

/** Everything a command could change about an account, to show that a refused one changed nothing. */
async function snapshot(userId: string) {
  const [user, sessions, audit] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { roles: true, status: true, blockedReason: true, blockedAt: true, updatedAt: true },
    }),
    prisma.session.findMany({ where: { userId }, select: { id: true }, orderBy: { id: 'asc' } }),
    prisma.auditEntry.count(),
  ])
  return { user, sessions, audit }
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(UserAdminError)
  return error as UserAdminError
}

describe('listUsers', () => {
  test('finds accounts by part of the email or name, in any case, or by exact id', async () => {
    const tag = `zq${Date.now().toString(36)}`
    const ada = await createUser({ name: `Ada ${tag} Lovelace`, email: uniqueEmail(`ada-${tag}`) })
    const bob = await createUser({ name: 'Bob Builder', email: uniqueEmail(`bob-${tag}`) })
    await createUser({ name: 'Unrelated Person' })

    const search = async (q: string) =>
      (await listUsers(UserSearchSchema.parse({ q }))).users.map((user) => user.id)
    expect(await search(tag.toUpperCase())).toEqual([bob.id, ada.id])
    expect(await search(`ADA-${tag}`)).toEqual([ada.id])
    expect(await search('lovelace')).toEqual([ada.id])
    expect(await search(bob.email.toUpperCase())).toEqual([bob.id])
    expect(await search(ada.id)).toEqual([ada.id])
    // LIKE wildcards are plain characters here.
    expect(await search('%')).toEqual([])
    expect(await search('a_a-')).toEqual([])
  })

  test('filters by role and status and pages through the results', async () => {
    const tag = `pg${Date.now().toString(36)}`
    const created = []
    for (let i = 0; i < USERS_PAGE_SIZE + 3; i++)
      created.push(await createUser({ name: `Paged ${tag} ${i}` }))
    const blocked = await createUser({ name: `Paged ${tag} blocked`, status: 'BLOCKED' })
    const seller = await createUser({ name: `Paged ${tag} seller`, roles: ['SHOPPER', 'SELLER'] })

    const first = await listUsers(UserSearchSchema.parse({ q: tag }))
    expect(first.total).toBe(USERS_PAGE_SIZE + 5)
    expect(first.pageCount).toBe(2)
    expect(first.users).toHaveLength(USERS_PAGE_SIZE)
    expect(first.users[0]!.id).toBe(seller.id) // newest first
    const second = await listUsers(UserSearchSchema.parse({ q: tag, page: '2' }))
    expect(new Set([...first.users, ...second.users].map((user) => user.id)).size).toBe(
      USERS_PAGE_SIZE + 5,
    )

    expect(
      (await listUsers(UserSearchSchema.parse({ q: tag, status: 'BLOCKED' }))).users.map(
        (user) => user.id,
      ),
    ).toEqual([blocked.id])
    expect(
      (await listUsers(UserSearchSchema.parse({ q: tag, role: 'SELLER' }))).users.map(
        (user) => user.id,
      ),
    ).toEqual([seller.id])
    expect(
      (await listUsers(UserSearchSchema.parse({ q: tag, role: 'SELLER', status: 'BLOCKED' })))
        .total,
    ).toBe(0)
  })

  test('shows each account with its shop', async () => {
    const owner = await createUser({ name: 'Shop Owner', roles: ['SHOPPER', 'SELLER'] })
    await prisma.shop.create({
      data: { ownerId: owner.id, name: 'Linen & Co', slug: `linen-${owner.id}` },
    })
    const { users } = await listUsers(UserSearchSchema.parse({ q: owner.email }))
    expect(users).toEqual([
      expect.objectContaining({
        id: owner.id,
        roles: ['SHOPPER', 'SELLER'],
        status: 'ACTIVE',
        shop: { name: 'Linen & Co', slug: `linen-${owner.id}`, status: 'ACTIVE' },
      }),
    ])
  })
})

describe('getUserForAdmin', () => {
  test('shows roles, status, shop, live sessions and the admin history; null for no such account', async () => {
    const admin = await createAdmin()
    const user = await createUser({ name: 'Looked At', roles: ['SHOPPER', 'SELLER'] })
    await prisma.shop.create({
      data: { ownerId: user.id, name: 'Looked Shop', slug: `looked-${user.id}` },
    })
    await signIn(user.id)
    const expired = await signIn(user.id)
    await prisma.session.update({
      where: { id: expired.session.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    await grantAdminRole(admin, user.id, 'Helps with moderation')

    const detail = await getUserForAdmin(user.id)
    expect(detail?.user).toMatchObject({
      id: user.id,
      roles: ['SHOPPER', 'SELLER', 'ADMIN'],
      status: 'ACTIVE',
      shop: { name: 'Looked Shop', status: 'ACTIVE' },
    })
    expect(detail?.activity).toEqual([
      { key: 'sessions', label: 'Signed-in sessions', value: 1 },
      { key: 'orders', label: 'Orders placed', value: 0 },
      { key: 'reviews', label: 'Reviews approved', value: 0 },
      { key: 'reviews-rejected', label: 'Reviews rejected', value: 0 },
    ])
    expect(detail?.lastSeenAt).toBeInstanceOf(Date)
    expect(detail?.history).toEqual([
      expect.objectContaining({
        action: 'user.grant-admin',
        actorId: admin.id,
        reason: 'Helps with moderation',
      }),
    ])
    expect(await getUserForAdmin('no-such-user')).toBeNull()
  })
})

describe('blockUser', () => {
  test('blocks with the reason, ends every session at once and writes the audit entry', async () => {
    const admin = await createAdmin()
    const user = await createUser({ name: 'Spammy Sam' })
    const phone = await signIn(user.id)
    const laptop = await signIn(user.id)
    const bystander = await createUser()
    const theirs = await signIn(bystander.id)

    const result = await blockUser(admin, user.id, '  Posting spam links  ')
    expect(result).toEqual({ sessionsEnded: 2 })

    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(stored).toMatchObject({ status: 'BLOCKED', blockedReason: 'Posting spam links' })
    expect(stored.blockedAt).toBeInstanceOf(Date)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect(await getUser(routeRequest('/', { cookie: phone.cookie }))).toBeNull()
    expect(await getUser(routeRequest('/', { cookie: laptop.cookie }))).toBeNull()
    expect(await prisma.session.findUnique({ where: { id: theirs.session.id } })).not.toBeNull()

    const entries = await prisma.auditEntry.findMany({ where: { targetId: user.id } })
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        actorLabel: admin.email,
        action: 'user.block',
        targetType: 'USER',
        targetLabel: `Spammy Sam <${user.email}>`,
        reason: 'Posting spam links',
        details: {
          before: { status: 'ACTIVE' },
          after: { status: 'BLOCKED' },
          sessionsEnded: 2,
          apiTokensRevoked: 0,
          pendingReviewsHidden: 0,
        },
      }),
    ])
  })

  test('an admin cannot block themselves: refused with a message, nothing changed', async () => {
    const admin = await createAdmin()
    await signIn(admin.id)
    const before = await snapshot(admin.id)
    const error = await refusal(blockUser(admin, admin.id, 'testing'))
    expect(error).toMatchObject({ kind: 'conflict', message: 'You cannot block your own account.' })
    expect(await snapshot(admin.id)).toEqual(before)
  })

  test('refuses an account already blocked, a blank reason and an unknown account, changing nothing', async () => {
    const admin = await createAdmin()
    const user = await createUser({ status: 'BLOCKED' })
    const before = await snapshot(user.id)
    expect(await refusal(blockUser(admin, user.id, 'again'))).toMatchObject({ kind: 'conflict' })
    expect(await snapshot(user.id)).toEqual(before)

    const active = await createUser()
    const activeBefore = await snapshot(active.id)
    expect(await refusal(blockUser(admin, active.id, '   '))).toMatchObject({ kind: 'invalid' })
    expect(await snapshot(active.id)).toEqual(activeBefore)

    expect(await refusal(blockUser(admin, 'no-such-user', 'spam'))).toMatchObject({
      kind: 'not-found',
    })
  })

  test('can block another admin, who then has no admin access at all', async () => {
    const admin = await createAdmin('First Admin')
    const other = await createAdmin('Other Admin')
    const otherSession = await signIn(other.id)
    await blockUser(admin, other.id, 'Compromised account')
    expect(await getUser(routeRequest('/admin/users', { cookie: otherSession.cookie }))).toBeNull()
    // Even with the request already past the role check, the service re-checks the actor.
    const victim = await createUser()
    const before = await snapshot(victim.id)
    expect(await refusal(blockUser(other, victim.id, 'revenge'))).toMatchObject({
      kind: 'forbidden',
    })
    expect(await snapshot(victim.id)).toEqual(before)
  })

  test('two admins blocking each other at the same moment: exactly one succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const ada = await createAdmin('Ada Race')
      const bob = await createAdmin('Bob Race')
      const results = await Promise.allSettled([
        blockUser(ada, bob.id, 'race'),
        blockUser(bob, ada.id, 'race'),
      ])
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
      const rejected = results.find((result) => result.status === 'rejected')
      expect(rejected?.reason).toMatchObject({ kind: 'forbidden' })
      const statuses = await prisma.user.findMany({
        where: { id: { in: [ada.id, bob.id] } },
        select: { status: true },
      })
      expect(statuses.map((user) => user.status).sort()).toEqual(['ACTIVE', 'BLOCKED'])
      expect(await prisma.auditEntry.count({ where: { targetId: { in: [ada.id, bob.id] } } })).toBe(
        1,
      )
    }
  })

  test('two admins blocking one account at once: one block, one audit entry, the other told', async () => {
    const ada = await createAdmin()
    const bob = await createAdmin()
    const user = await createUser()
    const results = await Promise.allSettled([
      blockUser(ada, user.id, 'first'),
      blockUser(bob, user.id, 'second'),
    ])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect(results.find((result) => result.status === 'rejected')?.reason).toMatchObject({
      kind: 'conflict',
      message: `${user.name} is already blocked.`,
    })
    expect(
      await prisma.auditEntry.count({ where: { targetId: user.id, action: 'user.block' } }),
    ).toBe(1)
  })
})

describe('the audit entry and the change are one transaction', () => {
  test('a change that fails (here: at commit, after the entry was written) leaves no audit row', async () => {
    const admin = await createAdmin()
    const user = await createUser()
    await signIn(user.id)
    const before = await snapshot(user.id)
    // A deferred check that fails only at COMMIT, after every statement (the audit insert included) ran.
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_block() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`)
    await prisma.$executeRawUnsafe(`
      CREATE CONSTRAINT TRIGGER test_refuse_block AFTER UPDATE ON "User" DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW."blockedReason" = 'fail at commit') EXECUTE FUNCTION test_refuse_block()`)
    try {
      await expect(blockUser(admin, user.id, 'fail at commit')).rejects.toThrow(
        /refused by the test/,
      )
      expect(await snapshot(user.id)).toEqual(before)
      expect(await prisma.auditEntry.count({ where: { targetId: user.id } })).toBe(0)
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER test_refuse_block ON "User"')
      await prisma.$executeRawUnsafe('DROP FUNCTION test_refuse_block()')
    }
  })

  test('an audit entry that cannot be written undoes the change', async () => {
    const admin = await createAdmin()
    const user = await createUser()
    await signIn(user.id)
    const before = await snapshot(user.id)
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$`)
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER test_refuse_audit BEFORE INSERT ON "AuditEntry"
      FOR EACH ROW WHEN (NEW."reason" = 'audit fails') EXECUTE FUNCTION test_refuse_audit()`)
    try {
      await expect(blockUser(admin, user.id, 'audit fails')).rejects.toThrow(
        /audit refused by the test/,
      )
      expect(await snapshot(user.id)).toEqual(before)
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER test_refuse_audit ON "AuditEntry"')
      await prisma.$executeRawUnsafe('DROP FUNCTION test_refuse_audit()')
    }
  })
})

describe('unblockUser', () => {
  test('lets the account sign in again, clears the block and audits it with the optional note', async () => {
    const admin = await createAdmin()
    const user = await createUser()
    await blockUser(admin, user.id, 'Suspicious orders')
    const blocked = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    await unblockUser(admin, user.id, 'Verified by phone')

    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      status: 'ACTIVE',
      blockedReason: null,
      blockedAt: null,
    })
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { targetId: user.id, action: 'user.unblock' },
    })
    expect(entry).toMatchObject({
      reason: 'Verified by phone',
      details: {
        before: {
          status: 'BLOCKED',
          blockedReason: 'Suspicious orders',
          blockedAt: blocked.blockedAt!.toISOString(),
        },
        after: { status: 'ACTIVE' },
      },
    })
    // Without a note the entry has no reason.
    await blockUser(admin, user.id, 'Again')
    await unblockUser(admin, user.id)
    const latest = await prisma.auditEntry.findFirstOrThrow({
      where: { targetId: user.id, action: 'user.unblock' },
      orderBy: { createdAt: 'desc' },
    })
    expect(latest.reason).toBeNull()
  })

  test('refuses an account that is not blocked', async () => {
    const admin = await createAdmin()
    const user = await createUser()
    const before = await snapshot(user.id)
    expect(await refusal(unblockUser(admin, user.id))).toMatchObject({
      kind: 'conflict',
      message: `${user.name} is not blocked.`,
    })
    expect(await snapshot(user.id)).toEqual(before)
  })
})

describe('grantAdminRole and removeAdminRole', () => {
  test('grant then remove ADMIN, keeping the other roles, each audited with before and after', async () => {
    const admin = await createAdmin()
    const user = await createUser({ roles: ['SHOPPER', 'SELLER'] })
    await grantAdminRole(admin, user.id, 'New moderator')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual([
      'SHOPPER',
      'SELLER',
      'ADMIN',
    ])
    await removeAdminRole(admin, user.id)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual([
      'SHOPPER',
      'SELLER',
    ])

    const entries = await prisma.auditEntry.findMany({
      where: { targetId: user.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'user.grant-admin',
        reason: 'New moderator',
        details: {
          before: { roles: ['SHOPPER', 'SELLER'] },
          after: { roles: ['SHOPPER', 'SELLER', 'ADMIN'] },
        },
      }),
      expect.objectContaining({
        action: 'user.remove-admin',
        reason: null,
        details: {
          before: { roles: ['SHOPPER', 'SELLER', 'ADMIN'] },
          after: { roles: ['SHOPPER', 'SELLER'] },
        },
      }),
    ])
  })

  test('an admin cannot remove their own admin role: refused, nothing changed', async () => {
    const admin = await createAdmin()
    const before = await snapshot(admin.id)
    expect(await refusal(removeAdminRole(admin, admin.id, 'stepping down'))).toMatchObject({
      kind: 'conflict',
      message: 'You cannot remove your own admin role. Ask another admin.',
    })
    expect(await snapshot(admin.id)).toEqual(before)
  })

  test('refuses granting twice, granting to a blocked account and removing from a non-admin', async () => {
    const admin = await createAdmin()
    const other = await createAdmin()
    const blocked = await createUser({ status: 'BLOCKED' })
    const shopper = await createUser()
    const attempts = [
      {
        id: other.id,
        run: () => grantAdminRole(admin, other.id),
        message: `${other.name} is already an admin.`,
      },
      {
        id: blocked.id,
        run: () => grantAdminRole(admin, blocked.id),
        message: `${blocked.name} is blocked: unblock the account first.`,
      },
      {
        id: shopper.id,
        run: () => removeAdminRole(admin, shopper.id),
        message: `${shopper.name} is not an admin.`,
      },
    ]
    for (const attempt of attempts) {
      const before = await snapshot(attempt.id)
      expect(await refusal(attempt.run())).toMatchObject({
        kind: 'conflict',
        message: attempt.message,
      })
      expect(await snapshot(attempt.id)).toEqual(before)
    }
  })

  test('a demoted admin can no longer act, even past the role check', async () => {
    const admin = await createAdmin()
    const demoted = await createAdmin()
    await removeAdminRole(admin, demoted.id)
    const user = await createUser()
    expect(await refusal(grantAdminRole(demoted, user.id))).toMatchObject({
      kind: 'forbidden',
      message: 'You are no longer an admin, so this was not done.',
    })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual([
      'SHOPPER',
    ])
  })
})

describe('npm run admin:grant', () => {
  test('grants ADMIN and writes an audit entry naming the command', async () => {
    const user = await createUser()
    expect(await grantAdmin(user.email.toUpperCase())).toEqual({ email: user.email })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual([
      'SHOPPER',
      'ADMIN',
    ])
    expect(await prisma.auditEntry.findMany({ where: { targetId: user.id } })).toEqual([
      expect.objectContaining({
        actorId: null,
        actorLabel: 'npm run admin:grant',
        action: 'user.grant-admin',
      }),
    ])
    // Idempotent: a second run changes nothing and writes nothing.
    await grantAdmin(user.email)
    expect(await prisma.auditEntry.count({ where: { targetId: user.id } })).toBe(1)
    expect(await grantAdmin('nobody@example.test')).toBeNull()
  })
})

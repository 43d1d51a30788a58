import { prisma, type Prisma, type Role, type Tx } from '~/infra/db.server.ts'
import { countOrders } from '~/services/orders/orders.server.ts'
import { hidePendingReviewsOf } from '~/services/reviews/moderation.server.ts'
import { listReviewsByUser } from '~/services/reviews/reviews.server.ts'
import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'
import { recordAudit, userLabel } from '~/services/audit/audit.server.ts'
import { escapeLike, listRecentAuditFor } from './audit-log.server.ts'
import { USERS_PAGE_SIZE, type UserSearch } from './schemas.ts'

// User administration: search, look at one account, block/unblock, grant/remove ADMIN.
// Every command runs in one transaction that also writes its audit entry, and re-checks the
// acting admin inside it, so an admin blocked or demoted a moment ago can no longer act.

/** The acting admin, as requireRole(request, 'ADMIN') returns them. */
export type AdminActor = { id: string; email: string }

/** Why a command on an account was refused; pages say it in their language by this code. */
export const USER_ADMIN_ERROR_CODES = [
  'no-longer-admin',
  'account-not-found',
  'block-reason-required',
  'cannot-block-self',
  'already-blocked',
  'not-blocked',
  'already-admin',
  'blocked-cannot-be-admin',
  'cannot-remove-own-admin',
  'not-admin',
] as const
export type UserAdminErrorCode = (typeof USER_ADMIN_ERROR_CODES)[number]

export function isUserAdminErrorCode(code: string): code is UserAdminErrorCode {
  return (USER_ADMIN_ERROR_CODES as readonly string[]).includes(code)
}

/** A refused command: nothing changed. */
export class UserAdminError extends DomainError {
  override name = 'UserAdminError'
  constructor(
    message: string,
    kind: Extract<DomainErrorKind, 'invalid' | 'forbidden' | 'not-found' | 'conflict'>,
    code: UserAdminErrorCode | typeof kind = kind,
  ) {
    super(kind, code, message)
  }
}

// ---------------------------------------------------------------- queries

const LIST_SELECT = {
  id: true,
  email: true,
  name: true,
  roles: true,
  status: true,
  createdAt: true,
  shop: { select: { name: true, slug: true, status: true } },
} satisfies Prisma.UserSelect

/** Accounts matching the search (email, name or exact id; case-insensitive), newest first. */
export async function listUsers(search: UserSearch) {
  const where: Prisma.UserWhereInput = {}
  if (search.q) {
    const contains = escapeLike(search.q)
    where.OR = [
      { email: { contains, mode: 'insensitive' } },
      { name: { contains, mode: 'insensitive' } },
      { id: search.q },
    ]
  }
  if (search.role) where.roles = { has: search.role }
  if (search.status) where.status = search.status
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (search.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: LIST_SELECT,
    }),
  ])
  return {
    users,
    total,
    page: search.page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
  }
}

/** One account as a list row shows it, with its block reason (the API's answer to a command). */
export function getUserSummaryForAdmin(userId: string) {
  return prisma.user.findUnique({
    where: { id: userId },
    select: { ...LIST_SELECT, blockedReason: true, blockedAt: true },
  })
}

/**
 * One number about what the user does in the store, shown on their admin page. Each domain adds
 * its own here as it lands (orders from the orders issue, reviews from phase 2 of issue 7).
 */
export type UserActivityFact = {
  /** Pages name the fact by its key (the admin catalogue's `user.activityFacts.<key>`). */
  key: 'sessions' | 'orders' | 'reviews' | 'reviews-rejected'
  label: string
  value: number
  href?: string
}

function userActivity(
  userId: string,
  reviews: Awaited<ReturnType<typeof listReviewsByUser>>,
): Promise<UserActivityFact[]> {
  return Promise.all([
    prisma.session
      .count({ where: { userId, expiresAt: { gt: new Date() } } })
      .then((value): UserActivityFact => ({ key: 'sessions', label: 'Signed-in sessions', value })),
    countOrders(userId).then((value): UserActivityFact => ({
      key: 'orders',
      label: 'Orders placed',
      value,
    })),
    { key: 'reviews', label: 'Reviews approved', value: reviews.counts.APPROVED },
    { key: 'reviews-rejected', label: 'Reviews rejected', value: reviews.counts.REJECTED },
  ])
}

/** Everything the admin page of one account shows, or null when there is no such account. */
export async function getUserForAdmin(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      status: true,
      blockedReason: true,
      blockedAt: true,
      createdAt: true,
      updatedAt: true,
      shop: {
        select: { name: true, slug: true, status: true, suspendedReason: true, createdAt: true },
      },
    },
  })
  if (!user) return null
  const reviews = await listReviewsByUser(userId)
  const [activity, lastSession, history] = await Promise.all([
    userActivity(userId, reviews),
    prisma.session.findFirst({
      where: { userId },
      orderBy: { lastSeenAt: 'desc' },
      select: { lastSeenAt: true },
    }),
    listRecentAuditFor({ type: 'USER', id: userId }),
  ])
  return { user, activity, lastSeenAt: lastSession?.lastSeenAt ?? null, history, reviews }
}

// ---------------------------------------------------------------- commands

const TARGET_SELECT = {
  id: true,
  email: true,
  name: true,
  roles: true,
  status: true,
  blockedReason: true,
  blockedAt: true,
} satisfies Prisma.UserSelect
type LockedUser = Prisma.UserGetPayload<{ select: typeof TARGET_SELECT }>

/**
 * Runs an admin command on one account in a transaction that:
 * - takes a transaction-scoped advisory lock, so user-admin commands run one at a time (they are
 *   rare); two admins blocking each other at the same instant cannot both succeed and leave the
 *   store with no admin, and two admins acting on one account see each other's result;
 * - re-checks that the actor is still an active admin (requireRole ran before, outside);
 * - locks the target row, so the command decides on the row as it is now.
 */
async function userAdminCommand<T>(
  actor: AdminActor,
  userId: string,
  command: (tx: Tx, target: LockedUser) => Promise<T>,
) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shikposh:user-admin'))`
    const acting = await tx.user.findUnique({
      where: { id: actor.id },
      select: { roles: true, status: true },
    })
    if (!acting || acting.status !== 'ACTIVE' || !acting.roles.includes('ADMIN')) {
      throw new UserAdminError(
        'You are no longer an admin, so this was not done.',
        'forbidden',
        'no-longer-admin',
      )
    }
    const locked = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`
    if (locked.length === 0)
      throw new UserAdminError('There is no such account.', 'not-found', 'account-not-found')
    const target = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: TARGET_SELECT })
    return command(tx, target)
  })
}

/**
 * Blocks the account: it cannot sign in, every session ends now, and its pending reviews are
 * hidden (rejected as "Author blocked"; the audit entry counts them). Refuses the actor's own account and an account already blocked.
 */
export async function blockUser(actor: AdminActor, userId: string, reason: string) {
  const why = reason.trim()
  if (!why)
    throw new UserAdminError('Say why this account is blocked.', 'invalid', 'block-reason-required')
  return userAdminCommand(actor, userId, async (tx, target) => {
    if (target.id === actor.id)
      throw new UserAdminError(
        'You cannot block your own account.',
        'conflict',
        'cannot-block-self',
      )
    if (target.status === 'BLOCKED')
      throw new UserAdminError(`${target.name} is already blocked.`, 'conflict', 'already-blocked')
    const blockedAt = new Date()
    await tx.user.update({
      where: { id: target.id },
      data: { status: 'BLOCKED', blockedReason: why, blockedAt },
    })
    const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId: target.id } })
    // API tokens die with the block: unblocking does not bring them back.
    const { count: apiTokensRevoked } = await tx.apiToken.updateMany({
      where: { userId: target.id, revokedAt: null },
      data: { revokedAt: blockedAt },
    })
    const hidden = await hidePendingReviewsOf(tx, target.id, actor.id)
    await recordAudit(tx, {
      actor,
      action: 'user.block',
      target: { type: 'USER', id: target.id, label: userLabel(target) },
      reason: why,
      details: {
        before: { status: 'ACTIVE' },
        after: { status: 'BLOCKED' },
        sessionsEnded,
        apiTokensRevoked,
        ...hidden,
      },
    })
    return { sessionsEnded }
  })
}

/** Lets a blocked account sign in again. The reason is optional. */
export async function unblockUser(actor: AdminActor, userId: string, reason?: string | null) {
  return userAdminCommand(actor, userId, async (tx, target) => {
    if (target.status !== 'BLOCKED')
      throw new UserAdminError(`${target.name} is not blocked.`, 'conflict', 'not-blocked')
    await tx.user.update({
      where: { id: target.id },
      data: { status: 'ACTIVE', blockedReason: null, blockedAt: null },
    })
    await recordAudit(tx, {
      actor,
      action: 'user.unblock',
      target: { type: 'USER', id: target.id, label: userLabel(target) },
      reason,
      details: {
        before: {
          status: 'BLOCKED',
          blockedReason: target.blockedReason,
          blockedAt: target.blockedAt?.toISOString() ?? null,
        },
        after: { status: 'ACTIVE' },
      },
    })
  })
}

/** Gives the account the ADMIN role. A blocked account must be unblocked first. */
export async function grantAdminRole(actor: AdminActor, userId: string, reason?: string | null) {
  return userAdminCommand(actor, userId, async (tx, target) => {
    if (target.roles.includes('ADMIN'))
      throw new UserAdminError(`${target.name} is already an admin.`, 'conflict', 'already-admin')
    if (target.status === 'BLOCKED')
      throw new UserAdminError(
        `${target.name} is blocked: unblock the account first.`,
        'conflict',
        'blocked-cannot-be-admin',
      )
    const roles: Role[] = [...target.roles, 'ADMIN']
    await tx.user.update({ where: { id: target.id }, data: { roles } })
    await recordAudit(tx, {
      actor,
      action: 'user.grant-admin',
      target: { type: 'USER', id: target.id, label: userLabel(target) },
      reason,
      details: { before: { roles: target.roles }, after: { roles } },
    })
  })
}

/** Takes the ADMIN role away (the account keeps its other roles). Refuses the actor's own. */
export async function removeAdminRole(actor: AdminActor, userId: string, reason?: string | null) {
  return userAdminCommand(actor, userId, async (tx, target) => {
    if (target.id === actor.id)
      throw new UserAdminError(
        'You cannot remove your own admin role. Ask another admin.',
        'conflict',
        'cannot-remove-own-admin',
      )
    if (!target.roles.includes('ADMIN'))
      throw new UserAdminError(`${target.name} is not an admin.`, 'conflict', 'not-admin')
    const roles = target.roles.filter((role) => role !== 'ADMIN')
    await tx.user.update({ where: { id: target.id }, data: { roles } })
    await recordAudit(tx, {
      actor,
      action: 'user.remove-admin',
      target: { type: 'USER', id: target.id, label: userLabel(target) },
      reason,
      details: { before: { roles: target.roles }, after: { roles } },
    })
  })
}

import { createHash, randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { z } from 'zod'
import { prisma, Prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { imageAssetJson, parseImageAsset } from '~/services/media/sql.server.ts'

// Sessions are rows; the cookie carries only a random 256-bit token whose hash names the row.

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000
export const SESSION_IDLE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000
/** lastSeenAt is refreshed at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000

export const sessionCookie = singleton('session-cookie', () => {
  const env = getEnv()
  return createCookie(env.https ? '__Host-shikposh_session' : 'shikposh_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.https,
    path: '/',
    secrets: env.sessionSecrets,
    maxAge: SESSION_LIFETIME_MS / 1000,
  })
})

export type SessionMeta = { userAgent?: string | null; ip?: string | null }

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createSession(userId: string, meta: SessionMeta) {
  const token = randomBytes(32).toString('base64url')
  const session = await prisma.session.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      ip: meta.ip ?? null,
    },
  })
  return { session, cookie: await sessionCookie.serialize(token) }
}

async function readToken(request: Request): Promise<string | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
  return typeof token === 'string' && token.length > 0 ? token : null
}

const SessionRowSchema = z.object({
  id: z.string(),
  userId: z.string(),
  expiresAt: z.date(),
  lastSeenAt: z.date(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(['SHOPPER', 'SELLER', 'ADMIN'])),
  status: z.enum(['ACTIVE', 'BLOCKED']),
  locale: z.string().nullable(),
  userCreatedAt: z.date(),
  avatar: z.unknown(),
})

/**
 * The live session named by the request's cookie, with its user and their avatar (one round
 * trip), or null. Ends expired, idle and blocked ones.
 */
export async function findSession(request: Request) {
  const token = await readToken(request)
  if (!token) return null
  const [row] = await prisma.$queryRaw<unknown[]>(Prisma.sql`
    SELECT s.id, s."userId", s."expiresAt", s."lastSeenAt", u.email, u.name, u.roles::text[] AS roles,
           u.status::text AS status, u.locale, u."createdAt" AS "userCreatedAt", ${imageAssetJson(Prisma.sql`u."avatarId"`)} AS avatar
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s."tokenHash" = ${hashToken(token)}`)
  if (!row) return null
  const { email, name, roles, status, locale, userCreatedAt, avatar, ...session } =
    SessionRowSchema.parse(row)
  const now = Date.now()
  const expired =
    session.expiresAt.getTime() <= now ||
    session.lastSeenAt.getTime() + SESSION_IDLE_TIMEOUT_MS <= now
  if (expired || status === 'BLOCKED') {
    await prisma.session.deleteMany({ where: { id: session.id } })
    return null
  }
  if (session.lastSeenAt.getTime() + TOUCH_INTERVAL_MS <= now) {
    await prisma.session.updateMany({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now) },
    })
  }
  return {
    ...session,
    user: { id: session.userId, email, name, roles, status, locale, createdAt: userCreatedAt },
    avatar: parseImageAsset(avatar),
  }
}

/** Deletes the request's session row (sign-out) and returns the header that clears the cookie. */
export async function destroySession(request: Request) {
  const token = await readToken(request)
  if (token) await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } })
  return sessionCookie.serialize('', { maxAge: 0 })
}

export function listSessions(userId: string) {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
  })
}

/** Revokes one of the user's own sessions; another user's session id changes nothing. */
export async function revokeSession(userId: string, sessionId: string) {
  const { count } = await prisma.session.deleteMany({ where: { id: sessionId, userId } })
  return count > 0
}

export async function revokeAllSessions(userId: string) {
  await prisma.session.deleteMany({ where: { userId } })
}

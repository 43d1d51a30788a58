import { createHmac, timingSafeEqual } from 'node:crypto'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { NotificationKindSchema, type NotificationKind } from './kinds.ts'

// One-click unsubscribe: every notification email carries a link (and List-Unsubscribe headers,
// RFC 8058) that turns off that kind's emails for that person without signing in. The link is
// signed with the session secret (HMAC-SHA256 of the user and the kind), so it needs no table
// and cannot be forged for someone else; a rotated secret keeps older links working while it is
// still in SESSION_SECRET's list.

function sign(secret: string, userId: string, kind: string) {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${kind}`).digest('base64url')
}

export function unsubscribeToken(userId: string, kind: NotificationKind) {
  return sign(getEnv().sessionSecrets[0]!, userId, kind)
}

/** The unsubscribe page's path (without a language prefix) for one person and kind. */
export function unsubscribePath(userId: string, kind: NotificationKind) {
  const query = new URLSearchParams({ u: userId, k: kind, s: unsubscribeToken(userId, kind) })
  return `/notifications/unsubscribe?${query}`
}

/** The person and kind a link names, when its signature is good; null otherwise. */
export function readUnsubscribeLink(params: URLSearchParams) {
  const userId = params.get('u') ?? ''
  const kind = NotificationKindSchema.safeParse(params.get('k'))
  const signature = Buffer.from(params.get('s') ?? '')
  if (!kind.success || !/^[a-z0-9]{1,40}$/i.test(userId)) return null
  const good = getEnv().sessionSecrets.some((secret) => {
    const expected = Buffer.from(sign(secret, userId, kind.data))
    return expected.length === signature.length && timingSafeEqual(expected, signature)
  })
  return good ? { userId, kind: kind.data } : null
}

/** The kinds `userId` gets no email for. */
export async function getEmailsOff(userId: string): Promise<NotificationKind[]> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { notificationEmailsOff: true },
  })
  return user?.notificationEmailsOff ?? []
}

/** Turns off one kind's emails (idempotent: a second click changes nothing). */
export async function unsubscribe(userId: string, kind: NotificationKind) {
  await prisma.$executeRaw`
    UPDATE "User" SET "notificationEmailsOff" = array_append("notificationEmailsOff", ${kind}::"NotificationKind")
    WHERE "id" = ${userId} AND NOT (${kind}::"NotificationKind" = ANY("notificationEmailsOff"))`
}

/** Sets which of `offered` kinds send email; kinds not offered to the person keep their setting. */
export async function setEmailPreferences(
  userId: string,
  offered: readonly NotificationKind[],
  wanted: ReadonlySet<NotificationKind>,
) {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { notificationEmailsOff: true },
    })
    const kept = user.notificationEmailsOff.filter((kind) => !offered.includes(kind))
    const off = offered.filter((kind) => !wanted.has(kind))
    await tx.user.update({
      where: { id: userId },
      data: { notificationEmailsOff: [...kept, ...off] },
    })
  })
}

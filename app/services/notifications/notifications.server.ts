import { prisma, Prisma } from '~/infra/db.server.ts'
import type { NotificationView } from './kinds.ts'

// Reading and marking a person's notifications. Every query names the person: nobody reads or
// marks anyone else's (an id that is not theirs changes nothing).

export const NOTIFICATIONS_PER_PAGE = 20

const viewSelect = { id: true, kind: true, data: true, readAt: true, createdAt: true } as const

type Row = {
  id: bigint
  kind: NotificationView['kind']
  data: unknown
  readAt: Date | null
  createdAt: Date
}

export function toView(row: Row): NotificationView {
  return {
    id: row.id.toString(),
    kind: row.kind,
    data: (row.data ?? {}) as Record<string, unknown>,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

/** The bell's figures: how many are unread, and the newest id (where the live stream starts). */
export type NotificationBadge = { unread: number; latestId: string }

/**
 * The bell's figures as one SQL expression (a JSON object), so the page header can read them in
 * the same query as the rest of its personal figures (app/services/header.server.ts).
 */
export function notificationBadgeSql(userId: string) {
  return Prisma.sql`(SELECT json_build_object(
      'unread', count(*) FILTER (WHERE "readAt" IS NULL),
      'latestId', coalesce(max("id"), 0)::text)
    FROM "Notification" WHERE "userId" = ${userId})`
}

export async function getNotificationBadge(userId: string): Promise<NotificationBadge> {
  const [row] = await prisma.$queryRaw<Array<{ badge: NotificationBadge }>>`
    SELECT ${notificationBadgeSql(userId)} AS badge`
  return row!.badge
}

export async function countUnread(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } })
}

/** One page of the person's notifications, newest first. */
export async function listNotifications(userId: string, { page = 1 }: { page?: number } = {}) {
  const total = await prisma.notification.count({ where: { userId } })
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE))
  const current = Math.min(Math.max(1, page), pages)
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: { id: 'desc' },
    skip: (current - 1) * NOTIFICATIONS_PER_PAGE,
    take: NOTIFICATIONS_PER_PAGE,
    select: viewSelect,
  })
  return { notifications: rows.map(toView), page: current, pages }
}

/** The person's notifications after `afterId`, oldest first (what a live page has not seen). */
export async function listNotificationsAfter(userId: string, afterId: bigint, take = 100) {
  const rows = await prisma.notification.findMany({
    where: { userId, id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take,
    select: viewSelect,
  })
  return rows.map(toView)
}

/** Marks one of the person's notifications read; false when it is not theirs. */
export async function markNotificationRead(userId: string, id: bigint, now = new Date()) {
  const mine = await prisma.notification.findFirst({ where: { id, userId }, select: { id: true } })
  if (!mine) return false
  await prisma.notification.updateMany({
    where: { id, userId, readAt: null },
    data: { readAt: now },
  })
  return true
}

/** Marks every unread notification of the person read; returns how many. */
export async function markAllNotificationsRead(userId: string, now = new Date()) {
  const { count } = await prisma.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: now },
  })
  return count
}

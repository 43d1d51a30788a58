import { z } from 'zod'
import { prisma, type Prisma, type Tx } from '~/infra/db.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { liveBus } from '~/infra/live/bus.server.ts'
import { enqueueNotificationEmail } from './emails.server.ts'
import { NOTIFICATION_DATA, type NotificationData, type NotificationKind } from './kinds.ts'

// notify() is how every domain tells a person something happened: it writes the notification in
// the caller's transaction and queues its delivery (the live push to the person's open pages
// and, if they want email for that kind, the email), so both happen if and only if the change
// commits; the stream resumes from the stored rows (docs/domains/accounts.md).

export const NOTIFICATION_DELIVER_TASK = 'notification.deliver'

/** The live bus topic: a message says "user X has notifications up to id N". */
export const NOTIFICATIONS_TOPIC = 'notifications'

export type NotifyInput<K extends NotificationKind = NotificationKind> = {
  userId: string
  kind: K
  data: NotificationData<K>
}

/**
 * Notifies one person; pass the transaction of the change. Call it after the change's own
 * statements: it takes a per-person lock until the commit, so one person's notifications commit
 * in id order and a page resuming after id N can never miss a smaller id committed later.
 */
export async function notify<K extends NotificationKind>(tx: Tx, input: NotifyInput<K>) {
  const [created] = await notifyAll(tx, [input])
  return created!
}

/** Notifies several people (or one person of several things) in one transaction. */
export async function notifyAll(tx: Tx, inputs: NotifyInput[]) {
  if (!inputs.length) return []
  const rows = inputs.map((input) => ({
    userId: input.userId,
    kind: input.kind,
    data: NOTIFICATION_DATA[input.kind].parse(input.data) as Prisma.InputJsonObject,
  }))
  // Locks in one order, so two transactions notifying the same people never wait in a cycle.
  const userIds = [...new Set(rows.map((row) => row.userId))].sort()
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(hashtextextended('notification:' || id, 0))
    FROM unnest(${userIds}::text[]) AS id ORDER BY id`
  const created = await tx.notification.createManyAndReturn({
    data: rows,
    select: { id: true, userId: true, kind: true },
  })
  await enqueueJobs(
    tx,
    ...created.map((row) => ({
      task: NOTIFICATION_DELIVER_TASK,
      payload: { id: row.id.toString() },
    })),
  )
  return created
}

/** Notifies every active admin (a review waiting, a report). */
export async function notifyAdmins<K extends NotificationKind>(
  tx: Tx,
  kind: K,
  data: NotificationData<K>,
) {
  const admins = await tx.user.findMany({
    where: { roles: { has: 'ADMIN' }, status: 'ACTIVE' },
    select: { id: true },
  })
  return notifyAll(
    tx,
    admins.map((admin) => ({ userId: admin.id, kind, data })),
  )
}

const DeliverSchema = z.object({ id: z.string().regex(/^\d+$/) })

/** After the commit: the live push to the person's open pages, and the email if they want it. */
export const notificationDeliverTask: JobTask = async (payload) => {
  const id = BigInt(DeliverSchema.parse(payload).id)
  const notification = await prisma.notification.findUnique({
    where: { id },
    select: { id: true, userId: true, kind: true },
  })
  if (!notification) return
  await enqueueNotificationEmail(notification.id)
  await publishNotification(notification.userId, notification.id)
}

/** Tells every app process that `userId` has notifications up to `id`. */
export async function publishNotification(userId: string, id: bigint) {
  await liveBus.publish(NOTIFICATIONS_TOPIC, JSON.stringify({ userId, id: id.toString() }))
}

import { describe, expect, it } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import {
  getNotificationBadge,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '~/services/notifications/notifications.server.ts'
import {
  NOTIFICATION_DELIVER_TASK,
  notify,
  notifyAll,
} from '~/services/notifications/notify.server.ts'
import { createUser } from '../support/fixtures.ts'
import { mailsTo } from '../support/queued-mail.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'

const product = {
  productSlug: 'linen-dress',
  productTitle: 'Linen dress',
  productTitleFa: 'پیراهن کتان',
}

describe('notify()', () => {
  it('writes the row and queues its delivery in the caller’s transaction, and nothing when it rolls back', async () => {
    const user = await createUser()
    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, { userId: user.id, kind: 'REVIEW_APPROVED', data: product })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0)
    expect(await listQueuedJobs(NOTIFICATION_DELIVER_TASK)).toHaveLength(0)

    const created = await prisma.$transaction((tx) =>
      notify(tx, { userId: user.id, kind: 'REVIEW_APPROVED', data: product }),
    )
    const rows = await prisma.notification.findMany({ where: { userId: user.id } })
    expect(rows).toMatchObject([
      { id: created.id, kind: 'REVIEW_APPROVED', data: product, readAt: null },
    ])
    const jobs = await listQueuedJobs(NOTIFICATION_DELIVER_TASK)
    expect(jobs.map((job) => job.payload)).toEqual([{ id: created.id.toString() }])
  })

  it('refuses data that does not fit the kind, writing nothing', async () => {
    const user = await createUser()
    await expect(
      prisma.$transaction((tx) =>
        // @ts-expect-error: a NEW_ORDER needs an order number and an item count
        notify(tx, { userId: user.id, kind: 'NEW_ORDER', data: { itemCount: 0 } }),
      ),
    ).rejects.toThrow()
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0)
  })

  it('emails the kinds the person wants, with one-click unsubscribe headers, once', async () => {
    const user = await createUser({ email: 'wants-mail@example.test' })
    const other = await createUser({ email: 'no-review-mail@example.test' })
    await prisma.user.update({
      where: { id: other.id },
      data: { notificationEmailsOff: ['REVIEW_REJECTED'] },
    })
    await prisma.$transaction((tx) =>
      notifyAll(tx, [
        { userId: user.id, kind: 'REVIEW_REJECTED', data: { ...product, reason: 'Off topic' } },
        { userId: other.id, kind: 'REVIEW_REJECTED', data: product },
        // Shipments send their own email: the notification sends no second one.
        { userId: user.id, kind: 'ORDER_SHIPPED', data: { orderNumber: 'SP-1', shopName: 'Sami' } },
      ]),
    )
    await runDueJobs(tasksExceptMailAndSearch)
    await runDueJobs(tasksExceptMailAndSearch)
    const mails = await mailsTo('wants-mail@example.test')
    expect(mails).toHaveLength(1)
    const [mail] = mails as Array<(typeof mails)[number] & { headers: Record<string, string> }>
    expect(mail!.subject).toBe('Your review of Linen dress was not published: Off topic')
    expect(mail!.text).toContain('http://localhost:3000/p/linen-dress')
    const unsubscribe = /<(http[^>]+)>/.exec(mail!.headers['List-Unsubscribe']!)?.[1]
    expect(unsubscribe).toMatch(/\/notifications\/unsubscribe\?u=.+&k=REVIEW_REJECTED&s=/)
    expect(mail!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(mail!.text).toContain(unsubscribe)
    expect(await mailsTo('no-review-mail@example.test')).toEqual([])
    expect(await listQueuedJobs(NOTIFICATION_DELIVER_TASK)).toHaveLength(0)
  })

  it('writes a Persian reader’s email in Persian', async () => {
    const user = await createUser({ email: 'persian-reader@example.test' })
    await prisma.user.update({ where: { id: user.id }, data: { locale: 'fa' } })
    await prisma.$transaction((tx) =>
      notify(tx, { userId: user.id, kind: 'REVIEW_APPROVED', data: product }),
    )
    await runDueJobs(tasksExceptMailAndSearch)
    const [mail] = await mailsTo('persian-reader@example.test')
    expect(mail!.subject).toBe('نظر شما دربارهٔ \u2068پیراهن کتان\u2069 منتشر شد.')
    expect(mail!.html).toContain('lang="fa" dir="rtl"')
    expect(mail!.text).toContain('/fa/p/linen-dress')
  })
})

describe('reading notifications', () => {
  it('counts, lists newest first, and marks only the person’s own read', async () => {
    const user = await createUser()
    const stranger = await createUser()
    const [first, second] = await prisma.$transaction((tx) =>
      notifyAll(tx, [
        { userId: user.id, kind: 'REVIEW_APPROVED', data: product },
        { userId: user.id, kind: 'NEW_REVIEW', data: { ...product, rating: 4 } },
      ]),
    )
    expect(await getNotificationBadge(user.id)).toEqual({
      unread: 2,
      latestId: second!.id.toString(),
    })
    expect(await getNotificationBadge(stranger.id)).toEqual({ unread: 0, latestId: '0' })
    const { notifications } = await listNotifications(user.id)
    expect(notifications.map((row) => row.kind)).toEqual(['NEW_REVIEW', 'REVIEW_APPROVED'])

    expect(await markNotificationRead(stranger.id, first!.id)).toBe(false)
    expect((await getNotificationBadge(user.id)).unread).toBe(2)
    expect(await markNotificationRead(user.id, first!.id)).toBe(true)
    expect((await getNotificationBadge(user.id)).unread).toBe(1)
    expect(await markAllNotificationsRead(user.id)).toBe(1)
    expect((await getNotificationBadge(user.id)).unread).toBe(0)
  })
})

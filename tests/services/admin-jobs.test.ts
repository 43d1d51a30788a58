import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { enqueueJobs, listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { discardJobAsAdmin, listFailedJobs, retryJobAsAdmin } from '~/services/admin/jobs.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createFailedJob } from '../support/jobs.ts'

const admin = async () => {
  const user = await createUser({ name: 'Jobs Admin', roles: ['SHOPPER', 'ADMIN'] })
  return { id: user.id, email: user.email }
}

describe('failed jobs, for admins', () => {
  test('a job that used up its attempts is listed; a waiting one is not', async () => {
    const failed = await createFailedJob('t.listed', { orderId: 'o1' }, 'SMTP said no')
    await prisma.$transaction((tx) => enqueueJobs(tx, { task: 't.listed', payload: { n: 2 } }))
    const { jobs, total } = await listFailedJobs()
    expect(total).toBe(1)
    expect(jobs).toEqual([
      expect.objectContaining({
        id: failed,
        task: 't.listed',
        payload: { orderId: 'o1' },
        attempts: 3,
        lastError: 'SMTP said no',
      }),
    ])
  })

  test('retry: attempts start again, it runs now, and the audit log says who and what', async () => {
    const by = await admin()
    const id = await createFailedJob('t.retry', { orderId: 'o2' }, 'mail server down')
    expect(await retryJobAsAdmin(by, id)).toMatchObject({ task: 't.retry' })
    const [job] = await listQueuedJobs('t.retry')
    expect(job).toMatchObject({ attempts: 0 })
    const ran: unknown[] = []
    await runDueJobs({ 't.retry': async (payload) => void ran.push(payload) })
    expect(ran).toEqual([{ orderId: 'o2' }])
    expect(await listQueuedJobs('t.retry')).toEqual([])
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'job.retry' } })
    expect(entry).toMatchObject({
      actorId: by.id,
      targetType: 'JOB',
      targetId: String(id),
      targetLabel: 't.retry',
      details: { payload: { orderId: 'o2' }, attempts: 3, lastError: 'mail server down' },
    })
  })

  test('discard: gone for good, its payload kept in the audit log; two admins at once, one wins', async () => {
    const [first, second] = await Promise.all([admin(), admin()])
    const id = await createFailedJob('t.discard', { key: 'img/x/1.jpg' }, 'bucket gone')
    const results = await Promise.all([discardJobAsAdmin(first, id), discardJobAsAdmin(second, id)])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await listQueuedJobs('t.discard')).toEqual([])
    const entries = await prisma.auditEntry.findMany({ where: { action: 'job.discard' } })
    expect(entries).toHaveLength(1)
    expect(entries[0]!.details).toMatchObject({ payload: { key: 'img/x/1.jpg' } })
    // Retrying what is gone finds nothing.
    expect(await retryJobAsAdmin(first, id)).toBeNull()
  })

  test('a job still being retried is not an admin decision', async () => {
    const by = await admin()
    await prisma.$transaction((tx) => enqueueJobs(tx, { task: 't.alive', payload: {} }))
    const [job] = await listQueuedJobs('t.alive')
    expect(await retryJobAsAdmin(by, job!.id)).toBeNull()
    expect(await discardJobAsAdmin(by, job!.id)).toBeNull()
    expect(await listQueuedJobs('t.alive')).toHaveLength(1)
  })
})

import { prisma, type Prisma } from '~/infra/db.server.ts'
import { discardFailedJob, retryFailedJob } from '~/infra/jobs/queue.server.ts'
import { recordAudit } from '~/services/audit/audit.server.ts'

// What an admin does with background jobs that used up their attempts (ADR 019): retry one
// (its attempts start again, due now) or discard it. Each decision and its audit entry commit
// together; the entry keeps the job's payload and last error, so a discarded job stays on record.

export { listFailedJobs } from '~/infra/jobs/queue.server.ts'

type Admin = { id: string; email: string }

async function decide(admin: Admin, jobId: bigint, decision: 'retry' | 'discard') {
  return prisma.$transaction(async (tx) => {
    const job = await (decision === 'retry' ? retryFailedJob : discardFailedJob)(tx, jobId)
    if (!job) return null
    await recordAudit(tx, {
      actor: admin,
      action: decision === 'retry' ? 'job.retry' : 'job.discard',
      target: { type: 'JOB', id: String(job.id), label: job.task },
      details: {
        payload: job.payload as Prisma.InputJsonValue,
        attempts: job.attempts,
        lastError: job.lastError,
      },
    })
    return job
  })
}

/** Runs a failed job again; null when it is not (or no longer) failed. */
export function retryJobAsAdmin(admin: Admin, jobId: bigint) {
  return decide(admin, jobId, 'retry')
}

/** Deletes a failed job; null when it is not (or no longer) failed. */
export function discardJobAsAdmin(admin: Admin, jobId: bigint) {
  return decide(admin, jobId, 'discard')
}

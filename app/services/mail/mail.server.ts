import { z } from 'zod'
import type { Tx } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { mailer, type MailMessage } from '~/infra/mail/mailer.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'

// Email goes out as a `mail.send` job: a domain queues its message in the transaction of the
// change it reports, so it is sent if and only if the change commits, and retried with backoff
// until the mail server takes it.

export const MAIL_TASK = 'mail.send'

const MailPayloadSchema = z.object({
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string(),
  html: z.string(),
  /** Extra headers (List-Unsubscribe and List-Unsubscribe-Post on notification emails). */
  headers: z
    .record(z.string().regex(/^List-Unsubscribe(-Post)?$/), z.string().max(2000))
    .optional(),
})

/** Sends `message` once the transaction commits. `key` says what it is about (e.g. `order:<id>:placed`). */
export async function enqueueMail(tx: Tx, key: string, message: Omit<MailMessage, 'messageId'>) {
  await enqueueJobs(tx, { task: MAIL_TASK, payload: { key, ...MailPayloadSchema.parse(message) } })
}

export const mailTask: JobTask = async (payload, helpers) => {
  const message = MailPayloadSchema.parse(payload)
  const host = new URL(getEnv().appUrl).hostname
  // The same Message-ID on every attempt, so a retry after a lost answer is recognisable.
  await mailer.send({ ...message, messageId: `<job-${helpers.job.id}@${host}>` })
}

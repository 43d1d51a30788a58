import { z } from 'zod'
import type { Tx } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { mailer, type MailMessage } from '~/infra/mail/mailer.server.ts'
import { enqueue } from '~/infra/outbox/outbox.server.ts'
import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'

// Email goes out through the outbox: a domain renders its message and enqueues it in the
// transaction of the change it reports, so it is sent if and only if the change commits, and
// retried until the mail server takes it.

export const MAIL_TOPIC = 'mail.send'

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
  await enqueue(tx, { topic: MAIL_TOPIC, key, payload: MailPayloadSchema.parse(message) })
}

export const mailOutboxHandler: OutboxHandler = {
  topic: MAIL_TOPIC,
  batchSize: 20,
  async handle(events) {
    const failed = new Map<bigint, unknown>()
    const host = new URL(getEnv().appUrl).hostname
    for (const event of events) {
      try {
        const message = MailPayloadSchema.parse(event.payload)
        // The same Message-ID on every attempt, so a retry after a lost answer is recognisable.
        await mailer.send({ ...message, messageId: `<outbox-${event.id}@${host}>` })
      } catch (error) {
        failed.set(event.id, error)
      }
    }
    return { failed }
  },
}

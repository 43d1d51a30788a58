import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { MAIL_TASK } from '~/services/mail/mail.server.ts'

// The emails the app has queued (its mail.send jobs), as the worker would send them. Tests run
// no worker, so a queued email stays queued.

export type QueuedMail = { key: string; to: string; subject: string; text: string; html: string }

export async function mailsTo(to: string): Promise<QueuedMail[]> {
  return (await queuedMails()).filter((mail) => mail.to === to)
}

/** The token of the first `/path?token=…` link in the email's text. */
export function linkToken(mail: Pick<QueuedMail, 'text'> | undefined, path: string) {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail?.text ?? '')
  return match?.[1]
}

/** Every queued email, in the order they were queued. */
export async function queuedMails(): Promise<QueuedMail[]> {
  return (await listQueuedJobs(MAIL_TASK)).map((job) => job.payload as QueuedMail)
}

import { prisma } from '~/infra/db.server.ts'

// The emails the app has enqueued (the outbox's mail.send events), as the worker would send them.

export type OutboxMail = { to: string; subject: string; text: string; html: string }

export async function mailsTo(to: string): Promise<OutboxMail[]> {
  const events = await prisma.outboxEvent.findMany({
    where: { topic: 'mail.send', payload: { path: ['to'], equals: to } },
    orderBy: { id: 'asc' },
  })
  return events.map((event) => event.payload as OutboxMail)
}

/** The token of the first `/path?token=…` link in the email's text. */
export function linkToken(mail: OutboxMail | undefined, path: string) {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail?.text ?? '')
  return match?.[1]
}

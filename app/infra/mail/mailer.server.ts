import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Env } from '../env.server.ts'
import { getEnv } from '../env.server.ts'
import { logger } from '../logger.server.ts'
import { singleton } from '../singleton.server.ts'
import { tracingEnabled, withSpan } from '../telemetry/tracing.server.ts'

// Sending email. With SMTP_URL set, nodemailer talks SMTP to that server; without it (the
// embedded default) each message is written to DATA_DIR/mail as an .eml file any mail program
// opens, and the log names the file. Domains do not send directly: they queue a `mail.send` job
// in the transaction of the change (see app/services/mail/mail.server.ts).

export type MailMessage = {
  to: string
  subject: string
  text: string
  html: string
  headers?: Record<string, string>
  /** A stable Message-ID, so a retried send can be recognised as the same message. */
  messageId?: string
}

export type SentMail = { messageId: string; file?: string }

export interface Mailer {
  readonly kind: 'smtp' | 'file'
  send(message: MailMessage): Promise<SentMail>
  /** Checks the server answers (for /readyz); the file mailer always can. */
  verify(): Promise<void>
}

export function createSmtpMailer(url: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(url, { from })
  return {
    kind: 'smtp',
    async send(message) {
      const info = await transport.sendMail({ ...message })
      return { messageId: info.messageId }
    },
    async verify() {
      await transport.verify()
    },
  }
}

export function createFileMailer(directory: string, from: string): Mailer {
  // nodemailer builds the complete MIME message; we keep its bytes instead of sending them.
  const transport = nodemailer.createTransport(
    { streamTransport: true, buffer: true, newline: 'windows' },
    { from },
  )
  return {
    kind: 'file',
    async send(message) {
      const info = await transport.sendMail({ ...message })
      await mkdir(directory, { recursive: true })
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const file = path.join(directory, `${stamp}-${randomBytes(4).toString('hex')}.eml`)
      await writeFile(file, info.message)
      logger.info(
        { to: message.to, subject: message.subject, file: pathToFileURL(file).href },
        'Email written to a file (SMTP_URL is not set)',
      )
      return { messageId: info.messageId, file }
    },
    async verify() {},
  }
}

export function createMailer(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'dataDir'>): Mailer {
  const mailer = env.SMTP_URL
    ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM)
    : createFileMailer(path.join(env.dataDir, 'mail'), env.MAIL_FROM)
  if (!tracingEnabled) return mailer
  return {
    kind: mailer.kind,
    verify: () => mailer.verify(),
    // No address or subject on the span: traces leave the store.
    send: (message) =>
      withSpan('mail send', { 'mail.transport': mailer.kind }, () => mailer.send(message)),
  }
}

/** The process's mailer, chosen by the configuration. */
export const mailer: Mailer = singleton('mailer', () => createMailer(getEnv()))

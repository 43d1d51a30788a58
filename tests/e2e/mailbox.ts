import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeMail } from '../support/smtp-sink.ts'
import { E2E_DATA_DIR } from './environment.ts'

// The emails the app under test sent. It runs without SMTP_URL, so its mail jobs write each
// message to DATA_DIR/mail as an .eml file; this reads them back as a mail program would.

export type ReceivedMail = { to: string; subject: string; text: string; html: string }

/** The emails sent to `to`, oldest first. */
export async function mailsTo(to: string): Promise<ReceivedMail[]> {
  const dir = path.join(E2E_DATA_DIR, 'mail')
  const files = (await readdir(dir).catch(() => [] as string[])).filter((name) =>
    name.endsWith('.eml'),
  )
  const mails: ReceivedMail[] = []
  // The names start with the moment they were written.
  for (const name of files.sort()) {
    const mail = decodeMail(await readFile(path.join(dir, name), 'utf8'))
    const recipient = mail.headers.to ?? ''
    if (recipient === to || recipient.includes(`<${to}>`)) mails.push({ ...mail, to: recipient })
  }
  return mails
}

import { afterAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { MAIL_TASK, enqueueMail, mailTask } from '~/services/mail/mail.server.ts'
import { createUser } from '../support/fixtures.ts'
import { makeJobsDue, tasksExceptMailAndSearch } from '../support/jobs.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// Fault drill: the mail server goes away (the cable to a local SMTP server is pulled) while the
// store keeps sending, and comes back. Emails wait in the job queue, retried with backoff, and each
// goes out exactly once when it returns; nothing that caused them (an order) waits or fails.
const smtp = await vi.hoisted(async () => {
  const { startSmtpSink } = await import('../support/smtp-sink.ts')
  const { startCable } = await import('../support/cable.ts')
  const sink = await startSmtpSink()
  const cable = await startCable({ host: '127.0.0.1', port: Number(new URL(sink.url).port) })
  process.env.SMTP_URL = cable.url('smtp')
  return { sink, cable }
})

const figures: Record<string, string> = {}
const sleep = (time: number) => new Promise((resolve) => setTimeout(resolve, time))

afterAll(async () => {
  smtp.cable.close()
  await smtp.sink.close()
  console.info(
    `\nSMTP-down drill:\n${Object.entries(figures)
      .map(([name, value]) => `  ${name.padEnd(50)} ${value}`)
      .join('\n')}\n`,
  )
})

const pending = () => listQueuedJobs(MAIL_TASK)
const sendMail = () => runDueJobs({ [MAIL_TASK]: mailTask })

describe('SMTP down and back', () => {
  test('emails wait in the queue while the mail server is away and go out once each when it returns', async () => {
    smtp.cable.cut()
    const cutAt = performance.now()

    // The store goes on: an order is placed (its confirmation queued) and three more emails.
    const { shop } = await createSeller()
    const shopper = await createUser({ email: `drill-${Date.now()}@example.test` })
    const product = await createProduct(shop.id, { variants: [{ stock: 5 }] })
    const start = performance.now()
    const order = await placeTestOrder(shopper.id, [
      { variantId: product.variants[0]!.id, quantity: 1 },
    ])
    figures['a checkout while SMTP is down (first of the process)'] =
      `${Math.round(performance.now() - start)} ms`
    expect(order.id).toBeTruthy()
    const recipients = ['one', 'two', 'three'].map((name) => `${name}@example.test`)
    await prisma.$transaction(async (tx) => {
      for (const to of recipients)
        await enqueueMail(tx, `drill:${to}`, {
          to,
          subject: `Drill ${to}`,
          text: 'x',
          html: '<p>x</p>',
        })
    })
    // The order's job queues its emails: count what waits.
    await runDueJobs(tasksExceptMailAndSearch)
    const queued = await pending()
    expect(queued.length).toBeGreaterThanOrEqual(3)
    figures['emails queued'] = `${queued.length}`

    // Two rounds while it is down: every send fails, nothing is lost, attempts grow.
    let rounds = 0
    let failures = 0
    for (let round = 0; round < 2; round++) {
      await makeJobsDue((await pending()).map((job) => job.id))
      const roundStart = performance.now()
      await sendMail()
      figures[`send round ${round + 1} while down`] =
        `${Math.round(performance.now() - roundStart)} ms for ${queued.length} emails`
      rounds++
      const rows = await pending()
      expect(rows).toHaveLength(queued.length)
      failures += rows.filter((row) => row.lastError).length
      for (const row of rows) expect(row.lastError).toMatch(/ECONNREFUSED|connect/i)
    }
    expect(smtp.sink.received).toHaveLength(0)
    figures['failed attempts while down'] = `${failures} in ${rounds} rounds`
    const attempts = (await pending()).map((row) => row.attempts)
    expect(new Set(attempts)).toEqual(new Set([2]))

    // Back: the worker's next rounds (after the backoff) send each email once.
    await smtp.cable.plugIn()
    const backAt = performance.now()
    figures['SMTP down for'] = `${Math.round((backAt - cutAt) / 1000)} s`
    const deadline = Date.now() + 30_000
    while ((await pending()).length && Date.now() < deadline) {
      await makeJobsDue((await pending()).map((job) => job.id))
      await sendMail()
      await sleep(250)
    }
    expect(await pending()).toHaveLength(0)
    figures['all sent after SMTP returned'] = `${Math.round(performance.now() - backAt)} ms`

    // More rounds send nothing again.
    await sendMail()
    const to = smtp.sink.received.flatMap((mail) => mail.to)
    expect(to.length).toBe(queued.length)
    expect(new Set(to).size).toBe(to.length)
    for (const recipient of [...recipients, shopper.email]) expect(to).toContain(recipient)
    // One Message-ID per email, the same on every attempt (the job's id).
    const ids = smtp.sink.received.map((mail) => /^Message-ID: (.+)$/im.exec(mail.data)?.[1])
    expect(new Set(ids).size).toBe(queued.length)
    for (const row of queued) expect(ids.some((id) => id?.includes(`job-${row.id}@`))).toBe(true)
    figures['emails received'] = `${to.length} (each once)`
  }, 90_000)
})

import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { jobTasks } from '~/services/jobs.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { createFileMailer, createMailer, createSmtpMailer } from '~/infra/mail/mailer.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { MAIL_TASK, enqueueMail, mailTask } from '~/services/mail/mail.server.ts'
import { renderOrderPlaced } from '~/services/orders/emails.server.ts'
import { html } from '~/utils/html.ts'
import { createUser } from '../support/fixtures.ts'
import {
  SAMPLE_ADDRESS,
  createProduct,
  createSeller,
  placeTestOrder,
} from '../support/shop-fixtures.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'

const mailDir = () => path.join(getEnv().dataDir, 'mail')

async function emlFiles() {
  const names = await readdir(mailDir()).catch(() => [] as string[])
  return names.filter((name) => name.endsWith('.eml')).sort()
}

describe('html templates', () => {
  test('escape every interpolated value, but not nested templates', () => {
    const name = `<script>alert("x")</script> & 'co'`
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    )
    expect(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.value).toBe(
      '<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>',
    )
  })

  test('order emails show what people typed as text', () => {
    const email = renderOrderPlaced('en', {
      number: 'SP-2345-6789',
      path: '/orders/SP-2345-6789',
      customerName: '<img src=x onerror=alert(1)>',
      currency: 'USD',
      placedAt: new Date('2026-12-05T10:00:00Z'),
      itemsTotal: 1000,
      itemsRegular: 1000,
      shippingCost: 495,
      total: 1495,
      shippingMethod: 'standard',
      paymentMethod: 'pay-on-delivery',
      address: { ...SAMPLE_ADDRESS, line1: '1 <b>Bold</b> Road' },
      lines: [
        {
          title: 'Tee "Classic" <3',
          colorName: 'Black',
          sizeLabel: 'M',
          quantity: 1,
          unitPrice: 1000,
          lineTotal: 1000,
          shopName: 'A&B',
        },
      ],
    })
    expect(email.html).not.toContain('<img src=x')
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(email.html).toContain('1 &lt;b&gt;Bold&lt;/b&gt; Road')
    expect(email.html).toContain('Tee &quot;Classic&quot; &lt;3')
    expect(email.text).toContain('Hello <img src=x onerror=alert(1)>,')
    expect(email.text).toContain('- Tee "Classic" <3 (Black, M) from A&B: 1 × $10.00 = $10.00')
    expect(email.text).toContain('Follow your order: http://localhost:3000/orders/SP-2345-6789')
  })
})

describe('the mail.send job', () => {
  test('without SMTP_URL writes each email as an .eml file under DATA_DIR/mail', async () => {
    expect(createMailer(getEnv()).kind).toBe('file')
    const shopper = await createUser({ name: 'Mina Mail' })
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { title: 'Striped tee', price: 2000 })
    const before = await emlFiles()
    const placed = await placeTestOrder(shopper.id, [
      { variantId: tee.variants[0]!.id, quantity: 2 },
    ])

    // The order's job renders the shopper's confirmation and the seller's new-order email, and
    // their jobs send them.
    await runDueJobs(jobTasks)
    const files = (await emlFiles()).filter((name) => !before.includes(name))
    expect(files).toHaveLength(2)
    const emls = await Promise.all(
      files.map((file) => readFile(path.join(mailDir(), file), 'utf8')),
    )
    const eml = emls.find((text) => text.includes(`To: ${shopper.email}`))!
    expect(eml).toMatch(new RegExp(`^To: ${shopper.email}\\r$`, 'm'))
    expect(eml).toMatch(/^From: Shikposh <orders@shikposh\.test>\r$/m)
    expect(eml).toMatch(new RegExp(`^Subject: Your Shikposh order ${placed.number}\\r$`, 'm'))
    expect(eml).toMatch(/^Message-ID: <job-\d+@localhost>\r$/m)
    expect(eml).toContain('Content-Type: text/plain')
    expect(eml).toContain('Content-Type: text/html')
    expect(await listQueuedJobs(MAIL_TASK)).toEqual([])
  })

  test('with SMTP it speaks SMTP to the server (a real socket, a test server)', async () => {
    const sink = await startSmtpSink()
    try {
      const mailer = createSmtpMailer(sink.url, 'Shikposh <orders@shikposh.test>')
      await mailer.verify()
      const sent = await mailer.send({
        to: 'buyer@example.test',
        subject: 'Hello',
        text: 'Plain body',
        html: '<p>HTML body</p>',
        messageId: '<fixed@test>',
      })
      expect(sent.messageId).toBe('<fixed@test>')
      expect(sink.received).toHaveLength(1)
      expect(sink.received[0]).toMatchObject({
        from: 'orders@shikposh.test',
        to: ['buyer@example.test'],
      })
      expect(sink.received[0]!.data).toContain('Subject: Hello')
      expect(sink.received[0]!.data).toContain('Plain body')
    } finally {
      await sink.close()
    }
  })

  test('a failing send stays queued to be retried; the others are done', async () => {
    await prisma.$transaction(async (tx) => {
      await enqueueMail(tx, 'test:good', {
        to: 'good@example.test',
        subject: 'Good',
        text: 'x',
        html: '<p>x</p>',
      })
      await enqueueMail(tx, 'test:bad', {
        to: 'bad@example.test',
        subject: 'Bad',
        text: 'x',
        html: '<p>x</p>',
      })
    })
    const sink = await startSmtpSink()
    const refusing = await startSmtpSink({ rejectWith: '451 4.3.0 try again later' })
    const { mailer } = await import('~/infra/mail/mailer.server.ts')
    const good = createSmtpMailer(sink.url, 'Shikposh <orders@shikposh.test>')
    const bad = createSmtpMailer(refusing.url, 'Shikposh <orders@shikposh.test>')
    // Route each message to a server by recipient: the edge is the only thing replaced.
    const original = mailer.send
    mailer.send = (message) => (message.to.startsWith('bad') ? bad : good).send(message)
    try {
      await runDueJobs({ [MAIL_TASK]: mailTask })
    } finally {
      mailer.send = original
      await sink.close()
      await refusing.close()
    }
    const waiting = await listQueuedJobs(MAIL_TASK)
    expect(waiting.map((job) => [(job.payload as { key: string }).key, job.attempts])).toEqual([
      ['test:bad', 1],
    ])
    expect(waiting[0]!.lastError).toMatch(/451/)
    expect(sink.received.map((mail) => mail.to)).toEqual([['good@example.test']])
  })

  test('the file mailer can be pointed anywhere', async () => {
    const dir = path.join(getEnv().dataDir, 'elsewhere')
    const sent = await createFileMailer(dir, 'Shop <a@b.test>').send({
      to: 'x@example.test',
      subject: 'Hi',
      text: 'x',
      html: '<p>x</p>',
    })
    expect(sent.file!.startsWith(dir)).toBe(true)
    expect(await readFile(sent.file!, 'utf8')).toContain('Subject: Hi')
  })
})

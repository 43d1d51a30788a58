import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runOnce, Logger } from 'graphile-worker'
import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { DEFAULT_MIGRATIONS_DIR, migrate, readLocalMigrations } from '~/infra/migrate.server.ts'
import { createEmptyDatabase, dropDatabase } from '../setup/databases.ts'

// The migrations that move waiting outbox events into the job queue: a database with events
// waiting before them has jobs after them, and each event's work is done exactly once.

const quiet = new Logger(() => () => {})
const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** The migrations before `first` in a folder of their own. */
async function migrationsBefore(first: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'shikposh-migrations-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  for (const name of await readdir(DEFAULT_MIGRATIONS_DIR)) {
    if (name < first || !/^\d/.test(name))
      await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true })
  }
  return dir
}

async function scratchDatabase() {
  const database = await createEmptyDatabase('jobsmig')
  cleanups.push(() => dropDatabase(database.name))
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  cleanups.push(() => client.end())
  return { url: database.url, client }
}

describe('moving the outbox into the job queue', () => {
  test('waiting catalog.reprice and payment.refund events become jobs at their moment, handled once', async () => {
    const { url, client } = await scratchDatabase()
    await migrate(url, { dir: await migrationsBefore('20261206010000') })
    const now = Date.now()
    const past = new Date(now - 60_000).toISOString()
    const future = new Date(now + 24 * 60 * 60_000)
    // Waiting events (one twice), an event done long ago, and one due tomorrow; "availableAt"
    // holds UTC without a time zone.
    await client.query(
      `INSERT INTO "OutboxEvent" ("topic", "key", "availableAt", "processedAt") VALUES
        ('catalog.reprice', 'p1', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('catalog.reprice', 'p2', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('catalog.reprice', 'p2', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('catalog.reprice', 'done', ($1::timestamptz AT TIME ZONE 'UTC'), ($1::timestamptz AT TIME ZONE 'UTC')),
        ('catalog.reprice', 'p3', ($2::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('search.product', 'p1', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('payment.refund', 'o1', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('payment.refund', 'o1', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('payment.refund', 'o2', ($1::timestamptz AT TIME ZONE 'UTC'), NULL)`,
      [past, future.toISOString()],
    )

    const result = await migrate(url, { dir: await migrationsBefore('20261208000000') })
    expect(result.applied).toEqual(
      expect.arrayContaining([
        '20261206010000_jobs_catalog_reprice',
        '20261206020000_jobs_payment_refund',
      ]),
    )

    const { rows: jobs } = await client.query<{ payload: unknown; run_at: Date }>(
      `SELECT p.payload, p.run_at FROM graphile_worker._private_jobs AS p
       JOIN graphile_worker._private_tasks AS t ON t.id = p.task_id
       WHERE t.identifier = 'catalog.reprice' ORDER BY p.run_at`,
    )
    expect(jobs.map((job) => job.payload)).toEqual([
      { productIds: ['p1', 'p2'] },
      { productIds: ['p3'] },
    ])
    expect(jobs[1]!.run_at.getTime()).toBe(future.getTime())
    const { rows: left } = await client.query(
      `SELECT "topic", "key" FROM "OutboxEvent" WHERE "processedAt" IS NULL ORDER BY "id"`,
    )
    // Topics that have not moved yet (by then) stay in the outbox.
    expect(left).toEqual([{ topic: 'search.product', key: 'p1' }])

    const handled: string[] = []
    const refunded: string[] = []
    const taskList = {
      'catalog.reprice': async (payload: unknown) => {
        handled.push(...(payload as { productIds: string[] }).productIds)
      },
      'payment.refund': async (payload: unknown) => {
        refunded.push((payload as { orderId: string }).orderId)
      },
    }
    await runOnce({ connectionString: url, taskList, logger: quiet })
    await runOnce({ connectionString: url, taskList, logger: quiet })
    expect(handled).toEqual(['p1', 'p2'])
    // One refund asked per order, even when its event was queued twice.
    expect(refunded.sort()).toEqual(['o1', 'o2'])
    // Tomorrow's stays queued for tomorrow.
    const { rows: waiting } = await client.query(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs`,
    )
    expect(waiting).toEqual([{ n: 1 }])
  })

  test('waiting search, mail and storage events become jobs at their moments, each done once', async () => {
    const { url, client } = await scratchDatabase()
    await migrate(url, { dir: await migrationsBefore('20261208000000') })
    const past = new Date(Date.now() - 60_000).toISOString()
    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000)
    const mail = { to: 'a@example.test', subject: 'Hi', text: 'x', html: '<p>x</p>' }
    await client.query(
      `INSERT INTO "OutboxEvent" ("topic", "key", "payload", "availableAt", "processedAt") VALUES
        ('search.product', 'p1', '{}', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('search.product', 'p1', '{}', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('search.product', 'p2', '{}', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('search.product', 'p3', '{}', ($2::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('search.product', 'old', '{}', ($1::timestamptz AT TIME ZONE 'UTC'), ($1::timestamptz AT TIME ZONE 'UTC')),
        ('mail.send', 'user:u1:verify-email', $3, ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('storage.delete', 'img/a/1.avif', '{}', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('storage.delete', 'img/a/2.avif', '{}', ($1::timestamptz AT TIME ZONE 'UTC'), NULL),
        ('media.sweep', 'asset1', '{}', ($2::timestamptz AT TIME ZONE 'UTC'), NULL)`,
      [past, tomorrow.toISOString(), JSON.stringify(mail)],
    )

    const result = await migrate(url)
    expect(result.applied).toContain('20261208000000_jobs_search_mail_media')
    const { rows: jobs } = await client.query<{ task: string; payload: unknown; run_at: Date }>(
      `SELECT t.identifier AS task, p.payload, p.run_at FROM graphile_worker._private_jobs AS p
       JOIN graphile_worker._private_tasks AS t ON t.id = p.task_id ORDER BY t.identifier, p.run_at`,
    )
    expect(jobs.map(({ task, payload }) => [task, payload])).toEqual([
      ['mail.send', { key: 'user:u1:verify-email', ...mail }],
      ['media.sweep', { assetIds: ['asset1'] }],
      ['search.product', { productIds: ['p1', 'p2'] }],
      ['search.product', { productIds: ['p3'] }],
      ['storage.delete', { keys: ['img/a/1.avif', 'img/a/2.avif'] }],
    ])
    expect(jobs.find((job) => job.task === 'media.sweep')!.run_at.getTime()).toBe(
      tomorrow.getTime(),
    )
    const { rows: left } = await client.query(
      `SELECT count(*)::int AS n FROM "OutboxEvent" WHERE "processedAt" IS NULL`,
    )
    expect(left).toEqual([{ n: 0 }])

    // Each due job is done once.
    const done: unknown[] = []
    const record = async (payload: unknown) => {
      done.push(payload)
    }
    const taskList = {
      'search.product': record,
      'mail.send': record,
      'storage.delete': record,
      'media.sweep': record,
    }
    await runOnce({ connectionString: url, taskList, logger: quiet })
    await runOnce({ connectionString: url, taskList, logger: quiet })
    expect(done).toHaveLength(3)
  })

  test('without the queue schema (plain `prisma migrate deploy`): fine when nothing waits, else a clear refusal', async () => {
    const { url, client } = await scratchDatabase()
    await migrate(url, { dir: await migrationsBefore('20261206010000') })
    await client.query(`DROP SCHEMA graphile_worker CASCADE`)
    const moving = (await readLocalMigrations()).filter(
      (migration) => migration.name >= '20261206010000',
    )
    await client.query('BEGIN')
    for (const migration of moving) await client.query(migration.sql)
    await client.query('ROLLBACK')

    await client.query(
      `INSERT INTO "OutboxEvent" ("topic", "key") VALUES ('catalog.reprice', 'p1')`,
    )
    await expect(client.query(moving[0]!.sql)).rejects.toThrow(/npm run db:migrate/)
  })
})

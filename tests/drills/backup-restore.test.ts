import { execFile } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { dumpDatabase, restoreDatabase } from '~/infra/backup.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { reindexProducts } from '~/services/search/reindex.server.ts'
import { seedDemoData } from '../../prisma/seed/index.ts'
import { createEmptyDatabase, dropDatabase } from '../setup/databases.ts'
import { pageView } from '../support/restore-view.ts'

// Restore drill: the demo store is dumped with `pg_dump` (what `npm run backup` runs), restored
// into a new, empty database (what `npm run restore` runs), and a separate process of the app
// pointed at it rebuilds the search index from it (`npm run search:reindex`) and shows the same
// product pages and search results, to the byte, as the original. The figures are printed.

const figures: Record<string, string> = {}
const cleanup: Array<() => Promise<unknown>> = []
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`

afterAll(async () => {
  for (const step of cleanup) await step()
  console.info(
    `\nBackup and restore drill:\n${Object.entries(figures)
      .map(([name, value]) => `  ${name.padEnd(40)} ${value}`)
      .join('\n')}\n`,
  )
})

/** One hash per table of the app's schema and the job queue's, read over a plain connection. */
async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
       WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE'
       ORDER BY 1`,
    )
    const result: Record<string, string> = {}
    for (const { name } of tables) {
      const { rows } = await client.query<{ hash: string; count: number }>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash,
           count(*)::int AS count FROM ${name} t`,
      )
      result[name] = `${rows[0]!.count}:${rows[0]!.hash}`
    }
    return result
  } finally {
    await client.end()
  }
}

describe('backup and restore', () => {
  test('a dump of the seeded store, restored into a new database with its search index rebuilt, serves the same product pages and searches', async () => {
    let start = performance.now()
    const seeded = await seedDemoData()
    expect(seeded.created).toBeGreaterThanOrEqual(100)
    figures['seeded'] = `${seeded.total} products in ${seconds(start)}`
    const originalIndex = await reindexProducts()
    // A product on sale, one sold out in a size, and the newest: pages with different parts.
    const products = await prisma.product.findMany({
      where: { status: 'ACTIVE' },
      orderBy: { slug: 'asc' },
      select: { slug: true },
    })
    const slugs = [products[0]!, products[Math.floor(products.length / 2)]!, products.at(-1)!].map(
      (product) => product.slug,
    )
    const original = await pageView(slugs)
    const originalTables = await fingerprint(getEnv().databaseUrl)

    await mkdir(getEnv().dataDir, { recursive: true })
    const file = path.join(getEnv().dataDir, 'drill.dump')
    cleanup.push(() => rm(file, { force: true }))
    start = performance.now()
    const bytes = await dumpDatabase(getEnv().databaseUrl, file)
    figures['pg_dump (custom format)'] = `${(bytes / 1024).toFixed(0)} KB in ${seconds(start)}`

    const restored = await createEmptyDatabase('restore')
    cleanup.push(() => dropDatabase(restored.name))
    start = performance.now()
    await restoreDatabase(file, restored.url)
    figures['pg_restore into an empty database'] = seconds(start)
    // Every row of every table, the job queue and the migrations' bookkeeping included.
    const restoredTables = await fingerprint(restored.url)
    expect(restoredTables).toEqual(originalTables)
    figures['tables identical'] = `${Object.keys(restoredTables).length}`

    // Another process of the app on the restored database and an index built from it alone.
    start = performance.now()
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'tests/support/restore-probe.ts', ...slugs],
      {
        env: {
          ...process.env,
          DATABASE_URL: restored.url,
          // Under this file's prefix, so its cleanup deletes the rebuilt index too.
          MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX}restored_`,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    const probe = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      reindexed: { documents: number; ms: number }
      view: Awaited<ReturnType<typeof pageView>>
    }
    figures['search index rebuilt from the restore'] =
      `${probe.reindexed.documents} products in ${(probe.reindexed.ms / 1000).toFixed(1)} s`
    figures['restored app process, start to answers'] = seconds(start)
    expect(probe.reindexed.documents).toBe(originalIndex.documents)
    for (const slug of slugs) {
      expect(probe.view.pages[slug], slug).toEqual(original.pages[slug])
      expect(probe.view.searches[slug]!.length).toBeGreaterThan(0)
    }
    expect(probe.view.searches).toEqual(original.searches)
    figures['product pages compared'] = `${slugs.length}, identical; their searches too`
  }, 240_000)
})
